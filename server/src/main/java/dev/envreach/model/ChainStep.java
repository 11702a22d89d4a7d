package dev.envreach.model;

import java.util.Optional;

/**
 * One shell of a launch chain. {@code argv0Login} marks a shell that is a login shell only because
 * its argv[0] starts with {@code -} ({@code -bash -c CMD}: gnome-session's re-exec, {@code su -}); such a
 * bash reads the login files only when built with NON_INTERACTIVE_LOGIN_SHELLS. Written
 * {@code bash-login:argv0}.
 */
public record ChainStep(Mode mode, boolean argv0Login) {

    public static Optional<ChainStep> parse(String text) {
        String t = text.trim();
        boolean argv0 = false;
        if (t.endsWith(":argv0")) {
            argv0 = true;
            t = t.substring(0, t.length() - ":argv0".length());
        }
        boolean a = argv0;
        return Mode.fromId(t).filter(m -> !a || m.login()).map(m -> new ChainStep(m, a));
    }

    public String id() {
        return mode.id() + (argv0Login ? ":argv0" : "");
    }

    @Override
    public String toString() {
        return id();
    }
}
