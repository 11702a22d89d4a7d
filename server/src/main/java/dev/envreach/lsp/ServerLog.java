package dev.envreach.lsp;

import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.PrintStream;

/** Logging to stderr and, once a client is connected, to {@code window/logMessage}. Never to stdout. */
public final class ServerLog {
    private static volatile LanguageClient client;
    private static volatile PrintStream err = System.err;

    private ServerLog() {}

    static void connect(LanguageClient c) {
        client = c;
    }

    static void useStderr(PrintStream stream) {
        err = stream;
    }

    public static void info(String message) {
        log(MessageType.Info, message);
    }

    public static void warn(String message) {
        log(MessageType.Warning, message);
    }

    public static void error(String message, Throwable t) {
        log(MessageType.Error, message + (t == null ? "" : ": " + t));
        if (t != null) t.printStackTrace(err);
    }

    private static void log(MessageType type, String message) {
        err.println("envreach " + type.name().toLowerCase() + ": " + message);
        LanguageClient c = client;
        if (c != null) {
            try {
                c.logMessage(new MessageParams(type, message));
            } catch (RuntimeException e) {
                err.println("envreach: could not send log message: " + e);
            }
        }
    }
}
