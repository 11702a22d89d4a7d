package dev.envreach.lsp;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which home the server analyses: the {@code home} setting, else {@code $HOME}, else Java's
 * {@code user.home}. (The child-process case, with a real {@code $HOME}, is {@link HomeEnvIT}.)
 */
class HomeDirectoryTest {
    @TempDir
    Path tmp;

    private static boolean er105(org.eclipse.lsp4j.PublishDiagnosticsParams p) {
        return p.getDiagnostics().stream().anyMatch(d -> "ER105".equals(d.getCode().getLeft()));
    }

    private Path homeWithTildeExport(String dir) throws Exception {
        Path h = Files.createDirectories(tmp.resolve(dir));
        Files.writeString(h.resolve(".bashrc"), "export GOPATH=\"~/go\"\n");
        return h;
    }

    private JsonObject options(String home) throws Exception {
        JsonObject o = LspSession.options(tmp.resolve("unused"), Files.createDirectories(tmp.resolve("root")));
        if (home == null) o.remove("home");
        else o.addProperty("home", home);
        return o;
    }

    @Test
    void withoutTheHomeSettingTheServerAnalysesDollarHome() throws Exception {
        Path envHome = homeWithTildeExport("env-home");
        try (LspSession s = LspSession.startWithEnv(envHome, tmp.resolve("root"), options(null), Map.of("HOME", envHome.toString()))) {
            var p = s.client.awaitDiagnostics(envHome.resolve(".bashrc").toUri().toString(), HomeDirectoryTest::er105, Duration.ofSeconds(20));
            assertTrue(er105(p), "the ~/.bashrc under $HOME is analysed without being opened");
        }
    }

    @Test
    void theHomeSettingWinsOverDollarHomeAndItsTildeMeansDollarHome() throws Exception {
        Path envHome = homeWithTildeExport("env-home");
        Path setting = homeWithTildeExport("env-home/dots");
        try (LspSession s = LspSession.startWithEnv(setting, tmp.resolve("root"), options("~/dots"), Map.of("HOME", envHome.toString()))) {
            s.client.awaitDiagnostics(setting.resolve(".bashrc").toUri().toString(), HomeDirectoryTest::er105, Duration.ofSeconds(20));
            assertTrue(s.client.publishedFor(envHome.resolve(".bashrc").toUri().toString()).isEmpty(),
                    "$HOME's own ~/.bashrc is not the analysed home's");
        }
    }

    @Test
    void anEmptyOrRelativeDollarHomeFallsBackToUserHome() {
        for (String bad : new String[] {"", "relative/home"}) {
            EnvreachServer server = new EnvreachServer(code -> { }, Map.of("HOME", bad)::get);
            assertTrue(server.userHome().equals(Path.of(System.getProperty("user.home"))), "HOME='" + bad + "': " + server.userHome());
        }
    }
}
