package dev.envreach.cli;

/** A bad command-line argument: reported in one line, exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
