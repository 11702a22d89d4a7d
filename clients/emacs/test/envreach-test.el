;;; envreach-test.el --- Headless test of envreach through eglot and flymake -*- lexical-binding: t; -*-

;; Run by test/run.sh with HOME set to a copy of a fixture home: opens ~/.bashrc, connects eglot
;; to envreach, waits for flymake to show the expected envreach diagnostic on the expected line,
;; and runs `envreach-show-matrix'.  Exit status 0 when every check passes, 1 otherwise.

;;; Code:

(require 'envreach)
(require 'eglot)
(require 'flymake)

(defvar envreach-test-code (or (getenv "ENVREACH_EXPECT_CODE") "ER101"))
(defvar envreach-test-line                ; 1-based; nil accepts any line
  (let ((l (or (getenv "ENVREACH_EXPECT_LINE") "19"))) (unless (equal l "any") (string-to-number l))))
(defvar envreach-test-timeout (/ (string-to-number (or (getenv "ENVREACH_TIMEOUT_MS") "60000")) 1000.0))

(defun envreach-test--log (fmt &rest args)
  (princ (concat "emacs-test: " (apply #'format fmt args) "\n")))

(defun envreach-test--fail (fmt &rest args)
  (envreach-test--log "FAIL: %s" (apply #'format fmt args))
  (when-let ((events (get-buffer (format "*EGLOT (%s/%s) events*" "home" "sh-mode"))))
    (ignore events))
  (dolist (b (buffer-list))
    (when (string-match-p "EGLOT.*\\(events\\|stderr\\)" (buffer-name b))
      (with-current-buffer b
        (envreach-test--log "--- %s (tail):\n%s" (buffer-name b)
                            (buffer-substring-no-properties (max (point-min) (- (point-max) 4000)) (point-max))))))
  (kill-emacs 1))

(defun envreach-test--wait (pred what)
  "Process events until PRED is non-nil; fail saying WHAT otherwise."
  (let ((deadline (+ (float-time) envreach-test-timeout))
        (result nil)
        (tick 0))
    (while (and (not (setq result (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.1)
      (setq tick (1+ tick))
      (when (and (zerop (mod tick 10)) (bound-and-true-p flymake-mode))
        (flymake-start)))
    (or result (envreach-test--fail "timed out waiting for %s" what))))

(defun envreach-test--matching-diag ()
  (cl-find-if (lambda (d)
                (and (string-match-p (regexp-quote (format "[%s]" envreach-test-code))
                                     (flymake-diagnostic-text d))
                     (or (null envreach-test-line)
                         (= envreach-test-line (line-number-at-pos (flymake-diagnostic-beg d))))))
              (flymake-diagnostics)))

(defun envreach-test-run ()
  (setq envreach-settings (list :home (directory-file-name (expand-file-name "~"))
                                :platform "debian"
                                :sysroot (make-temp-file "envreach-sysroot" t)))
  (let* ((file (expand-file-name "~/.bashrc"))
         (buf (find-file-noselect file)))
    (with-current-buffer buf
      (envreach-test--log "emacs %s, eglot %s, file %s, %s, shell %s" emacs-version
                          (if (boundp 'eglot--version) eglot--version "1.9") file major-mode
                          (and (boundp 'sh-shell) sh-shell))
      (unless (derived-mode-p 'sh-mode) (envreach-test--fail "%s is in %s, not sh-mode" file major-mode))
      (let ((contact (eglot--guess-contact)))
        (unless (eq (nth 0 (nth 3 contact)) (car (envreach-server-command)))
          (ignore))
        (envreach-test--log "project root %s, contact %S" (project-root (nth 1 contact)) (nth 3 contact))
        (unless (file-equal-p (project-root (nth 1 contact)) "~")
          (envreach-test--fail "the project root is %s, not the home" (project-root (nth 1 contact))))
        (apply #'eglot contact))
      (envreach-test--wait (lambda () (and (eglot-current-server) eglot--managed-mode)) "eglot to manage the buffer")
      (envreach-test--log "eglot connected: %s" (eglot--project-nickname (eglot-current-server)))
      (let ((diag (envreach-test--wait #'envreach-test--matching-diag
                                       (format "flymake to show %s on line %s; flymake has: %S" envreach-test-code
                                               envreach-test-line
                                               (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))))
        (envreach-test--log "flymake diagnostic on line %d: %s" (line-number-at-pos (flymake-diagnostic-beg diag))
                            (flymake-diagnostic-text diag)))
      (let ((matrix (envreach-show-matrix "GOPATH")))
        (with-current-buffer matrix
          (envreach-test--log "%s:\n%s" (buffer-name) (buffer-string))
          (unless (> (buffer-size) 0) (envreach-test--fail "the matrix buffer is empty"))))
      (envreach-test--log "PASS")
      (kill-emacs 0))))

(condition-case err
    (envreach-test-run)
  (error (envreach-test--fail "error: %S" err)))

;;; envreach-test.el ends here
