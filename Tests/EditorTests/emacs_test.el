;;; emacs_test.el --- end-to-end test of editors/emacs/renda-eglot.el  -*- lexical-binding: t; -*-

;; Run by run-emacs.sh:  emacs -Q --batch -l emacs_test.el
;; Environment: RENDA_REPO (repository root), RENDA_BINARY (absolute path of renda),
;; RENDA_SEED (file to open), RENDA_RESULT (JSON results), RENDA_ELPA (Debian's elpa dirs,
;; colon-separated). Every wait is bounded; any error writes {"error": ...} and exits 1.

;;; Code:

(require 'cl-lib)
(require 'json)

(defvar renda-test--results nil "Alist written to RENDA_RESULT.")
(defvar renda-test--start (float-time))

(defun renda-test--env (name)
  (or (getenv name) (error "%s is not set" name)))

(defun renda-test--log (fmt &rest args)
  (princ (format "[emacs %5.2fs] %s\n" (- (float-time) renda-test--start) (apply #'format fmt args))
         #'external-debugging-output))

(defun renda-test--put (key value)
  (setq renda-test--results (cons (cons key value) (assq-delete-all key renda-test--results))))

(defun renda-test--write ()
  (let ((coding-system-for-write 'utf-8)
        (json-encoding-pretty-print nil))
    (write-region (json-encode renda-test--results) nil (renda-test--env "RENDA_RESULT") nil 'silent)))

(defun renda-test--wait (what seconds predicate)
  "Wait up to SECONDS for PREDICATE, running the command-loop hooks batch mode skips."
  (let ((deadline (+ (float-time) seconds)))
    (while (not (funcall predicate))
      (when (> (float-time) deadline)
        (error "Timed out after %ss waiting for %s" seconds what))
      ;; What the command loop would do between two keystrokes.
      (run-hooks 'post-command-hook)
      (accept-process-output nil 0.05))))

(defun renda-test--region-text (range)
  "The buffer text an LSP (UTF-16) RANGE covers, converted as eglot converts it."
  (let ((region (eglot--range-region range)))
    (buffer-substring-no-properties (car region) (cdr region))))

(defun renda-test--line-col (pos)
  (save-excursion
    (goto-char pos)
    (cons (1- (line-number-at-pos)) (- (point) (line-beginning-position)))))

(defun renda-test--imenu-names (entries)
  "Names of the leaf entries of an imenu ENTRIES list (one level, no sub-alists)."
  (cl-loop for e in entries
           when (and (consp e) (stringp (car e)) (not (listp (cdr e))))
           collect (car e)))

(defun renda-test--main ()
  (let* ((repo (renda-test--env "RENDA_REPO"))
         (binary (renda-test--env "RENDA_BINARY"))
         (seed (renda-test--env "RENDA_SEED"))
         (second-file (expand-file-name "seeds/002_f6e1cc83208734be.txt" repo)))
    ;; Debian's elpa packages are invisible to emacs -Q until listed here.
    (require 'package)
    (setq package-directory-list
          (append (split-string (or (getenv "RENDA_ELPA") "") ":" t) package-directory-list))
    (setq package-user-dir (expand-file-name "elpa" (renda-test--env "RENDA_WORK")))
    (package-initialize)
    (require 'eglot)
    (renda-test--put 'editor
                     (format "emacs %s, eglot %s" emacs-version
                             (or (ignore-errors
                                   (mapconcat #'number-to-string
                                              (package-desc-version (cadr (assq 'eglot package-alist)))
                                              "."))
                                 "?")))
    (load (expand-file-name "editors/emacs/renda-eglot.el" repo) nil t)
    (setq renda-eglot-program binary)
    (setq eglot-sync-connect 10)
    (renda-test--log "renda-eglot loaded; opening %s" seed)

    ;; Opening the file runs text-mode-hook -> renda-eglot-maybe-ensure -> eglot-ensure,
    ;; which connects from post-command-hook (run by renda-test--wait).
    (find-file seed)
    (renda-test--put 'major_mode (symbol-name major-mode))
    (renda-test--wait "eglot to manage the buffer" 15
                      (lambda () (and (bound-and-true-p eglot--managed-mode) (eglot-current-server))))
    (let* ((buffer (current-buffer))
           (server (eglot-current-server)))
      (renda-test--put 'server_info (eglot--server-info server))
      (renda-test--put 'language_id (eglot--language-id server))
      (renda-test--log "connected: %S" (eglot--server-info server))

      ;; A second .txt file in the same project reuses the server.
      (find-file second-file)
      (renda-test--wait "eglot to manage the second buffer" 10
                        (lambda () (bound-and-true-p eglot--managed-mode)))
      (renda-test--put 'same_server (if (eq (eglot-current-server) server) t :json-false))
      (switch-to-buffer buffer)

      ;; Diagnostics, as flymake shows them.
      (renda-test--wait "flymake diagnostics" 20 (lambda () (flymake-diagnostics)))
      (accept-process-output nil 0.3)
      (let ((diags (flymake-diagnostics)))
        (renda-test--put 'flymake_count (length diags))
        (renda-test--put
         'diagnostics
         (vconcat
          (mapcar
           (lambda (d)
             (let* ((spec (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)))
                    (beg (flymake-diagnostic-beg d))
                    (end (flymake-diagnostic-end d))
                    (start (renda-test--line-col beg)))
               `((line . ,(car start)) (col . ,(cdr start))
                 (type . ,(symbol-name (flymake-diagnostic-type d)))
                 (source . ,(plist-get spec :source))
                 (code . ,(plist-get spec :code))
                 (message . ,(plist-get spec :message))
                 (shown . ,(flymake-diagnostic-text d))
                 (text . ,(buffer-substring-no-properties beg end)))))
           diags)))
        (renda-test--log "%d flymake diagnostics" (length diags)))

      ;; textDocument/documentSymbol, asked directly (no eglot--request in 1.9).
      (let ((symbols (jsonrpc-request server :textDocument/documentSymbol
                                      (list :textDocument (eglot--TextDocumentIdentifier))
                                      :timeout 10)))
        (renda-test--put
         'symbols
         (vconcat
          (mapcar
           (lambda (s)
             `((name . ,(plist-get s :name))
               (kind . ,(plist-get s :kind))
               (selection_text . ,(and (plist-get s :selectionRange)
                                       (renda-test--region-text (plist-get s :selectionRange))))
               (children . ,(vconcat (mapcar (lambda (c) `((name . ,(plist-get c :name))
                                                           (kind . ,(plist-get c :kind))))
                                             (plist-get s :children))))))
           symbols)))
        (renda-test--log "%d top-level symbols" (length symbols)))

      ;; The outline as M-x imenu shows it (eglot groups by symbol kind).
      (let ((index (funcall imenu-create-index-function)))
        (renda-test--put 'imenu
                         (mapcar (lambda (group)
                                   (cons (car group) (vconcat (renda-test--imenu-names (cdr group)))))
                                 index)))

      ;; Hover on 四 of “四个机关” in line 9: eglot computes the UTF-16 column.
      (goto-char (point-min))
      (forward-line 8)
      (unless (search-forward "四个机关" (line-end-position) t)
        (error "Line 9 does not contain 四个机关"))
      (goto-char (match-beginning 0))
      (let* ((params (eglot--TextDocumentPositionParams))
             (hover (jsonrpc-request server :textDocument/hover params :timeout 10))
             (contents (plist-get hover :contents)))
        (renda-test--put 'hover_position (plist-get params :position))
        (renda-test--put 'hover_kind (and (listp contents) (plist-get contents :kind)))
        (renda-test--put 'hover_text (if (stringp contents) contents (plist-get contents :value)))
        (when (plist-get hover :range)
          (renda-test--put 'hover_range_text (renda-test--region-text (plist-get hover :range))))
        ;; What eldoc would show (rendered with markdown-mode when it is installed).
        (renda-test--put 'hover_rendered
                         (condition-case err
                             (substring-no-properties
                              (eglot--hover-info contents (plist-get hover :range)))
                           (error (format "not rendered: %S" err))))
        (renda-test--log "hover: %d chars" (length (cdr (assq 'hover_text renda-test--results)))))

      ;; Clean shutdown: shutdown + exit, then the process must be gone.
      (eglot-shutdown server nil 5)
      (renda-test--wait "the server process to exit" 5 (lambda () (not (jsonrpc-running-p server))))
      (renda-test--put 'stopped t)
      (renda-test--put 'elapsed (- (float-time) renda-test--start)))))

(condition-case err
    (progn
      (with-timeout (50 (error "Watchdog: test still running after 50 s"))
        (renda-test--main))
      (renda-test--write)
      (renda-test--log "done")
      (kill-emacs 0))
  (error
   (renda-test--put 'error (error-message-string err))
   (renda-test--log "FAILED: %s" (error-message-string err))
   (ignore-errors (renda-test--write))
   (kill-emacs 1)))

;;; emacs_test.el ends here
