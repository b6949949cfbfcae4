;;; emacs_eglot_test.el --- run by editors_test.sh  -*- lexical-binding: t -*-
;; Loads the eglot snippet from editors/README.md (its path in MFL_SNIPPET),
;; opens the story's Modelfile, waits for modelfile-lsp's diagnostic through
;; Flymake, applies the preferred quick fix with eglot, checks the buffer.
(require 'cl-lib)
(require 'package)
(package-initialize)
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
(mfl-log "emacs_eglot_test: Emacs %s, eglot %s" emacs-version
         (or (ignore-errors (package-desc-version (cadr (assq 'eglot package-alist)))) "built-in"))

(dolist (name '("/p/Modelfile" "/p/Modelfile.gemma3" "/p/chat.Modelfile" "/p/chat.modelfile"))
  (unless (eq (assoc-default name auto-mode-alist #'string-match) 'modelfile-mode)
    (mfl-fail "auto-mode-alist does not map %s to modelfile-mode" name)))

(find-file (expand-file-name "Modelfile" (getenv "MFL_WORK")))
(unless (eq major-mode 'modelfile-mode) (mfl-fail "major mode is %s" major-mode))
;; eglot-ensure connects on the next command; batch mode has none, so run the hook.
(run-hooks 'post-command-hook)
(unless (mfl-wait 10 (lambda () (and (eglot-current-server) eglot--managed-mode)))
  (mfl-fail "eglot did not connect to modelfile-lsp"))
(mfl-log "emacs_eglot_test: connected to %s" (jsonrpc-name (eglot-current-server)))

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
  (unless (string= line "PARAMETER num_ctx 262144")
    (mfl-fail "after the quick fix line 2 is %S" line)))
(princ "PASS emacs_eglot_test: README snippet, diagnostic via eglot/Flymake, quick fix gave num_ctx 262144\n")
(set-buffer-modified-p nil)
(ignore-errors (eglot-shutdown (eglot-current-server)))
(kill-emacs 0)
