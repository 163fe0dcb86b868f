;;; lsp_mode_test.el --- end-to-end test of editors/emacs/renda-lsp-mode.el  -*- lexical-binding: t; -*-

;; Run by run-lsp-mode.sh:  emacs -Q --batch -l lsp_mode_test.el
;; Same environment and checks as emacs_test.el (minus eglot's imenu/flymake and the
;; serverInfo, which lsp-mode 8.0 does not keep). Every wait is bounded.

;;; Code:

(require 'cl-lib)
(require 'json)

(defvar renda-test--results nil)
(defvar renda-test--start (float-time))

(defun renda-test--env (name) (or (getenv name) (error "%s is not set" name)))

(defun renda-test--log (fmt &rest args)
  (princ (format "[lsp-mode %5.2fs] %s\n" (- (float-time) renda-test--start) (apply #'format fmt args))
         #'external-debugging-output))

(defun renda-test--put (key value)
  (setq renda-test--results (cons (cons key value) (assq-delete-all key renda-test--results))))

(defun renda-test--write ()
  (let ((coding-system-for-write 'utf-8))
    (write-region (json-encode renda-test--results) nil (renda-test--env "RENDA_RESULT") nil 'silent)))

(defun renda-test--wait (what seconds predicate)
  (let ((deadline (+ (float-time) seconds)))
    (while (not (funcall predicate))
      (when (> (float-time) deadline)
        (error "Timed out after %ss waiting for %s" seconds what))
      (run-hooks 'post-command-hook)
      (accept-process-output nil 0.05))))

(defun renda-test--range-text (range)
  "The text an LSP RANGE (a hash table, UTF-16 columns) covers, converted by lsp-mode."
  (let ((region (lsp--range-to-region range)))
    (buffer-substring-no-properties (car region) (cdr region))))

(defun renda-test--main ()
  (let ((repo (renda-test--env "RENDA_REPO"))
        (seed (renda-test--env "RENDA_SEED"))
        (work (renda-test--env "RENDA_WORK")))
    (require 'package)
    (setq package-directory-list
          (append (split-string (or (getenv "RENDA_ELPA") "") ":" t) package-directory-list))
    (setq package-user-dir (expand-file-name "elpa" work))
    (package-initialize)
    (setq lsp-session-file (expand-file-name "lsp-session" work)
          lsp-auto-guess-root t          ; no "import project?" prompt
          lsp-enable-file-watchers nil   ; no "watch 1420 directories?" prompt
          lsp-enable-snippet nil
          lsp-keep-workspace-alive nil
          lsp-client-packages nil        ; do not load the ~80 bundled clients
          lsp-restart 'ignore)           ; a dead server fails the test, no y-or-n-p
    (load (expand-file-name "editors/emacs/renda-lsp-mode.el" repo) nil t)
    (setq renda-lsp-program (renda-test--env "RENDA_BINARY"))
    (renda-test--put 'editor (format "emacs %s, lsp-mode %s" emacs-version
                                     (or (ignore-errors
                                           (mapconcat #'number-to-string
                                                      (package-desc-version (cadr (assq 'lsp-mode package-alist)))
                                                      "."))
                                         "?")))
    (find-file seed)
    (renda-test--put 'major_mode (symbol-name major-mode))
    ;; text-mode-hook -> renda-lsp-maybe-start -> lsp-deferred; batch Emacs has no
    ;; visible window changes to trigger it, so start it the way the hook would.
    (unless (bound-and-true-p lsp-mode) (lsp))
    (renda-test--wait "the renda workspace to initialize" 15
                      (lambda ()
                        (when (and (lsp-workspaces)
                                   (not (process-live-p (lsp--workspace-proc (car (lsp-workspaces))))))
                          (error "The server exited before initializing"))
                        (cl-some (lambda (w)
                                   (and (eq (lsp--workspace-status w) 'initialized)
                                        (eq (lsp--client-server-id (lsp--workspace-client w)) 'renda)))
                                 (lsp-workspaces))))
    (renda-test--log "initialized")
    (let ((workspace (car (lsp-workspaces))))
      (renda-test--put 'server_id (symbol-name (lsp--client-server-id (lsp--workspace-client workspace))))
      (renda-test--put 'language_id (funcall (lsp--client-language-id (lsp--workspace-client workspace))
                                             (current-buffer)))
      (renda-test--wait "diagnostics" 20
                        (lambda () (gethash buffer-file-name (lsp-diagnostics t))))
      (accept-process-output nil 0.3)
      (let ((diags (gethash buffer-file-name (lsp-diagnostics t))))
        (renda-test--put
         'diagnostics
         (vconcat (mapcar (lambda (d)
                            `((source . ,(gethash "source" d))
                              (code . ,(gethash "code" d))
                              (message . ,(gethash "message" d))
                              (text . ,(renda-test--range-text (gethash "range" d)))))
                          diags)))
        (renda-test--log "%d diagnostics" (length diags)))
      (let ((symbols (lsp-request "textDocument/documentSymbol"
                                  (list :textDocument (lsp--text-document-identifier)))))
        (renda-test--put
         'symbols
         (vconcat (mapcar (lambda (s)
                            `((name . ,(gethash "name" s))
                              (kind . ,(gethash "kind" s))
                              (selection_text . ,(and (gethash "selectionRange" s)
                                                      (renda-test--range-text (gethash "selectionRange" s))))
                              (children . ,(vconcat (mapcar (lambda (c) `((name . ,(gethash "name" c))))
                                                            (gethash "children" s))))))
                          symbols)))
        (renda-test--log "%d top-level symbols" (length symbols)))
      (goto-char (point-min))
      (forward-line 8)
      (unless (search-forward "四个机关" (line-end-position) t) (error "Line 9 does not contain 四个机关"))
      (goto-char (match-beginning 0))
      (let* ((params (lsp--text-document-position-params))
             (hover (lsp-request "textDocument/hover" params))
             (contents (gethash "contents" hover)))
        (renda-test--put 'hover_position `((line . ,(plist-get (plist-get params :position) :line))
                                           (character . ,(plist-get (plist-get params :position) :character))))
        (renda-test--put 'hover_text (if (stringp contents) contents (gethash "value" contents)))
        (when (gethash "range" hover)
          (renda-test--put 'hover_range_text (renda-test--range-text (gethash "range" hover))))
        (renda-test--log "hover: %d chars" (length (cdr (assq 'hover_text renda-test--results)))))
      (lsp-workspace-shutdown workspace)
      (renda-test--wait "the server process to exit" 10
                        (lambda () (not (process-live-p (lsp--workspace-proc workspace)))))
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

;;; lsp_mode_test.el ends here
