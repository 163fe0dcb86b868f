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

;; workspace/configuration: what the server asks and what lsp-mode answers (lsp-mode 8.0
;; answers from the settings registered with `lsp-register-custom-settings', an empty
;; object for a section it has none for).
(defvar renda-test--configuration-requests nil)
(defvar renda-test--configuration-answers nil)

(defun renda-test--record-configuration (build params)
  "Around `lsp--build-workspace-configuration-response': record the request and the answer."
  (push `((items . ,(vconcat (mapcar (lambda (item) `((section . ,(gethash "section" item))))
                                     (gethash "items" params)))))
        renda-test--configuration-requests)
  (let ((answer (funcall build params)))
    (push `((result . ,answer) (at . ,(- (float-time) renda-test--start))) renda-test--configuration-answers)
    answer))

(defun renda-test--wait-quietly (seconds predicate)
  "Like `renda-test--wait' but just return nil when PREDICATE still fails after SECONDS."
  (condition-case nil (progn (renda-test--wait "" seconds predicate) t) (error nil)))

(defun renda-test--goto (line needle &optional by)
  "Point at NEEDLE on 0-based LINE, BY characters in."
  (goto-char (point-min))
  (forward-line line)
  (unless (search-forward needle (line-end-position) t)
    (error "Line %d does not contain %s" (1+ line) needle))
  (goto-char (+ (match-beginning 0) (or by 0))))

(defun renda-test--location (location)
  "A LOCATION (hash table) as lsp-mode maps it: its line, and the text it covers when in this file."
  (let* ((range (gethash "range" location))
         (same (equal (gethash "uri" location) (lsp--buffer-uri))))
    `((same_file . ,(if same t :json-false))
      (line . ,(gethash "line" (gethash "start" range)))
      (text . ,(and same (renda-test--range-text range))))))

(defun renda-test--position (point)
  (let ((position (lsp--point-to-position point)))
    `((line . ,(plist-get position :line)) (character . ,(plist-get position :character)))))

(defun renda-test--native (command method)
  "COMMAND when lsp-mode defines it and the server offers METHOD, else false."
  (if (and (fboundp command) (lsp-feature? method)) (symbol-name command) :json-false))

(defun renda-test--navigation ()
  "Definition, references, highlights, semantic tokens, selection ranges, workspace
symbols and completion, through `lsp-request' or lsp-mode's own command (`native')."
  (renda-test--put 'request_function "lsp-request")
  ;; The title's “四个机关” (line 147), one character in.
  (renda-test--goto 146 "四个机关" 1)
  (let ((at (lsp--text-document-position-params)))
    (renda-test--put 'definition
                     `((native . ,(renda-test--native 'lsp-find-definition "textDocument/definition"))
                       (locations . ,(vconcat (mapcar #'renda-test--location
                                                      (lsp-request "textDocument/definition" at))))))
    (renda-test--put 'references
                     `((native . ,(renda-test--native 'lsp-find-references "textDocument/references"))
                       (locations . ,(vconcat (mapcar #'renda-test--location
                                                      (lsp-request "textDocument/references"
                                                                   (append at '(:context (:includeDeclaration t)))))))))
    (renda-test--put 'highlight
                     `((native . ,(renda-test--native 'lsp-document-highlight "textDocument/documentHighlight"))
                       (highlights . ,(vconcat (mapcar (lambda (h)
                                                         `((line . ,(gethash "line" (gethash "start" (gethash "range" h))))
                                                           (kind . ,(or (gethash "kind" h) 1))
                                                           (text . ,(renda-test--range-text (gethash "range" h)))))
                                                       (lsp-request "textDocument/documentHighlight" at)))))))
  (renda-test--log "definition, references, highlight done")

  ;; Semantic tokens, decoded here (lsp-semantic-tokens-mode would colour them).
  (let* ((provider (lsp--capability :semanticTokensProvider))
         (legend (gethash "legend" provider))
         (answer (lsp-request "textDocument/semanticTokens/full"
                              (list :textDocument (lsp--text-document-identifier))))
         (data (append (gethash "data" answer) nil))
         (line 0) (start 0) (tokens nil))
    (while data
      (let ((delta-line (pop data)) (delta-start (pop data)) (length (pop data))
            (type (pop data)) (modifiers (pop data)))
        (if (> delta-line 0)
            (setq line (+ line delta-line) start delta-start)
          (setq start (+ start delta-start)))
        (push `((line . ,line) (start . ,start) (length . ,length) (type . ,type) (modifiers . ,modifiers)
                (text . ,(buffer-substring-no-properties (lsp--line-character-to-point line start)
                                                         (lsp--line-character-to-point line (+ start length)))))
              tokens)))
    (setq tokens (nreverse tokens))
    (renda-test--put 'semantic_tokens
                     `((native . ,(renda-test--native 'lsp-semantic-tokens-mode "textDocument/semanticTokensFull"))
                       (legend . ((tokenTypes . ,(gethash "tokenTypes" legend))
                                  (tokenModifiers . ,(gethash "tokenModifiers" legend))))
                       (tokens . ,(vconcat tokens))))
    (renda-test--log "%d semantic tokens" (length tokens)))

  ;; Expand selection from 四 of “四个机关” in line 9 with lsp-mode's own command,
  ;; one step at a time until it stops growing.
  (renda-test--goto 8 "四个机关")
  (let ((position (renda-test--position (point)))
        (chain nil)
        (previous nil))
    (transient-mark-mode 1)
    (deactivate-mark)
    (cl-loop repeat 20
             do (lsp-extend-selection)
             for region = (and (region-active-p) (cons (region-beginning) (region-end)))
             while (and region (not (equal region previous)))
             do (setq previous region)
             (push `((start . ,(renda-test--position (car region)))
                     (end . ,(renda-test--position (cdr region)))
                     (text . ,(buffer-substring-no-properties (car region) (cdr region))))
                   chain))
    (deactivate-mark)
    (renda-test--put 'selection_range
                     `((native . ,(renda-test--native 'lsp-extend-selection "textDocument/selectionRange"))
                       (via . "lsp-extend-selection, step by step")
                       (position . ,position)
                       (chain . ,(vconcat (nreverse chain))))))

  ;; workspace/symbol for a word of a title (xref-find-apropos asks the same).
  (let ((symbols (lsp-request "workspace/symbol" '(:query "贯穿"))))
    (renda-test--put 'workspace_symbol
                     `((native . ,(if (lsp-feature? "workspace/symbol") "xref-find-apropos" :json-false))
                       (query . "贯穿")
                       (symbols . ,(vconcat (mapcar (lambda (s)
                                                      (append `((name . ,(gethash "name" s))
                                                                (kind . ,(gethash "kind" s)))
                                                              (renda-test--location (gethash "location" s))))
                                                    symbols)))))
    (renda-test--log "%d workspace symbols" (length symbols)))

  ;; Completion after typing “四个 on a new last line: lsp-mode's capf, then the items.
  (goto-char (point-max))
  (unless (bolp) (insert "\n"))
  (insert "“四个")
  (let* ((capf (lsp-completion-at-point))
         (labels (and capf (all-completions "" (nth 2 capf))))
         (params (lsp--text-document-position-params))
         (answer (lsp-request "textDocument/completion" params))
         (items (if (hash-table-p answer) (gethash "items" answer) answer)))
    (renda-test--put
     'completion
     `((native . ,(if capf "completion-at-point (lsp-completion-at-point)" :json-false))
       (via . "lsp-completion-at-point (labels), lsp-request (items)")
       (typed . "“四个")
       (line . ,(plist-get (plist-get params :position) :line))
       (native_labels . ,(vconcat (mapcar #'substring-no-properties labels)))
       (items . ,(vconcat (mapcar (lambda (item)
                                    (let ((edit (gethash "textEdit" item)))
                                      `((label . ,(gethash "label" item))
                                        (kind . ,(gethash "kind" item))
                                        (new_text . ,(and edit (gethash "newText" edit)))
                                        (edit_text . ,(and edit (renda-test--range-text (gethash "range" edit))))
                                        (edit_line . ,(and edit (gethash "line" (gethash "start" (gethash "range" edit))))))))
                                  items)))))
    (renda-test--log "%d completion items" (length items))))

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
    (advice-add 'lsp--build-workspace-configuration-response :around #'renda-test--record-configuration)
    ;; A rule turned off the lsp-mode way: lsp-mode sends it only when the server pulls
    ;; workspace/configuration (no didChangeConfiguration), so this tests the pull.
    (lsp-register-custom-settings '(("renda.rules.heading-parallel" "off")))
    (setq renda-lsp-program (renda-test--env "RENDA_BINARY"))
    (renda-test--put 'editor (format "emacs %s, lsp-mode %s" emacs-version
                                     (or (ignore-errors
                                           (mapconcat #'number-to-string
                                                      (package-desc-version (cadr (assq 'lsp-mode package-alist)))
                                                      "."))
                                         "?")))
    (find-file seed)
    ;; The test types into the buffer (completion) but never saves it: a checkout whose
    ;; files are read-only must not stop it.
    (setq buffer-read-only nil)
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
      ;; The server pulls the renda settings after initialized when the client advertises
      ;; workspace/configuration (lsp-mode does): wait for the answer, then for diagnostics.
      (let ((advertised (alist-get 'configuration (alist-get 'workspace (lsp--client-capabilities)))))
        (when (eq advertised t)
          (renda-test--wait "the server's workspace/configuration request" 5
                            (lambda () renda-test--configuration-answers)))
        (renda-test--put 'configuration `((advertised . ,(if (eq advertised t) t :json-false)))))
      (renda-test--wait "diagnostics" 20
                        (lambda () (gethash buffer-file-name (lsp-diagnostics t))))
      ;; Give the re-analysis the pulled settings start a little time (checked later).
      (renda-test--wait-quietly
       5 (lambda () (not (cl-some (lambda (d) (equal (gethash "code" d) "heading-parallel"))
                                  (gethash buffer-file-name (lsp-diagnostics t))))))
      (accept-process-output nil 0.3)
      (let ((diags (gethash buffer-file-name (lsp-diagnostics t))))
        (renda-test--put 'configuration
                         (append (cdr (assq 'configuration renda-test--results))
                                 `((rule_off . "heading-parallel")
                                   (requests . ,(vconcat (reverse renda-test--configuration-requests)))
                                   (answers . ,(vconcat (reverse renda-test--configuration-answers)))
                                   (diagnostics_read_at . ,(- (float-time) renda-test--start)))))
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
                              (children . ,(vconcat (mapcar (lambda (c) `((name . ,(gethash "name" c))
                                                                          (kind . ,(gethash "kind" c))))
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
      (renda-test--navigation)
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
