;;; renda-eglot.el --- Renda language server through eglot  -*- lexical-binding: t; -*-

;; Tested with: Emacs 28.2 + eglot 1.9 (Debian's elpa-eglot); later eglots accept the same.
;; Package-Requires: ((emacs "27.1") (eglot "1.9"))

;;; Commentary:

;; Renda (`renda lsp`) checks and outlines Chinese 人大 newspaper articles.
;; Loading this file:
;;
;;  - registers Renda in `eglot-server-programs' for `markdown-mode' (put first,
;;    so it wins over eglot's default marksman entry) and for `text-mode' (put
;;    last, so tex-mode, texinfo-mode and other text-derived modes with their
;;    own entries keep their servers);
;;  - adds `renda-eglot-maybe-ensure' to `text-mode-hook' (markdown-mode runs
;;    it too, being derived from text-mode): it calls `eglot-ensure' only in
;;    buffers whose file name matches `renda-eglot-file-regexp' (.txt, .md,
;;    .markdown by default), so org, LaTeX or commit-message buffers are left alone.
;;
;; Install:
;;
;;   (add-to-list 'load-path "/path/to/renda/editors/emacs")
;;   (require 'renda-eglot)
;;   ;; if `renda' is not on `exec-path':
;;   (setq renda-eglot-program "/abs/path/to/renda")
;;
;; Options for the server go in `renda-eglot-initialization-options', a plist
;; sent as `initializationOptions', e.g.
;;
;;   (setq renda-eglot-initialization-options
;;         '(:language "en" :rules (:ocr-spacing "off" :heading-format "warning")))
;;
;; or per project in .dir-locals.el via eglot's workspace configuration:
;;
;;   ((nil . ((eglot-workspace-configuration
;;             . ((:renda . (:rules (:ocr-spacing "off"))))))))
;;
;; Useful commands in a managed buffer: M-x imenu (outline: articles under
;; "Module", headings under "Namespace"/"Class", lists under "Enum", slogans
;; under "String"), eldoc / M-x eldoc-doc-buffer (hover), M-x flymake-show-buffer-diagnostics
;; (Emacs 28; `flymake-show-diagnostics-buffer' before), M-x eglot-code-actions.

;;; Code:

(require 'eglot)

(defgroup renda nil
  "Renda, the language server for 人大 newspaper articles."
  :group 'tools
  :prefix "renda-")

(defcustom renda-eglot-program "renda"
  "The renda executable: a name on variable `exec-path', or an absolute path.
eglot starts it in the project root, so a relative path would mean a
different file in every project: use an absolute one."
  :type 'string
  :group 'renda)

(defcustom renda-eglot-file-regexp "\\.\\(?:txt\\|md\\|markdown\\)\\'"
  "Files whose name matches this regexp start Renda when opened.
Set it to, e.g., \"\\\\.txt\\\\='\" to use Renda for plain text only."
  :type 'regexp
  :group 'renda)

(defcustom renda-eglot-initialization-options nil
  "Plist sent as `initializationOptions'.
For example (:language \"en\" :rules (:ocr-spacing \"off\"))."
  :type '(plist)
  :group 'renda)

(defclass renda-eglot-server (eglot-lsp-server) ()
  :documentation "A `renda lsp' connection.")

(cl-defmethod eglot-initialization-options ((_server renda-eglot-server))
  "The plist in `renda-eglot-initialization-options', or an empty object."
  (or renda-eglot-initialization-options eglot--{}))

(defun renda-eglot-contact (&optional _interactive)
  "The eglot contact for Renda: its server class, program and `lsp'."
  (list 'renda-eglot-server renda-eglot-program "lsp"))

(defconst renda-eglot--markdown-entry
  '(((markdown-mode :language-id "markdown")) . renda-eglot-contact))

(defconst renda-eglot--text-entry
  '(((text-mode :language-id "text")) . renda-eglot-contact))

(defun renda-eglot-maybe-ensure ()
  "Call `eglot-ensure' when the buffer's file matches `renda-eglot-file-regexp'."
  (when (and buffer-file-name
             (string-match-p renda-eglot-file-regexp buffer-file-name))
    (eglot-ensure)))

;;;###autoload
(defun renda-eglot-setup ()
  "Register Renda with eglot and start it for matching text and markdown files."
  (add-to-list 'eglot-server-programs renda-eglot--markdown-entry)
  (add-to-list 'eglot-server-programs renda-eglot--text-entry t)
  (add-hook 'text-mode-hook #'renda-eglot-maybe-ensure))

(defun renda-eglot-teardown ()
  "Undo `renda-eglot-setup' (running servers are left alone: \\[eglot-shutdown])."
  (setq eglot-server-programs
        (delete renda-eglot--text-entry
                (delete renda-eglot--markdown-entry eglot-server-programs)))
  (remove-hook 'text-mode-hook #'renda-eglot-maybe-ensure))

(renda-eglot-setup)

(provide 'renda-eglot)
;;; renda-eglot.el ends here
