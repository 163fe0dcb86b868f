;;; renda-lsp-mode.el --- Renda language server through lsp-mode  -*- lexical-binding: t; -*-

;; Tested with: Emacs 28.2 + lsp-mode 8.0.0 (Debian's elpa-lsp-mode), see README.md.
;; Package-Requires: ((emacs "27.1") (lsp-mode "8.0"))

;;; Commentary:

;; Registers `renda lsp' as the lsp-mode client `renda' for text-mode and
;; markdown-mode buffers whose file name matches `renda-lsp-file-regexp'
;; (.txt, .md, .markdown), and starts it from `text-mode-hook' (markdown-mode
;; runs that hook too).  It is an add-on client: in markdown it runs next to
;; another markdown server (e.g. marksman) instead of replacing it.
;;
;;   (add-to-list 'load-path "/path/to/renda/editors/emacs")
;;   (require 'renda-lsp-mode)
;;   (setq renda-lsp-program "/abs/path/to/renda")   ; if renda is not on exec-path
;;
;; lsp-mode asks for the project root the first time (or set
;; `lsp-auto-guess-root').  Server options: `renda-lsp-initialization-options'
;; (a plist, e.g. (:language "en" :rules (:ocr-spacing "off"))).
;; Use eglot instead? See renda-eglot.el; load only one of the two.

;;; Code:

(require 'lsp-mode)

(defgroup renda-lsp nil
  "Renda, the language server for 人大 newspaper articles, through lsp-mode."
  :group 'lsp-mode
  :prefix "renda-lsp-")

(defcustom renda-lsp-program "renda"
  "The renda executable: a name on variable `exec-path', or an absolute path."
  :type 'string
  :group 'renda-lsp)

(defcustom renda-lsp-file-regexp "\\.\\(?:txt\\|md\\|markdown\\)\\'"
  "Files whose name matches this regexp start Renda when opened."
  :type 'regexp
  :group 'renda-lsp)

(defcustom renda-lsp-major-modes '(text-mode markdown-mode gfm-mode)
  "Major modes (exactly these, not modes derived from them) Renda serves."
  :type '(repeat symbol)
  :group 'renda-lsp)

(defcustom renda-lsp-initialization-options nil
  "Plist sent as `initializationOptions', e.g. (:language \"en\")."
  :type '(plist)
  :group 'renda-lsp)

(defun renda-lsp--activate-p (file-name mode)
  "Whether Renda serves FILE-NAME in major MODE."
  (and file-name
       (memq mode renda-lsp-major-modes)
       (string-match-p renda-lsp-file-regexp file-name)))

(lsp-register-client
 (make-lsp-client
  :new-connection (lsp-stdio-connection (lambda () (list renda-lsp-program "lsp")))
  :activation-fn #'renda-lsp--activate-p
  :language-id (lambda (buffer)
                 (if (provided-mode-derived-p (buffer-local-value 'major-mode buffer) 'markdown-mode)
                     "markdown"
                   "text"))
  :initialization-options (lambda () (or renda-lsp-initialization-options (make-hash-table)))
  :add-on? t
  :server-id 'renda))

(defun renda-lsp-maybe-start ()
  "Start lsp-mode (deferred) when Renda serves the current buffer."
  (when (renda-lsp--activate-p buffer-file-name major-mode)
    (lsp-deferred)))

(add-hook 'text-mode-hook #'renda-lsp-maybe-start)

(provide 'renda-lsp-mode)
;;; renda-lsp-mode.el ends here
