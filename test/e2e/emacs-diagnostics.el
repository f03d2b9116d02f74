;;; emacs-diagnostics.el --- Emacs + eglot as an LSP client of the careplan language server -*- lexical-binding: t -*-
;;
;; Run by emacs.mjs as `emacs --batch -Q -l emacs-diagnostics.el'.  Loads the user configuration
;; from docs/language-server.md ("Emacs (eglot)") unchanged, visits a file as a user would
;; (yaml-mode -> yaml-mode-hook -> eglot-ensure), waits until every expected finding has arrived
;; in textDocument/publishDiagnostics AND in Flymake (what the user sees), writes what it got,
;; and exits 0 (all arrived, and the server read the documented settings) or 1.
;; Environment:
;;   CAREPLAN_EMACS_CONFIG  the elisp block of the docs (user configuration), loaded as is
;;   CAREPLAN_FILE          the file to visit
;;   CAREPLAN_EXPECT        expected findings "line:rule" (0-based lines), comma separated
;;   CAREPLAN_ROOT          workspace folder (the project root eglot reports to the server)
;;   CAREPLAN_OUT           file to write the report to (and CAREPLAN_OUT.events: eglot's events)
;;   CAREPLAN_EMACS_DIR     user-emacs-directory (a temporary folder)
;;   CAREPLAN_EMACS_ELPA    Debian's system ELPA (default /usr/share/emacs/site-lisp/elpa)
;;   CAREPLAN_WAIT_MS       how long to wait (default 20000)

(require 'cl-lib)
(require 'subr-x)
(require 'json)

(defun careplan--env (name &optional default)
  (let ((v (getenv name)))
    (cond ((and v (not (string-empty-p v))) v)
          (default default)
          (t (error "%s is not set" name)))))

;;; Nothing is written outside the temporary folder: not the home, not the workspace.
(setq user-emacs-directory (file-name-as-directory (careplan--env "CAREPLAN_EMACS_DIR"))
      package-user-dir (expand-file-name "elpa" user-emacs-directory)
      make-backup-files nil
      create-lockfiles nil
      auto-save-default nil
      auto-save-list-file-prefix nil
      package-quickstart nil)

;;; -Q drops Debian's site-lisp from the load path: activate the system's ELPA packages
;;; (elpa-eglot 1.9 with its xref, elpa-yaml-mode), as package.el does for a Debian user.
;;; On Emacs 29 and later eglot is built in; this only adds yaml-mode.
(setq package-directory-list (list (careplan--env "CAREPLAN_EMACS_ELPA" "/usr/share/emacs/site-lisp/elpa")))
(package-initialize)

(defvar careplan-file (expand-file-name (careplan--env "CAREPLAN_FILE")))
(defvar careplan-root (file-name-as-directory (expand-file-name (careplan--env "CAREPLAN_ROOT"))))
(defvar careplan-out (careplan--env "CAREPLAN_OUT"))
(defvar careplan-wait (/ (string-to-number (careplan--env "CAREPLAN_WAIT_MS" "20000")) 1000.0))
(defvar careplan-expect (split-string (or (getenv "CAREPLAN_EXPECT") "") "," t " "))
(defvar careplan-latest nil "The last publishDiagnostics params for `careplan-file', as received.")
(defvar careplan-config-answers nil "(SECTION . VALUE) eglot answered to workspace/configuration.")
(defvar careplan-problems nil "What went wrong, for the report.")

;;; The user's configuration, exactly as the docs give it.
(load (careplan--env "CAREPLAN_EMACS_CONFIG") nil t)

