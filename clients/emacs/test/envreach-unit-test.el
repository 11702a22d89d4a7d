;;; envreach-unit-test.el --- ERT tests of envreach.el without a server -*- lexical-binding: t; -*-

;; Run: HOME=$(mktemp -d) emacs --batch -q -L clients/emacs -l ert \
;;        -l clients/emacs/test/envreach-unit-test.el -f ert-run-tests-batch-and-exit

;;; Code:

(require 'ert)
(require 'envreach)

(ert-deftest envreach-startup-targets ()
  "Startup files are recognised under their own, chezmoi and stow names, and nothing else is."
  (should (equal (envreach-startup-target ".bashrc") ".bashrc"))
  (should (equal (envreach-startup-target "dot_zshrc") ".zshrc"))
  (should (equal (envreach-startup-target "private_readonly_dot_profile") ".profile"))
  (should (equal (envreach-startup-target "dot_zshenv.tmpl") ".zshenv"))
  (should (equal (envreach-startup-target "dot-bash_logout") ".bash_logout"))
  (should-not (envreach-startup-target "dot_vimrc"))
  (should-not (envreach-startup-target "bashrc"))
  (should-not (envreach-startup-target ".bashrc.bak")))

(ert-deftest envreach-auto-mode ()
  "The dotfile names open in sh-mode, other names keep their mode."
  (dolist (name '("/h/.zlogin" "/h/dots/dot_zprofile" "/h/dots/private_dot_bashrc"
                  "/h/dots/dot_profile.tmpl" "/h/stow/bash/dot-bashrc"))
    (should (eq (assoc-default name auto-mode-alist #'string-match) 'sh-mode)))
  (should-not (string-match-p envreach-auto-mode-regexp "/h/dots/dot_vimrc"))
  (should-not (string-match-p envreach-auto-mode-regexp "/h/.bashrc.orig")))

(ert-deftest envreach-dialect-follows-the-name ()
  "sh-mode gets the shell the name says, also where sh-mode alone would guess wrong."
  (let* ((dir (make-temp-file "envreach-dots" t))
         (cases '(("dot_zprofile" . zsh) (".zlogin" . zsh) ("dot-bashrc" . bash) (".profile" . sh))))
    (unwind-protect
        (dolist (c cases)
          (let ((file (expand-file-name (car c) dir)))
            (with-temp-file file (insert "export A=1\n"))
            (with-current-buffer (find-file-noselect file)
              (should (derived-mode-p 'sh-mode))
              (should (eq sh-shell (cdr c)))
              (should-not (buffer-modified-p))
              (kill-buffer))))
      (delete-directory dir t))))

(ert-deftest envreach-home-project-never-lists-the-home ()
  "Shell files in the home belong to a home project whose files are only the startup files;
a dotfiles repository stays the project of its files."
  (let* ((home (file-name-as-directory (expand-file-name "~")))
         (bashrc (expand-file-name ".bashrc" home))
         (other (expand-file-name "big/tree" home))
         (repo (expand-file-name "dotfiles" home)))
    (make-directory other t)
    (make-directory (expand-file-name ".git" repo) t)
    (with-temp-file bashrc (insert "export A=1\n"))
    (with-temp-file (expand-file-name "f" other) (insert "x"))
    (with-temp-buffer
      (sh-mode)
      (let ((project (envreach-project-find home)))
        (should (equal (project-root project) home))
        (should (equal (project-files project) (list bashrc))))
      (should (equal (envreach-project-find other) (cons 'envreach-home home)))
      (should-not (envreach-project-find repo))
      (should-not (envreach-project-find temporary-file-directory)))
    (with-temp-buffer
      (fundamental-mode)
      (should-not (envreach-project-find home)))))

(ert-deftest envreach-registered-for-sh-mode ()
  "eglot finds envreach for sh-mode buffers, with a Java command line and initialization options."
  (require 'eglot)
  (let ((entry (cl-find-if (lambda (e) (and (listp (car e)) (memq 'sh-mode (car e)))) eglot-server-programs)))
    (should entry)
    (should (eq (cdr entry) 'envreach-eglot-contact))
    (should (eq (nth 2 (eglot--lookup-mode 'sh-mode)) 'envreach-eglot-contact)))
  (let* ((jar (make-temp-file "envreach" nil ".jar"))
         (envreach-jar jar)
         (envreach-java-program "/opt/jdk/bin/java")
         (contact (envreach-eglot-contact)))
    (unwind-protect
        (progn
          (should (eq (car contact) 'envreach-eglot-server))
          (should (equal (seq-take (cdr contact) 3) (list "/opt/jdk/bin/java" "-jar" jar)))
          (should (eq (plist-get (nthcdr 4 contact) :initializationOptions) #'envreach--initialization-options)))
      (delete-file jar))))

(ert-deftest envreach-relative-watchers-become-glob-strings ()
  "A RelativePattern watcher becomes the absolute glob that old eglot understands."
  (should (equal (plist-get (envreach--string-glob '(:globPattern (:baseUri "file:///home/u/" :pattern "{.bashrc,.profile}"))) :globPattern)
                 "/home/u/{.bashrc,.profile}"))
  (should (equal (envreach--string-glob '(:globPattern "**/.bashrc")) '(:globPattern "**/.bashrc"))))

;;; envreach-unit-test.el ends here
