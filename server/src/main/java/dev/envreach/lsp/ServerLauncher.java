package dev.envreach.lsp;

/** Starts the language server over stdio. */
public final class ServerLauncher {
    private ServerLauncher() {}

    public static void serveStdio() throws Exception {
        System.err.println("envreach: language server not implemented yet");
    }
}
