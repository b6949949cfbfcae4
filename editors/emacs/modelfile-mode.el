;;; modelfile-mode.el --- Major mode for Ollama Modelfiles  -*- lexical-binding: t -*-

;; SPDX-License-Identifier: MIT
;; URL: https://github.com/modelfile-lint/modelfile-lint
;; Package-Requires: ((emacs "27.1"))

;;; Commentary:

;; Highlighting for Ollama Modelfiles, and eglot set up for modelfile-lsp
;; (diagnostics, quick fixes, hover, completion, formatting):
;;
;;   (require 'modelfile-mode)
;;   (add-hook 'modelfile-mode-hook #'eglot-ensure)
;;
;; The faces follow the tree-sitter grammar's highlight classes
;; (grammar/queries/highlights.scm):
;;   (comment) @comment                     font-lock-comment-face
;;   (keyword) @keyword                     font-lock-keyword-face
;;   (unknown_keyword) @error               font-lock-warning-face
;;   (parameter_name) @property             font-lock-variable-name-face
;;   (message_role) @type.builtin           font-lock-builtin-face
;;   (quoted_value), (bare_value) @string   font-lock-string-face
;;   FROM value @string.special, ADAPTER/DRAFT value @string.special.path,
;;   numeric PARAMETER and REQUIRES values @number
;;                                          font-lock-constant-face
;; Ollama's rules: keywords are case-insensitive and start a line; a comment
;; is a line whose first non-blank character is #; a quoted value ("..." or
;; """...""") may span lines and closes only at the last non-blank
;; character of a line.
;;
;; A file is a Modelfile when it is named `Modelfile', `Modelfile.<suffix>',
;; `<stem>.Modelfile' or `<stem>.modelfile', unless the name ends in a
;; documentation or backup suffix (.md .markdown .rst .adoc .html .htm .pdf
;; .bak .orig .rej .old .tmp .swp .swo .swx ~) or is a lock or autosave
;; file (.#Modelfile, #Modelfile#).  Modelfile.txt is a Modelfile.

;;; Code:

(defgroup modelfile nil
  "Ollama Modelfiles."
  :group 'languages
  :prefix "modelfile-")

(defconst modelfile-keywords
  '("FROM" "PARAMETER" "TEMPLATE" "SYSTEM" "ADAPTER" "LICENSE" "MESSAGE"
    "RENDERER" "PARSER" "REQUIRES" "DRAFT")
  "The instructions Ollama's parser knows.")

(defconst modelfile--not-modelfile-re
  (concat "\\(?:\\.\\(?:md\\|markdown\\|rst\\|adoc\\|html?\\|pdf\\|bak\\|orig\\|rej\\|old\\|tmp"
          "\\|sw[pox]\\)\\|~\\)\\'\\|\\`\\.#\\|\\`#.*#\\'")
  "File names that are never Modelfiles: documentation, backups, locks.")

(defconst modelfile--name-re
  "\\`\\(?:Modelfile\\(?:\\..*\\)?\\|.+\\.[Mm]odelfile\\)\\'"
  "File names of Modelfiles (before the exclusions).")

(defun modelfile-file-name-p (file)
  "Non-nil when FILE (a path) is named like a Modelfile."
  (let ((name (file-name-nondirectory file))
        (case-fold-search nil))
    (and (string-match-p modelfile--name-re name)
         (not (string-match-p modelfile--not-modelfile-re name)))))

(defun modelfile--magic-p ()
  "For `magic-mode-alist': the visited file is a Modelfile."
  (and buffer-file-name (modelfile-file-name-p buffer-file-name)))