;;; Test harness only (not user configuration):
;; The workspace copy sits inside the repository's .cache; without this, project.el would make
;; the whole git repository the project (and so the server's workspace folder).  Neovim's stage
;; passes root_dir for the same reason.
(add-hook 'project-find-functions
          (lambda (dir) (when (file-in-directory-p dir careplan-root) (cons 'transient careplan-root))))

;; Record the raw notification before eglot turns it into Flymake diagnostics.
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (when (equal (file-truename (eglot--uri-to-path uri)) (file-truename careplan-file))
    (setq careplan-latest diagnostics)))

;; Record what eglot answers when the server asks for its settings.
(cl-defmethod eglot-handle-request :around
  (_server (_method (eql workspace/configuration)) &key items)
  (let ((answer (cl-call-next-method)))
    (cl-loop for item across items
             for value across answer
             do (push (cons (plist-get item :section) value) careplan-config-answers))
    answer))

(defun careplan--key (line code) (format "%d:%s" line code))

(defun careplan--lsp-keys ()
  (cl-loop for d across careplan-latest
           collect (careplan--key (plist-get (plist-get (plist-get d :range) :start) :line)
                                  (plist-get d :code))))

(defun careplan--flymake-keys ()
  "`line:code' of what Flymake holds for the buffer.
The code is read from the text as eglot shows it: \"source [code]: message\"."
  (cl-loop for d in (flymake-diagnostics)
           for text = (flymake-diagnostic-text d)
           collect (careplan--key (1- (line-number-at-pos (flymake-diagnostic-beg d)))
                                  (if (string-match "\\[\\([^]]+\\)\\]" text) (match-string 1 text) "?"))))

(defun careplan--missing (keys)
  (cl-remove-if (lambda (k) (member k keys)) careplan-expect))

(defun careplan--done-p (buffer)
  (and careplan-latest
       (null (careplan--missing (careplan--lsp-keys)))
       (with-current-buffer buffer (null (careplan--missing (careplan--flymake-keys))))))

(defun careplan--server-alive-p (buffer)
  (with-current-buffer buffer
    (let ((server (eglot-current-server)))
      ;; Before the initialize answer there is no managed server yet: keep waiting.
      (or (null server) (jsonrpc-running-p server)))))

(defun careplan--stderr-tail ()
  "The server's error line (else its last stderr line) as \" -- stderr: ...\", or \"\"."
  (let* ((text (mapconcat (lambda (b) (with-current-buffer b (buffer-string)))
                          (cl-remove-if-not (lambda (b) (string-match-p "EGLOT.*stderr" (buffer-name b))) (buffer-list))
                          "\n"))
         (lines (cl-remove-if (lambda (l) (string-prefix-p "Process " l)) (split-string text "\n" t "[ \t]+")))
         (line (or (cl-find-if (lambda (l) (string-match-p "Error\\|error:" l)) lines) (car (last lines)))))
    (if line (concat " -- stderr: " line) "")))

(defun careplan--careplan-settings ()
  (cdr (assoc "careplan" careplan-config-answers)))

;;; Visit the file as `C-x C-f' does: yaml-mode, its hook (eglot-ensure from the docs), and then the
;;; end of the command.  eglot-ensure connects from post-command-hook, which batch Emacs never runs
;;; by itself, so run it here as the command loop would.
(let* ((t0 (float-time))
       (buffer (find-file careplan-file))
       (ok nil)
       (lines nil)
       (sev ["?" "error" "warning" "info" "hint"]))
  (message "emacs %s, eglot %s, yaml-mode %s" emacs-version
           (if-let ((d (cadr (assq 'eglot package-alist)))) (package-version-join (package-desc-version d)) "built-in")
           (if-let ((d (cadr (assq 'yaml-mode package-alist)))) (package-version-join (package-desc-version d)) "?"))
  (with-current-buffer buffer
    (unless (eq major-mode 'yaml-mode) (push (format "major mode is %s, not yaml-mode" major-mode) careplan-problems))
    (condition-case err
        (run-hooks 'post-command-hook)
      (error (push (format "eglot could not start the server: %s" (error-message-string err)) careplan-problems))))
  ;; Wait for the findings, pumping the server's output; no fixed sleeps.
  (unless careplan-problems
    (while (and (not (setq ok (careplan--done-p buffer)))
                (< (- (float-time) t0) careplan-wait)
                (careplan--server-alive-p buffer))
      (accept-process-output nil 0.05))
    (unless (careplan--server-alive-p buffer)
      (push "the language server exited (its stderr is in the .events file)" careplan-problems)))
  (with-current-buffer buffer
    (let ((server (eglot-current-server)))
      (dolist (d (append careplan-latest nil))
        (let ((start (plist-get (plist-get d :range) :start)))
          (push (format "%d:%d %s %s %s" (1+ (plist-get start :line)) (1+ (plist-get start :character))
                        (aref sev (or (plist-get d :severity) 1)) (plist-get d :code)
                        (replace-regexp-in-string "\n" " " (plist-get d :message)))
                lines)))
      (push (format "flymake-diagnostics holds %d diagnostics for the buffer (eglot %s)"
                    (length (flymake-diagnostics)) (if server "connected" "not connected"))
            lines)
      (dolist (d (flymake-diagnostics))
        (push (format "  flymake %d: %s" (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d)) lines))
      ;; What the server asked for as "careplan" must be the documented eglot-workspace-configuration.
      (let* ((configured (default-value 'eglot-workspace-configuration))
             (wanted (and (listp configured) (plist-get configured :careplan)))
             (settings (careplan--careplan-settings)))
        (push (format "workspace/configuration \"careplan\" answered: %s"
                      (if (assoc "careplan" careplan-config-answers) (json-encode settings) "(never asked)"))
              lines)
        (when (and ok wanted (not (equal settings wanted)))
          (setq ok nil)
          (push (format "the server did not get the documented settings: wanted %s, it got %s"
                        (json-encode wanted) (if settings (json-encode settings) "nothing"))
                careplan-problems)))
      (unless ok
        (push (cond (careplan-problems (concat "FAILED: " (string-join (reverse careplan-problems) "; ")
                                               (careplan--stderr-tail)))
                    ((null server) (format "TIMEOUT: the server did not answer initialize in %.0f s%s"
                                           careplan-wait (careplan--stderr-tail)))
                    ((null careplan-latest) (format "TIMEOUT: no diagnostics received in %.0f s" careplan-wait))
                    (t (format "MISSING after %.0f s: in publishDiagnostics [%s]; in Flymake [%s]" careplan-wait
                               (string-join (careplan--missing (careplan--lsp-keys)) ", ")
                               (string-join (careplan--missing (careplan--flymake-keys)) ", "))))
              lines))
      (with-temp-file careplan-out (insert (string-join (reverse lines) "\n") "\n"))
      ;; eglot's events buffer (every JSON-RPC message, and the server's stderr as "[stderr]" lines).
      (with-temp-file (concat careplan-out ".events")
        (dolist (b (buffer-list))
          (when (string-match-p "EGLOT" (buffer-name b))
            (insert "==== " (buffer-name b) "\n")
            (insert-buffer-substring b))))
      (when server (ignore-errors (eglot-shutdown server)))))
  (message "%s in %.1f s" (if ok "ok" "failed") (- (float-time) t0))
  (kill-emacs (if ok 0 1)))

;;; emacs-diagnostics.el ends here
