;;; lsp-mode.el --- Emacs + lsp-mode against the real loopguard-language-server  -*- lexical-binding: t -*-
;; With the README's snippet as written: open a file with a floating promise, receive the diagnostic as a warning (the
;; snippet's custom settings reached the server), execute the first code action ("Add `await`"), save, and see the
;; diagnostic go. Usage: emacs --batch -q -l lsp-mode.el FILE.ts (exit code 0 = pass).
;; Env: LOOPGUARD_SNIPPET (the README's snippet), LOOPGUARD_STEP_MS, LOOPGUARD_EMACS_HOME (where lsp-mode keeps its
;; session file).
(setq user-emacs-directory (file-name-as-directory (or (getenv "LOOPGUARD_EMACS_HOME") temporary-file-directory)))
(require 'lsp-mode)
(defvar loopguard-step-seconds (/ (string-to-number (or (getenv "LOOPGUARD_STEP_MS") "30000")) 1000.0))
(defvar loopguard-t0 (float-time))

(defun loopguard-log (format-string &rest arguments)
  (princ (format "[lsp-mode %7.1fms] %s\n" (* 1000 (- (float-time) loopguard-t0)) (apply #'format format-string arguments))
         #'external-debugging-output))

(defun loopguard-finish (ok message)
  (loopguard-log "%s %s" (if ok "PASS" "FAIL") (or message ""))
  (kill-emacs (if ok 0 1)))

(defun loopguard-wait (predicate)
  "Wait for PREDICATE (an event the client recorded) within the step budget."
  (let ((deadline (+ (float-time) loopguard-step-seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    (funcall predicate)))

(define-derived-mode typescript-mode prog-mode "TS")
(add-to-list 'auto-mode-alist '("\\.ts\\'" . typescript-mode))
(setq lsp-auto-guess-root t
      lsp-session-file (expand-file-name "lsp-session" user-emacs-directory)
      lsp-enable-file-watchers nil
      lsp-diagnostics-provider :none
      lsp-headerline-breadcrumb-enable nil
      lsp-modeline-code-actions-enable nil
      lsp-modeline-workspace-status-enable nil
      lsp-modeline-diagnostics-enable nil
      lsp-enable-snippet nil
      lsp-enabled-clients '(loopguard))
(load (getenv "LOOPGUARD_SNIPPET") nil t t)

(defun loopguard-diagnostics (file) (gethash file (lsp-diagnostics t)))

(condition-case err
    (let* ((file (expand-file-name (car command-line-args-left)))
           (buffer (find-file-noselect file)))
      (setq command-line-args-left nil)
      (with-current-buffer buffer
        (loopguard-log "opened %s (%s)" file major-mode)
        (let ((opened (float-time)))
          (lsp)
          (unless (loopguard-wait (lambda () (loopguard-diagnostics file)))
            (loopguard-finish nil "no diagnostics within the step budget"))
          (loopguard-log "open -> diagnostics: %.0f ms" (* 1000 (- (float-time) opened))))
        (let ((diagnostic (car (loopguard-diagnostics file)))
              (fixing (float-time)))
          (loopguard-log "diagnostic: source %s code %s severity %s: %s" (lsp:diagnostic-source? diagnostic) (lsp:diagnostic-code? diagnostic) (lsp:diagnostic-severity? diagnostic) (lsp:diagnostic-message diagnostic))
          (unless (eql (lsp:diagnostic-severity? diagnostic) 2)
            (loopguard-finish nil (format "the snippet's settings did not reach the server: severity %s" (lsp:diagnostic-severity? diagnostic))))
          (goto-char (lsp--position-to-point (lsp:range-start (lsp:diagnostic-range diagnostic))))
          (let ((actions (lsp-code-actions-at-point)))
            (dolist (action actions) (loopguard-log "code action: %s" (lsp:code-action-title action)))
            (unless actions (loopguard-finish nil "no code actions"))
            (lsp-execute-code-action (car actions)))
          (unless (string-match-p "await save()" (buffer-string)) (loopguard-finish nil "the quick fix was not applied"))
          (save-buffer)
          (loopguard-log "quick fix applied and saved")
          (unless (loopguard-wait (lambda () (null (loopguard-diagnostics file))))
            (loopguard-finish nil "the diagnostic stayed after the fix"))
          (loopguard-log "fix -> diagnostics cleared: %.0f ms" (* 1000 (- (float-time) fixing))))
        (loopguard-finish t nil)))
  (error (loopguard-finish nil (format "error: %S" err))))
