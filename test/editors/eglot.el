;;; eglot.el --- Emacs + eglot against the real loopguard-language-server  -*- lexical-binding: t -*-
;; With the README's snippet as written: open a file with a floating promise, receive the diagnostic (flymake) as a
;; warning (the snippet's workspace configuration reached the server), run `eglot-code-actions' as a user would (its
;; menu answered with the default, the preferred "Add `await`"), save, and see the diagnostic go.
;; Usage: emacs --batch -q -l eglot.el FILE.ts (exit code 0 = pass).
;; Env: LOOPGUARD_SNIPPET (the README's snippet), LOOPGUARD_STEP_MS.
(require 'cl-lib)
(require 'eglot)
(require 'flymake)
(defvar loopguard-step-seconds (/ (string-to-number (or (getenv "LOOPGUARD_STEP_MS") "30000")) 1000.0))
(defvar loopguard-t0 (float-time))

(defun loopguard-log (format-string &rest arguments)
  (princ (format "[eglot %7.1fms] %s\n" (* 1000 (- (float-time) loopguard-t0)) (apply #'format format-string arguments))
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

;; Emacs 28 has no TypeScript mode: a minimal one, so that eglot sends languageId "typescript".
(define-derived-mode typescript-mode prog-mode "TS")
(add-to-list 'auto-mode-alist '("\\.ts\\'" . typescript-mode))
(load (getenv "LOOPGUARD_SNIPPET") nil t t)
(setq eglot-sync-connect t)

(condition-case err
    (let* ((file (expand-file-name (car command-line-args-left)))
           (buffer (find-file-noselect file)))
      (setq command-line-args-left nil)
      (with-current-buffer buffer
        (loopguard-log "opened %s (%s)" file major-mode)
        (let ((opened (float-time)))
          (apply #'eglot (eglot--guess-contact))
          ;; eglot reports through flymake, whose first check starts on an edit or idle time, neither of which a
          ;; batch session has: start it as the idle timer would.
          (flymake-start)
          (unless (loopguard-wait (lambda () (flymake-diagnostics)))
            (loopguard-finish nil "no diagnostics within the step budget"))
          (loopguard-log "open -> diagnostics: %.0f ms" (* 1000 (- (float-time) opened))))
        (let* ((diagnostic (car (flymake-diagnostics)))
               (fixing (float-time)))
          (loopguard-log "diagnostic: line %d %s: %s" (line-number-at-pos (flymake-diagnostic-beg diagnostic)) (flymake-diagnostic-type diagnostic) (flymake-diagnostic-text diagnostic))
          (unless (eq (flymake-diagnostic-type diagnostic) 'eglot-warning)
            (loopguard-finish nil (format "the snippet's settings did not reach the server: %s" (flymake-diagnostic-type diagnostic))))
          ;; The menu a user sees; RET takes its default, the server's preferred action.
          (cl-letf (((symbol-function 'completing-read)
                     (lambda (_prompt collection &rest arguments)
                       (dolist (item collection) (loopguard-log "code action: %s" (car item)))
                       (nth 4 arguments)))
                    (last-nonmenu-event 13))
            (eglot-code-actions (flymake-diagnostic-beg diagnostic) (flymake-diagnostic-end diagnostic) nil t))
          (unless (string-match-p "await save()" (buffer-string)) (loopguard-finish nil "the quick fix was not applied"))
          (save-buffer)
          (loopguard-log "quick fix applied and saved")
          (unless (loopguard-wait (lambda () (flymake-start) (null (flymake-diagnostics))))
            (loopguard-finish nil "the diagnostic stayed after the fix"))
          (loopguard-log "fix -> diagnostics cleared: %.0f ms" (* 1000 (- (float-time) fixing))))
        (eglot-shutdown (eglot--current-server-or-lose))
        (loopguard-finish t nil)))
  (error (loopguard-finish nil (format "error: %S" err))))
