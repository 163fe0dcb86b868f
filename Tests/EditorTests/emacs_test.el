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

;; workspace/configuration: what the server asks and what eglot answers (eglot 1.9
;; answers from `eglot-workspace-configuration', nil for a section it does not have).
(defvar renda-test--configuration-requests nil)
(defvar renda-test--configuration-answers nil)

(defun renda-test--record-request (handle server method &rest params)
  "Around `eglot-handle-request': record workspace/configuration and eglot's answer."
  (if (not (eq method 'workspace/configuration))
      (apply handle server method params)
    (push `((items . ,(vconcat (mapcar (lambda (item) `((section . ,(plist-get item :section))))
                                       (plist-get params :items)))))
          renda-test--configuration-requests)
    (condition-case err
        (let ((answer (apply handle server method params)))
          (push `((result . ,answer)
                  (at . ,(- (float-time) renda-test--start)))
                renda-test--configuration-answers)
          answer)
      (error
       (push `((error . ,(error-message-string err)) (at . ,(- (float-time) renda-test--start)))
             renda-test--configuration-answers)
       (signal (car err) (cdr err))))))

(defun renda-test--wait-quietly (seconds predicate)
  "Like `renda-test--wait' but just return (nil) when PREDICATE still fails after SECONDS."
  (condition-case nil (progn (renda-test--wait "" seconds predicate) t) (error nil)))

(defun renda-test--has-code (code diagnostics)
  (cl-some (lambda (d) (equal (plist-get (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)) :code) code))
           diagnostics))

(defun renda-test--goto (line needle &optional by)
  "Point at NEEDLE on 0-based LINE, BY characters in."
  (goto-char (point-min))
  (forward-line line)
  (unless (search-forward needle (line-end-position) t)
    (error "Line %d does not contain %s" (1+ line) needle))
  (goto-char (+ (match-beginning 0) (or by 0))))

