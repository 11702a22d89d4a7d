package dev.envreach.syntax;

import java.util.Locale;
import java.util.Optional;

/** The shell language a file is written in. {@code SH} is POSIX sh (dash, or bash/zsh invoked as sh). */
public enum Dialect {
    BASH, ZSH, SH;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Dialect> fromId(String id) {
        if (id == null) return Optional.empty();
        return switch (id.trim().toLowerCase(Locale.ROOT)) {
            case "bash" -> Optional.of(BASH);
            case "zsh" -> Optional.of(ZSH);
            case "sh", "dash", "posix", "ksh", "mksh", "ash", "busybox" -> Optional.of(SH);
            default -> Optional.empty();
        };
    }
}
