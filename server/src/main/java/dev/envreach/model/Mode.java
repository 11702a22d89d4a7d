package dev.envreach.model;

import dev.envreach.syntax.Dialect;

import java.util.Arrays;
import java.util.Optional;

/** One shell process start: the 11 invocation modes envreach models. */
public enum Mode {
    BASH_LOGIN_INTERACTIVE("bash-login-interactive", ShellKind.BASH, true, true, false,
            "bash -l -i: a console or ssh login with a tty, macOS Terminal, a tmux pane"),
    BASH_LOGIN("bash-login", ShellKind.BASH, true, false, false,
            "bash -l -c CMD: a non-interactive login shell"),
    BASH_INTERACTIVE("bash-interactive", ShellKind.BASH, false, true, false,
            "bash -i: a terminal emulator tab on Linux, nvim :terminal"),
    BASH_NONINTERACTIVE("bash-noninteractive", ShellKind.BASH, false, false, false,
            "bash -c CMD, #!/bin/bash scripts: reads $BASH_ENV (or ~/.bashrc by the ssh rule when SSH_CLIENT is inherited)"),
    BASH_SSH_COMMAND("bash-ssh-command", ShellKind.BASH, false, false, true,
            "bash -c CMD started by sshd for `ssh host CMD`"),
    ZSH_LOGIN_INTERACTIVE("zsh-login-interactive", ShellKind.ZSH, true, true, false,
            "zsh -l -i: a login with a tty, macOS Terminal, a tmux pane"),
    ZSH_LOGIN("zsh-login", ShellKind.ZSH, true, false, false,
            "zsh -l -c CMD: a non-interactive login shell"),
    ZSH_INTERACTIVE("zsh-interactive", ShellKind.ZSH, false, true, false,
            "zsh -i: a terminal emulator tab on Linux"),
    ZSH_NONINTERACTIVE("zsh-noninteractive", ShellKind.ZSH, false, false, false,
            "zsh -c CMD, zsh scripts, `ssh host CMD` for a zsh user"),
    SH_LOGIN("sh-login", ShellKind.SH, true, false, false,
            "sh -l -c CMD (the platform's /bin/sh): reads /etc/profile and ~/.profile"),
    SH_INTERACTIVE("sh-interactive", ShellKind.SH, false, true, false,
            "sh -i (the platform's /bin/sh): reads $ENV");

    private final String id;
    private final ShellKind shell;
    private final boolean login;
    private final boolean interactive;
    private final boolean sshCommand;
    private final String description;

    Mode(String id, ShellKind shell, boolean login, boolean interactive, boolean sshCommand, String description) {
        this.id = id;
        this.shell = shell;
        this.login = login;
        this.interactive = interactive;
        this.sshCommand = sshCommand;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public ShellKind shell() {
        return shell;
    }

    public boolean login() {
        return login;
    }

    public boolean interactive() {
        return interactive;
    }

    public boolean sshCommand() {
        return sshCommand;
    }

    public String description() {
        return description;
    }

    /** The dialect of the files this mode reads (for {@code sh}, the platform's /bin/sh decides). */
    public Dialect dialect(Platform platform) {
        return switch (shell) {
            case BASH -> Dialect.BASH;
            case ZSH -> Dialect.ZSH;
            case SH -> platform.binShIsBash() ? Dialect.BASH : Dialect.SH;
        };
    }

    public static Optional<Mode> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }

    /** The shell family of a mode, which is also how a user's login shell is named. */
    public enum ShellKind {
        BASH, ZSH, SH;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<ShellKind> fromShellPath(String shell) {
            if (shell == null || shell.isBlank()) return Optional.empty();
            String base = shell.substring(shell.lastIndexOf('/') + 1);
            if (base.startsWith("-")) base = base.substring(1);
            return switch (base) {
                case "bash" -> Optional.of(BASH);
                case "zsh" -> Optional.of(ZSH);
                case "sh", "dash", "ash", "ksh", "mksh" -> Optional.of(SH);
                default -> Optional.empty();
            };
        }
    }
}