(defun renda-test--location (location)
  "A LOCATION as eglot maps it: its line, and the buffer text it covers when in this file."
  (let* ((range (plist-get location :range))
         (same (equal (plist-get location :uri) (eglot--path-to-uri buffer-file-name))))
    `((same_file . ,(if same t :json-false))
      (line . ,(plist-get (plist-get range :start) :line))
      (text . ,(and same (renda-test--region-text range))))))

(defun renda-test--range-entry (range)
  `((start . ,(plist-get range :start)) (end . ,(plist-get range :end))
    (text . ,(renda-test--region-text range))))

(defun renda-test--navigation (server)
  "Definition, references, highlights, semantic tokens, selection ranges, workspace
symbols and completion through `jsonrpc-request' (what eglot itself would use: `native')."
  (renda-test--put 'request_function "jsonrpc-request")
  (let ((native (lambda (what capability) (if (eglot--server-capable capability) what :json-false))))
    ;; The title's “四个机关” (line 147), one character in.
    (renda-test--goto 146 "四个机关" 1)
    (let ((at (eglot--TextDocumentPositionParams)))
      (renda-test--put
       'definition
       `((native . ,(funcall native "xref-find-definitions (M-.)" :definitionProvider))
         (locations . ,(vconcat (mapcar #'renda-test--location
                                        (jsonrpc-request server :textDocument/definition at :timeout 10))))))
      (renda-test--put
       'references
       `((native . ,(funcall native "xref-find-references (M-?)" :referencesProvider))
         (locations . ,(vconcat (mapcar #'renda-test--location
                                        (jsonrpc-request server :textDocument/references
                                                         (append at '(:context (:includeDeclaration t)))
                                                         :timeout 10))))))
      (renda-test--put
       'highlight
       `((native . ,(if (and (fboundp 'eglot--highlight-piggyback)
                             (eglot--server-capable :documentHighlightProvider))
                        "eldoc piggyback (eglot--highlight-piggyback)" :json-false))
         (highlights . ,(vconcat (mapcar (lambda (h)
                                           `((line . ,(plist-get (plist-get (plist-get h :range) :start) :line))
                                             (kind . ,(or (plist-get h :kind) 1))
                                             (text . ,(renda-test--region-text (plist-get h :range)))))
                                         (jsonrpc-request server :textDocument/documentHighlight at
                                                          :timeout 10)))))))
    (renda-test--log "definition, references, highlight done")

    ;; Semantic tokens: eglot 1.9 has no client for them; decode the relative integers here.
    (let* ((provider (plist-get (eglot--capabilities server) :semanticTokensProvider))
           (answer (jsonrpc-request server :textDocument/semanticTokens/full
                                    (list :textDocument (eglot--TextDocumentIdentifier)) :timeout 10))
           (data (append (plist-get answer :data) nil))
           (line 0) (start 0) (tokens nil))
      (while data
        (let ((delta-line (pop data)) (delta-start (pop data)) (length (pop data))
              (type (pop data)) (modifiers (pop data)))
          (if (> delta-line 0)
              (setq line (+ line delta-line) start delta-start)
            (setq start (+ start delta-start)))
          (push `((line . ,line) (start . ,start) (length . ,length) (type . ,type) (modifiers . ,modifiers)
                  (text . ,(renda-test--region-text
                            (list :start (list :line line :character start)
                                  :end (list :line line :character (+ start length))))))
                tokens)))
      (setq tokens (nreverse tokens))
      (renda-test--put 'semantic_tokens
                       `((native . ,(if (fboundp 'eglot-semantic-tokens-mode) "eglot-semantic-tokens-mode"
                                      :json-false))
                         (legend . ,(plist-get provider :legend))
                         (tokens . ,(vconcat tokens))))
      (renda-test--log "%d semantic tokens" (length tokens)))

    ;; Selection ranges at 四 of “四个机关” in line 9 (eglot 1.9 has no expand-selection).
    (renda-test--goto 8 "四个机关")
    (let* ((position (eglot--pos-to-lsp-position))
           (chains (jsonrpc-request server :textDocument/selectionRange
                                    (list :textDocument (eglot--TextDocumentIdentifier)
                                          :positions (vector position))
                                    :timeout 10))
           (node (and (> (length chains) 0) (aref chains 0)))
           (chain nil))
      (while (and node (plist-get node :range))
        (push (renda-test--range-entry (plist-get node :range)) chain)
        (setq node (plist-get node :parent)))
      (renda-test--put 'selection_range
                       `((native . ,(if (fboundp 'eglot-expand-selection) "eglot-expand-selection" :json-false))
                         (position . ,position)
                         (chain . ,(vconcat (nreverse chain))))))

    ;; workspace/symbol for a word of a title (M-x xref-find-apropos asks the same).
    (let ((symbols (jsonrpc-request server :workspace/symbol '(:query "贯穿") :timeout 10)))
      (renda-test--put 'workspace_symbol
                       `((native . ,(funcall native "xref-find-apropos (C-M-.)" :workspaceSymbolProvider))
                         (query . "贯穿")
                         (symbols . ,(vconcat (mapcar (lambda (s)
                                                        (append `((name . ,(plist-get s :name))
                                                                  (kind . ,(plist-get s :kind)))
                                                                (renda-test--location (plist-get s :location))))
                                                      symbols)))))
      (renda-test--log "%d workspace symbols" (length symbols)))

    ;; Completion after typing “四个 on a new last line: eglot's own capf, then the items.
    (goto-char (point-max))
    (unless (bolp) (insert "\n"))
    (insert "“四个")
    (eglot--signal-textDocument/didChange)
    (let* ((capf (eglot-completion-at-point))
           (labels (and capf (all-completions "" (nth 2 capf))))
           (params (eglot--CompletionParams))
           (answer (jsonrpc-request server :textDocument/completion params :timeout 10))
           (items (if (vectorp answer) answer (plist-get answer :items))))
      (renda-test--put
       'completion
       `((native . ,(if capf "completion-at-point (eglot-completion-at-point)" :json-false))
         (via . "eglot-completion-at-point (labels), jsonrpc-request (items)")
         (typed . "“四个")
         (line . ,(plist-get (plist-get params :position) :line))
         (native_labels . ,(vconcat (mapcar #'substring-no-properties labels)))
         (items . ,(vconcat (mapcar (lambda (item)
                                      (let ((edit (plist-get item :textEdit)))
                                        `((label . ,(plist-get item :label))
                                          (kind . ,(plist-get item :kind))
                                          (new_text . ,(plist-get edit :newText))
                                          (edit_text . ,(and edit (renda-test--region-text (plist-get edit :range))))
                                          (edit_line . ,(and edit (plist-get (plist-get (plist-get edit :range) :start)
                                                                             :line))))))
                                    items)))))
      (renda-test--log "%d completion items" (length items)))))

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
    (advice-add 'eglot-handle-request :around #'renda-test--record-request)
    ;; A rule turned off the way an eglot user would (it is global: eglot answers the
    ;; pull from a temporary buffer): the pulled settings must reach the server.
    (setq-default eglot-workspace-configuration '(:renda (:rules (:heading-parallel "off"))))
    (renda-test--log "renda-eglot loaded; opening %s" seed)

    ;; Opening the file runs text-mode-hook -> renda-eglot-maybe-ensure -> eglot-ensure,
    ;; which connects from post-command-hook (run by renda-test--wait).
    (find-file seed)
    ;; The test types into the buffer (completion) but never saves it: a checkout whose
    ;; files are read-only must not stop it.
    (setq buffer-read-only nil)
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

      ;; The server pulls the renda settings after initialized when the client advertises
      ;; workspace/configuration (eglot does): wait for eglot's answer, then for diagnostics.
      (let ((advertised (plist-get (plist-get (eglot-client-capabilities server) :workspace) :configuration)))
        (when (eq advertised t)
          (renda-test--wait "the server's workspace/configuration request" 5
                            (lambda () renda-test--configuration-answers)))
        (renda-test--put 'configuration `((advertised . ,(if (eq advertised t) t :json-false)))))

      ;; Diagnostics, as flymake shows them: some, and (given a little time for the
      ;; re-analysis the pulled settings start) none from the rule turned off.
      (renda-test--wait "flymake diagnostics" 20 (lambda () (flymake-diagnostics)))
      (renda-test--wait-quietly 5 (lambda () (not (renda-test--has-code "heading-parallel" (flymake-diagnostics)))))
      (accept-process-output nil 0.3)
      (let ((diags (flymake-diagnostics)))
        (renda-test--put 'configuration
                         (append (cdr (assq 'configuration renda-test--results))
                                 `((rule_off . "heading-parallel")
                                   (requests . ,(vconcat (reverse renda-test--configuration-requests)))
                                   (answers . ,(vconcat (reverse renda-test--configuration-answers)))
                                   (diagnostics_read_at . ,(- (float-time) renda-test--start)))))
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

      (renda-test--navigation server)

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
