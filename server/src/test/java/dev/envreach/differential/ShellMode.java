package dev.envreach.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the test starts the real shell for each of envreach's invocation modes.
 *
 * <p>Every mode runs {@code -c COMMAND}, where the command dumps the exported environment
 * after the startup files have run. Interactive modes use {@code -i} without a terminal, which
 * bash, zsh and dash accept and which reads the same startup files as a terminal would
 * (checked by {@link HarnessSelfTest}). {@code bash-ssh-command} is started the way sshd starts
 * it: argv0 {@code bash}, {@code -c}, {@code SSH_CLIENT} set and {@code SHLVL} unset (sshd gives
 * the shell no {@code SHLVL}); the ssh rule of Debian's bash then reads {@code ~/.bashrc}.
 */
enum ShellMode {
    BASH_LOGIN_INTERACTIVE("bash-login-interactive", "bash", "-l", "-i"),
    BASH_LOGIN("bash-login", "bash", "-l"),
    BASH_INTERACTIVE("bash-interactive", "bash", "-i"),
    BASH_NONINTERACTIVE("bash-noninteractive", "bash"),
    BASH_SSH_COMMAND("bash-ssh-command", "bash"),
    ZSH_LOGIN_INTERACTIVE("zsh-login-interactive", "zsh", "-l", "-i"),
    ZSH_LOGIN("zsh-login", "zsh", "-l"),
    ZSH_INTERACTIVE("zsh-interactive", "zsh", "-i"),
    ZSH_NONINTERACTIVE("zsh-noninteractive", "zsh"),
    SH_LOGIN("sh-login", "dash", "-l"),
    SH_INTERACTIVE("sh-interactive", "dash", "-i");

    /** What sshd puts in the environment that makes Debian's bash apply the ssh rule. */
    static final Map<String, String> SSH_ENVIRONMENT = Map.of("SSH_CLIENT", "127.0.0.1 50022 22");

    final String id;
    final String program;
    private final List<String> flags;

    ShellMode(String id, String program, String... flags) {
        this.id = id;
        this.program = program;
        this.flags = List.of(flags);
    }

    static ShellMode byId(String id) {
        for (ShellMode m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + id + "'");
    }

    /** Parses a chain {@code a+b+c} into its modes. */
    static List<ShellMode> chain(String context) {
        List<ShellMode> modes = new ArrayList<>();
        for (String part : context.split("\\+")) {
            modes.add(byId(part.trim()));
        }
        return modes;
    }

    /** argv of the shell (argv0 is the bare program name, looked up on PATH as sshd and terminals do). */
    List<String> argv(String command) {
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(flags);
        argv.add("-c");
        argv.add(command);
        return argv;
    }

    /** Variables this mode needs in the environment of the first process. */
    Map<String, String> requiredEnvironment() {
        return this == BASH_SSH_COMMAND ? SSH_ENVIRONMENT : Map.of();
    }

    /** Whether this mode reads Debian's /etc/profile, whose PATH depends on {@code $(id -u)}. */
    boolean readsEtcProfile() {
        return this == BASH_LOGIN_INTERACTIVE || this == BASH_LOGIN || this == SH_LOGIN;
    }
}