(defvar modelfile-mode-syntax-table
  (let ((st (make-syntax-table)))
    ;; Quotes and # mean something only at the places Ollama's parser gives
    ;; them; `modelfile--syntax-propertize' marks those.
    (modify-syntax-entry ?\" "." st)
    (modify-syntax-entry ?# "." st)
    (modify-syntax-entry ?' "." st)
    (modify-syntax-entry ?\n ">" st)
    (modify-syntax-entry ?_ "_" st)
    st)
  "Syntax table for `modelfile-mode'.")

(defconst modelfile--line-re
  (concat "^[ \t]*\\(?:\\(#\\)\\|\\(?:\\(?:parameter\\|message\\)[ \t]+[^ \t\n]+\\|[a-z]+\\)"
          "[ \t]+\\(\"\\(?:\"\"\\)?\\)\\)")
  "A comment's #, or the opening quote of an instruction's value.")

(defun modelfile--syntax-propertize (start end)
  "Mark comments and quoted values between START and END."
  (goto-char start)
  (let ((case-fold-search t)
        (ppss (syntax-ppss)))
    ;; Started inside a quoted value: find where it closes.
    (when (nth 3 ppss)
      (modelfile--close-quote (nth 8 ppss) end))
    (while (and (< (point) end) (re-search-forward modelfile--line-re end t))
      (if (match-beginning 1)
          (put-text-property (match-beginning 1) (match-end 1)
                             'syntax-table (string-to-syntax "<"))
        (let ((open (match-beginning 2)))
          (put-text-property open (1+ open) 'syntax-table (string-to-syntax "|"))
          (modelfile--close-quote open end))))))

(defun modelfile--close-quote (open end)
  "Mark the quote that closes the value opened at OPEN, if before END.
A value opened with three quotes closes with three, one with one; either
closes only as the last non-blank character of a line."
  (let* ((triple (string= (buffer-substring-no-properties
                           open (min (point-max) (+ open 3)))
                          "\"\"\""))
         (re (if triple "\"\"\"[ \t]*$" "\"[ \t]*$")))
    (goto-char (+ open (if triple 3 1)))
    (if (re-search-forward re end 'move)
        (let ((q (save-excursion (goto-char (match-end 0))
                                 (skip-chars-backward " \t")
                                 (1- (point)))))
          (put-text-property q (1+ q) 'syntax-table (string-to-syntax "|"))
          (goto-char (1+ q)))
      (goto-char end))))

(defconst modelfile-font-lock-keywords
  (let ((kw (regexp-opt modelfile-keywords)))
    `((,(concat "^[ \t]*\\(" kw "\\)\\(?:[ \t]\\|$\\)") 1 font-lock-keyword-face)
      ("^[ \t]*\\([^ \t\n#\"]+\\)" 1 font-lock-warning-face)
      ("^[ \t]*parameter[ \t]+\\([^ \t\n]+\\)\\(?:[ \t]+\\([-+]?[0-9.]+\\(?:[eE][-+]?[0-9]+\\)?\\)[ \t]*$\\)?"
       (1 font-lock-variable-name-face)
       (2 font-lock-constant-face nil t))
      ("^[ \t]*message[ \t]+\\([^ \t\n]+\\)" 1 font-lock-builtin-face)
      ("^[ \t]*\\(?:from\\|adapter\\|draft\\|requires\\)[ \t]+\\([^\" \t\n].*?\\)[ \t]*$"
       1 font-lock-constant-face)
      ("^[ \t]*\\(?:parameter\\|message\\)[ \t]+[^ \t\n]+[ \t]+\\([^\" \t\n].*?\\)[ \t]*$"
       1 font-lock-string-face)
      ("^[ \t]*[^ \t\n#\"]+[ \t]+\\([^\" \t\n].*?\\)[ \t]*$" 1 font-lock-string-face)))
  "Highlighting for `modelfile-mode' (keywords are matched ignoring case).
Earlier entries win: a later one never overrides a face already set.")

;;;###autoload
(define-derived-mode modelfile-mode prog-mode "Modelfile"
  "Major mode for Ollama Modelfiles."
  :syntax-table modelfile-mode-syntax-table
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "^[ \t]*#+[ \t]*")
  (setq-local comment-use-syntax nil)
  (setq-local syntax-propertize-function #'modelfile--syntax-propertize)
  (setq-local font-lock-defaults '(modelfile-font-lock-keywords nil t))
  (setq-local font-lock-multiline t))

;;;###autoload
(add-to-list 'magic-mode-alist '(modelfile--magic-p . modelfile-mode))

(with-eval-after-load 'eglot
  (defvar eglot-server-programs)
  (add-to-list 'eglot-server-programs '(modelfile-mode "modelfile-lsp")))

(provide 'modelfile-mode)
;;; modelfile-mode.el ends here
