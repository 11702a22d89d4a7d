package dev.envreach.lsp;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Starts the language server over stdio. */
public final class ServerLauncher {
    private ServerLauncher() {}

    /**
     * Serves LSP on stdin/stdout until the client exits or closes the connection. stdout carries
     * only protocol messages: {@code System.out} is redirected to stderr first, so a stray print
     * anywhere cannot corrupt the stream.
     */
    public static void serveStdio() throws Exception {
        InputStream in = new FileInputStream(FileDescriptor.in);
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        ServerLog.useStderr(System.err);
        EnvreachServer server = new EnvreachServer(code -> {
            System.err.flush();
            Runtime.getRuntime().halt(code);
        });
        Future<Void> listening = start(server, in, out);
        try {
            listening.get();
        } catch (Exception e) {
            ServerLog.warn("connection ended: " + e);
        }
        ServerLog.info("input closed; exiting");
        System.exit(0);
    }

    /** Connects a server to a pair of streams and starts reading; the future ends when the input closes. */
    public static Future<Void> start(EnvreachServer server, InputStream in, OutputStream out) {
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "envreach-lsp");
            t.setDaemon(true);
            return t;
        });
        Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>()
                .setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(in)
                .setOutput(out)
                .setExecutorService(threads)
                .create();
        server.connect(launcher.getRemoteProxy());
        return launcher.startListening();
    }
}
