;;; envreach.el --- The envreach language server for shell dotfiles, through eglot -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1") (eglot "1.9"))
;; Keywords: languages, unix, tools
;; URL: https://github.com/envreach/envreach

;;; Commentary:

;; envreach tells which contexts (ssh host cmd, cron, a terminal tab, an IDE started from the
;; dock, ...) each export in your shell startup files reaches.  This file:
;;
;; - registers the envreach server in `eglot-server-programs' for `sh-mode' (bash, zsh and sh
;;   buffers alike), so M-x eglot (or `eglot-ensure' in `sh-mode-hook') starts it;
;; - opens the startup files in `sh-mode' also under the names dotfile managers give them
;;   (chezmoi: dot_bashrc, private_dot_zshrc, dot_zshenv.tmpl; GNU stow: dot-bashrc), with the
;;   right shell dialect;
;; - makes the home directory the project of the files directly in it, without ever listing the
;;   home (eglot would otherwise watch every folder of the project);
;; - adds `envreach-show-matrix' and `envreach-explain', which show the server's text in a buffer.
;;
;; Setup:
;;   (require 'envreach)
;;   (add-hook 'sh-mode-hook #'eglot-ensure)

;;; Code:

(require 'cl-lib)
(require 'subr-x)
(require 'project)
(require 'eglot)

(defgroup envreach nil
  "The envreach language server for shell dotfiles."
  :group 'tools
  :prefix "envreach-")

(defcustom envreach-java-program nil
  "Java 17+ executable used to run the server.
nil: $JAVA_HOME/bin/java when it exists, else \"java\" on `exec-path'."
  :type '(choice (const :tag "Automatic" nil) file))

(defcustom envreach-jar nil
  "Path to envreach.jar.
nil: $ENVREACH_JAR, then the jar built in the repository this file belongs to
\(server/target/envreach.jar), then an \"envreach\" executable on `exec-path'."
  :type '(choice (const :tag "Automatic" nil) file))

(defcustom envreach-settings nil
  "The envreach settings, a plist sent as initializationOptions.
Keys: :platform (\"debian\", \"fedora\", \"arch\", \"macos\"; default detected),
:loginShell, :contexts (a vector of context names), :sysroot, :home,
:dotfiles (:layout \"stow\" :map (...)), :disabledRules (a vector such as [\"ER106\"]),
:inlayHints.  Example: (:platform \"debian\" :disabledRules [\"ER106\"])."
  :type '(plist :key-type symbol :value-type sexp))

(defconst envreach-startup-files
  '(".bashrc" ".bash_profile" ".bash_login" ".bash_logout" ".profile"
    ".zshenv" ".zprofile" ".zshrc" ".zlogin" ".zlogout")
  "The startup files of bash, zsh and sh, as named in a home directory.")

(defconst envreach--here (file-name-directory (or load-file-name buffer-file-name default-directory))
  "The folder this file was loaded from.")

(defun envreach-startup-target (base)
  "The home name (\".bashrc\") that file name BASE stands for, or nil.
Knows chezmoi (dot_bashrc, private_dot_bashrc, dot_bashrc.tmpl) and stow (dot-bashrc) names."
  (cond
   ((member base envreach-startup-files) base)
   ((string-prefix-p "dot-" base)
    (let ((target (concat "." (substring base 4))))
      (and (member target envreach-startup-files) target)))
   (t
    (let ((name base))
      (while (string-match "\\`\\(?:private_\\|readonly_\\|executable_\\|empty_\\)" name)
        (setq name (substring name (match-end 0))))
      (setq name (string-remove-suffix ".tmpl" name))
      (when (string-prefix-p "dot_" name)
        (let ((target (concat "." (substring name 4))))
          (and (member target envreach-startup-files) target)))))))

(defun envreach-dialect (file)
  "\"bash\", \"zsh\" or \"sh\" for FILE judged by its name, or nil."
  (let* ((base (file-name-nondirectory file))
         (target (envreach-startup-target base)))
    (cond
     (target (cond ((string-prefix-p ".bash" target) "bash")
                   ((string-prefix-p ".z" target) "zsh")
                   (t "sh")))
     ((string-suffix-p ".bash" base) "bash")
     ((string-suffix-p ".zsh" base) "zsh")
     ((string-suffix-p ".sh" base) "sh"))))

(defconst envreach-auto-mode-regexp
  (let ((names (mapcar (lambda (f) (regexp-quote (substring f 1))) envreach-startup-files)))
    (concat "/\\(?:\\.\\|dot-\\|\\(?:\\(?:private_\\|readonly_\\|executable_\\|empty_\\)*dot_\\)\\)"
            "\\(?:" (mapconcat #'identity names "\\|") "\\)"
            "\\(?:\\.tmpl\\)?\\'"))
  "Matches the startup files under their own, chezmoi and stow names.")

;;;###autoload
(add-to-list 'auto-mode-alist (cons envreach-auto-mode-regexp 'sh-mode))

(defun envreach--set-dialect ()
  "In `sh-mode', use the shell the file name says (sh-mode guesses .zprofile as bash)."
  (when-let* ((file buffer-file-name)
              (dialect (envreach-dialect file)))
    (when (and (boundp 'sh-shell) (not (eq sh-shell (intern dialect)))
               (save-excursion (goto-char (point-min)) (not (looking-at-p "#!"))))
      (sh-set-shell dialect t nil))))

;;;###autoload
(add-hook 'sh-mode-hook #'envreach--set-dialect)

;;; The server command

(defun envreach--java ()
  (or envreach-java-program
      (let ((home (getenv "JAVA_HOME")))
        (and home (not (string-empty-p home))
             (file-executable-p (expand-file-name "bin/java" home))
             (expand-file-name "bin/java" home)))
      (executable-find "java")))

(defun envreach--jar ()
  (cl-find-if (lambda (f) (and f (not (string-empty-p f)) (file-exists-p f)))
              (list envreach-jar (getenv "ENVREACH_JAR")
                    (expand-file-name "../../server/target/envreach.jar" envreach--here))))

(defun envreach-server-command ()
  "The command line that starts the server, or signal an error saying what is missing."
  (let ((jar (envreach--jar)))
    (cond
     (jar (let ((java (envreach--java)))
            (unless java
              (user-error "envreach: Java 17 or newer is needed (Debian/Ubuntu: sudo apt install openjdk-17-jre-headless), or set `envreach-java-program'"))
            (list java "-jar" (expand-file-name jar))))
     ((executable-find "envreach") (list "envreach"))
     (t (user-error "envreach: no server found: build it (mvn -B -DskipTests package), or set `envreach-jar' or ENVREACH_JAR")))))

;;;###autoload
(defun envreach-eglot-contact (&optional _interactive)
  "The eglot contact for envreach: its command line and initializationOptions."
  (append (list 'envreach-eglot-server)
          (envreach-server-command)
          (list :initializationOptions #'envreach--initialization-options)))

(defun envreach--initialization-options (_server)
  "`envreach-settings', or an empty JSON object when there are none."
  (or envreach-settings (make-hash-table)))

;;;###autoload
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '((sh-mode bash-ts-mode) . envreach-eglot-contact)))

(defclass envreach-eglot-server (eglot-lsp-server) ()
  :documentation "An eglot connection to the envreach server.")

(defun envreach--string-glob (watcher)
  "WATCHER with a relative glob pattern (baseUri + pattern) turned into an absolute glob string.
eglot before 1.13 only understands glob strings."
  (let ((glob (plist-get watcher :globPattern)))
    (if (stringp glob)
        watcher
      (let* ((base (plist-get glob :baseUri))
             (uri (if (stringp base) base (plist-get base :uri))))
        (plist-put (copy-sequence watcher) :globPattern
                   (concat (file-name-as-directory (eglot--uri-to-path uri))
                           (plist-get glob :pattern)))))))

(cl-defmethod eglot-register-capability :around
  ((server envreach-eglot-server) (method (eql workspace/didChangeWatchedFiles)) id &rest params)
  "Accept the server's relative file watchers also on an eglot that lacks RelativePattern."
  (let ((watchers (plist-get params :watchers)))
    (apply #'cl-call-next-method server method id
           (plist-put (copy-sequence params) :watchers
                      (vconcat (mapcar #'envreach--string-glob watchers))))))

;;; The project of files in the home

(defun envreach--home ()
  (directory-file-name (expand-file-name "~")))

;;;###autoload
(defun envreach-project-find (dir)
  "For shell buffers, the home as project of files in the home that no repository holds.
Files in a repository (a dotfiles repository) keep that repository as project.  The home
project never lists the home: see `project-files' for it."
  (when (and dir (derived-mode-p 'sh-mode 'bash-ts-mode))
    (let ((home (envreach--home))
          (d (directory-file-name (expand-file-name dir))))
      (when (or (file-equal-p d home)
                (and (file-in-directory-p d home)
                     (not (let ((project-find-functions (remq #'envreach-project-find project-find-functions)))
                            (project-current nil d)))))
        (cons 'envreach-home (file-name-as-directory home))))))

(cl-defmethod project-root ((project (head envreach-home)))
  (cdr project))

(cl-defmethod project-files ((project (head envreach-home)) &optional _dirs)
  "Only the startup files present in the home: never a scan of it."
  (cl-loop for f in envreach-startup-files
           for path = (expand-file-name f (cdr project))
           when (file-exists-p path) collect path))

;;;###autoload
(add-hook 'project-find-functions #'envreach-project-find -90)

;;; Commands

(defun envreach--execute (command args)
  (let ((server (and (fboundp 'eglot-current-server) (eglot-current-server))))
    (unless server (user-error "envreach: no server for this buffer (M-x eglot)"))
    (let ((result (jsonrpc-request server :workspace/executeCommand
                                   (list :command command :arguments (vconcat args)))))
      (cond ((stringp result) result)
            ((and (listp result) (or (plist-get result :markdown) (plist-get result :text)
                                     (plist-get result :value))))
            (t (format "%S" result))))))

(defun envreach--show (buffer-name text)
  (with-current-buffer (get-buffer-create buffer-name)
    (let ((inhibit-read-only t))
      (erase-buffer)
      (insert text)
      (goto-char (point-min)))
    (special-mode)
    (setq truncate-lines t)
    (display-buffer (current-buffer))
    (current-buffer)))

(defun envreach--read-name (prompt)
  (let ((default (thing-at-point 'symbol t)))
    (read-string (if default (format "%s (default %s): " prompt default) (concat prompt ": "))
                 nil nil default)))

;;;###autoload
(defun envreach-show-matrix (&optional name)
  "Show the reach matrix in a buffer: of variable NAME, or of every export.
With a prefix argument, ask for the variable (default: the one at point)."
  (interactive (list (and current-prefix-arg (envreach--read-name "Variable"))))
  (envreach--show (if (and name (not (string-empty-p name))) (format "*envreach matrix %s*" name) "*envreach matrix*")
                  (envreach--execute "envreach.showMatrix"
                                     (and name (not (string-empty-p name)) (list name)))))

;;;###autoload
(defun envreach-explain (name)
  "Explain where variable NAME gets its value in each context."
  (interactive (list (envreach--read-name "Explain variable")))
  (envreach--show (format "*envreach explain %s*" name)
                  (envreach--execute "envreach.explain" (list name))))

(provide 'envreach)
;;; envreach.el ends here
