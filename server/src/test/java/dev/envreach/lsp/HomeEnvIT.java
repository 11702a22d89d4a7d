package dev.envreach.lsp;

import com.google.gson.JsonObject;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged server started as an editor starts it, with no {@code home} setting: it analyses
 * {@code $HOME} even when Java's {@code user.home} names another folder, and {@code user.home} only
 * when {@code $HOME} is unset.
 */
class HomeEnvIT {
    @TempDir
    Path tmp;

    private static boolean er105(PublishDiagnosticsParams p) {
        return p.getDiagnostics().stream().anyMatch(d -> "ER105".equals(d.getCode().getLeft()));
    }

    private Path home(String name) throws Exception {
        Path h = Files.createDirectories(tmp.resolve(name));
        Files.writeString(h.resolve(".bashrc"), "export GOPATH=\"~/go\"\n");
        return h;
    }

    /** Starts the jar with this HOME (null: unset) and user.home, and returns the files it published diagnostics for. */
    private TestClient serve(String homeEnv, Path userHome, Path expectBashrcIn) throws Exception {
        String jar = System.getProperty("envreach.jar");
        assertTrue(jar != null && Files.isRegularFile(Path.of(jar)), "the packaged jar is at system property envreach.jar: " + jar);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Duser.home=" + userHome, "-jar", jar)
                .redirectError(tmp.resolve("stderr-" + expectBashrcIn.getFileName() + ".txt").toFile());
        if (homeEnv == null) pb.environment().remove("HOME");
        else pb.environment().put("HOME", homeEnv);
        Process p = pb.start();
        try {
            TestClient client = new TestClient();
            Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, p.getInputStream(), p.getOutputStream());
            launcher.startListening();
            LanguageServer server = launcher.getRemoteProxy();
            InitializeParams init = new InitializeParams();
            init.setProcessId((int) ProcessHandle.current().pid());
            init.setCapabilities(new ClientCapabilities());
            JsonObject options = new JsonObject();
            options.addProperty("sysroot", Files.createDirectories(tmp.resolve("root")).toString());
            options.addProperty("platform", "debian");
            options.addProperty("loginShell", "bash");
            init.setInitializationOptions(options);
            server.initialize(init).get(30, TimeUnit.SECONDS);
            server.initialized(new InitializedParams());
            client.awaitDiagnostics(expectBashrcIn.resolve(".bashrc").toUri().toString(), HomeEnvIT::er105, Duration.ofSeconds(30));
            server.shutdown().get(10, TimeUnit.SECONDS);
            server.exit();
            p.waitFor(20, TimeUnit.SECONDS);
            return client;
        } finally {
            p.destroy();
        }
    }

    @Test
    void theServerAnalysesDollarHomeNotUserHome() throws Exception {
        Path envHome = home("env-home");
        Path javaHome = home("java-user-home");
        TestClient c = serve(envHome.toString(), javaHome, envHome);
        assertTrue(c.publishedFor(javaHome.resolve(".bashrc").toUri().toString()).isEmpty(), "user.home's ~/.bashrc is not analysed");
    }

    @Test
    void withoutDollarHomeTheServerFallsBackToUserHome() throws Exception {
        Path javaHome = home("java-user-home");
        serve(null, javaHome, javaHome);
    }
}
