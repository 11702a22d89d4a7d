package dev.envreach.analysis;

import dev.envreach.syntax.Span;

import java.nio.file.Path;

/**
 * A statement that set or exported a variable.
 *
 * @param shellPath the file as the shell names it; {@code "(environment)"} for the initial environment,
 *                  {@code "(shell)"} for a variable the shell sets itself
 * @param path      the file on this machine, null for the environment and the shell
 * @param line      1-based line, 0 when not in a file
 * @param span      the statement's span in the file, null when not in a file
 * @param text      a one-line summary ({@code export PATH="$HOME/bin:$PATH"})
 */
public record Origin(String shellPath, Path path, int line, Span span, String text) {
    public static final String ENVIRONMENT = "(environment)";
    public static final String SHELL = "(shell)";

    public boolean inFile() {
        return path != null;
    }

    @Override
    public String toString() {
        return inFile() ? shellPath + ":" + line : shellPath;
    }
}
