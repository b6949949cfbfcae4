;;; emacs_eglot_test.el --- run by editors_test.sh  -*- lexical-binding: t -*-
;; Loads the eglot snippet from editors/README.md (its path in MFL_SNIPPET),
;; opens the story's Modelfile, waits for modelfile-lsp's diagnostic through
;; Flymake, applies the preferred quick fix with eglot, checks the buffer.
(require 'cl-lib)
(require 'eglot)
(require 'flymake)

(defun mfl-log (fmt &rest args) (princ (concat (apply #'format fmt args) "\n") #'external-debugging-output))
(defun mfl-fail (fmt &rest args)
  (mfl-log "FAIL emacs_eglot_test: %s" (apply #'format fmt args))
  (kill-emacs 1))
(defun mfl-wait (secs pred)
  (let ((deadline (+ (float-time) secs)) result)
    (while (and (not (setq result (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    result))

(load (getenv "MFL_SNIPPET") nil t)
(mfl-log "emacs_eglot_test: Emacs %s, eglot from %s" emacs-version (locate-library "eglot"))

;; File detection: every name of tests/integration/modelfile-names.txt.
(with-temp-buffer
  (insert-file-contents (getenv "MFL_NAMES"))
  (dolist (line (split-string (buffer-string) "\n" t))
    (unless (string-prefix-p "#" line)
      (let* ((want (string-prefix-p "yes " line))
             (name (substring line (if want 4 3)))
             (got (with-temp-buffer
                    (setq buffer-file-name (concat "/p/" name))
                    (set-auto-mode)
                    (prog1 major-mode (setq buffer-file-name nil)))))
        (unless (eq want (eq got 'modelfile-mode))
          (mfl-fail "%s opens in %s" name got))))))
(mfl-log "emacs_eglot_test: file detection agrees with modelfile-names.txt")

(find-file (expand-file-name "Modelfile" (getenv "MFL_WORK")))
(unless (eq major-mode 'modelfile-mode) (mfl-fail "major mode is %s" major-mode))
;; eglot-ensure connects on the next command; batch mode has none, so run the hook.
(run-hooks 'post-command-hook)
(unless (mfl-wait 10 (lambda () (and (eglot-current-server) eglot--managed-mode)))
  (mfl-fail "eglot did not connect to modelfile-lsp"))
(mfl-log "emacs_eglot_test: connected to %s" (jsonrpc-name (eglot-current-server)))

;; Highlighting (font-lock), as highlights.scm classes the same tokens.
(font-lock-ensure)
(dolist (want '((1 0 font-lock-keyword-face) (1 6 font-lock-constant-face)
                (2 0 font-lock-keyword-face) (2 11 font-lock-variable-name-face)
                (2 20 font-lock-constant-face)))
  (goto-char (point-min))
  (forward-line (1- (nth 0 want)))
  (forward-char (nth 1 want))
  (let ((face (get-text-property (point) 'face)))
    (unless (eq face (nth 2 want))
      (mfl-fail "face at %d:%d is %S, want %S" (nth 0 want) (nth 1 want) face (nth 2 want)))))
(mfl-log "emacs_eglot_test: font-lock faces as highlights.scm classes them")

;; Hover on num_ctx: eglot without markdown-mode takes plain text only, and
;; gets it (no Markdown markup).
(goto-char (point-min))
(forward-line 1)
(forward-char 12)
(let* ((server (eglot-current-server))
       ;; eglot asks for Markdown only when markdown-mode is there.
       (formats (if (fboundp 'gfm-view-mode) ["markdown" "plaintext"] ["plaintext"]))
       (hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
       (contents (plist-get hover :contents))
       (kind (plist-get contents :kind))
       (value (or (plist-get contents :value) "")))
  (mfl-log "emacs_eglot_test: client accepts %S; hover is %s:\n%s" formats kind value)
  (when (and (equal formats ["plaintext"])
             (or (not (equal kind "plaintext"))
                 (string-match-p "\\*\\*\\|^|\\|```\\|^#" value)))
    (mfl-fail "hover for a plain-text client is not plain text: %s %S" kind value))
  (unless (string-match-p "Native context" value)
    (mfl-fail "hover on num_ctx lacks the model's native context: %S" value)))

(goto-char (point-min))
(forward-line 1)
(let* ((bol (line-beginning-position)) (eol (line-end-position))
       (diag (mfl-wait 10 (lambda ()
                            (flymake-start)
                            (car (flymake-diagnostics bol eol))))))
  (unless diag (mfl-fail "no Flymake diagnostic on line 2 within 10 s"))
  (mfl-log "emacs_eglot_test: diagnostic: %s" (flymake-diagnostic-text diag))
  (let* ((actions (eglot-code-actions bol eol "quickfix" nil))
         (chosen (or (cl-find-if (lambda (a) (plist-get a :isPreferred)) actions))))
    (dolist (a actions) (mfl-log "emacs_eglot_test: action %S preferred=%S" (plist-get a :title) (plist-get a :isPreferred)))
    (unless chosen (mfl-fail "no preferred quickfix among %d actions" (length actions)))
    (eglot--read-execute-code-action (list chosen) (eglot-current-server) "quickfix")))
(goto-char (point-min))
(forward-line 1)
(let ((line (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
  (unless (string= line (or (getenv "MFL_EXPECT") "PARAMETER num_ctx 262144"))
    (mfl-fail "after the quick fix line 2 is %S" line))
  (princ (format "PASS emacs_eglot_test: README snippet, diagnostic via eglot/Flymake, quick fix gave %S\n" line)))
(set-buffer-modified-p nil)
(ignore-errors (eglot-shutdown (eglot-current-server)))
(kill-emacs 0)
