package dev.envreach.lsp;

import com.google.gson.JsonObject;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the packaged jar the way editors do ({@code java -jar envreach.jar}, no arguments) and talks
 * LSP to it over its stdin/stdout.
 */
class ServerJarIT {
    @TempDir
    Path tmp;

    @Test
    void theJarServesLspOnStdioAndWritesNothingElseToStdout() throws Exception {
        String jar = System.getProperty("envreach.jar");
        assertTrue(jar != null && Files.isRegularFile(Path.of(jar)), "the packaged jar is at system property envreach.jar: " + jar);
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve(".bashrc"), "export EDITOR=vim\n");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-jar", jar)
                .redirectError(tmp.resolve("stderr.txt").toFile())
                .start();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        InputStream recording = new FilterInputStream(p.getInputStream()) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) stdout.write(b);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) stdout.write(b, off, n);
                return n;
            }
        };
        TestClient client = new TestClient();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, recording, p.getOutputStream());
        launcher.startListening();
        LanguageServer server = launcher.getRemoteProxy();

        InitializeParams init = new InitializeParams();
        init.setProcessId((int) ProcessHandle.current().pid());
        init.setCapabilities(new ClientCapabilities());
        JsonObject options = new JsonObject();
        options.addProperty("home", home.toString());
        options.addProperty("sysroot", Files.createDirectories(tmp.resolve("root")).toString());
        options.addProperty("platform", "debian");
        options.addProperty("loginShell", "bash");
        init.setInitializationOptions(options);
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(home.toUri().toString(), "home")));
        var result = server.initialize(init).get(30, TimeUnit.SECONDS);
        assertEquals("envreach", result.getServerInfo().getName());
        server.initialized(new InitializedParams());

        String uri = home.resolve(".bashrc").toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "shellscript", 1, "export EDITOR=vim\n")));
        client.awaitDiagnostics(uri, d -> Integer.valueOf(1).equals(d.getVersion()), Duration.ofSeconds(30));

        server.shutdown().get(10, TimeUnit.SECONDS);
        server.exit();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the server process exits after shutdown and exit");
        assertEquals(0, p.exitValue());
        assertOnlyLspFrames(stdout.toByteArray());
    }

    /** stdout must be a sequence of {@code Content-Length} framed messages and nothing else. */
    private static void assertOnlyLspFrames(byte[] out) {
        int i = 0;
        int frames = 0;
        while (i < out.length) {
            int headerEnd = indexOf(out, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), i);
            assertTrue(headerEnd > 0, "a header at byte " + i);
            String header = new String(out, i, headerEnd - i, StandardCharsets.US_ASCII);
            assertTrue(header.startsWith("Content-Length: "), "stdout holds only LSP frames, found: " + header);
            int len = Integer.parseInt(header.substring("Content-Length: ".length()).split("\r\n")[0].trim());
            i = headerEnd + 4 + len;
            frames++;
        }
        assertEquals(out.length, i, "the last frame ends exactly at the end of stdout");
        assertTrue(frames >= 2, "at least the initialize answer and one publish");
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
