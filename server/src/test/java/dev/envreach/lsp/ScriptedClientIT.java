package dev.envreach.lsp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documented scripted client (docs/examples/EnvreachClient.java) works against the packaged jar. */
class ScriptedClientIT {
    @TempDir
    Path tmp;

    @Test
    void theExampleClientPrintsDiagnosticsFixesAndHover() throws Exception {
        String jar = System.getProperty("envreach.jar");
        Path root = dev.envreach.syntax.TestPaths.repoRoot();
        Path client = root.resolve("docs/examples/EnvreachClient.java");
        assertTrue(Files.isRegularFile(client), client.toString());
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path bashrc = home.resolve(".bashrc");
        Files.writeString(bashrc, "export GOPATH=\"~/go\"\n. \"$HOME/.aliases\"\nPATH=\"/opt/tools/bin:$PATH\"\n");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), client.toString(), "--jar", jar, "--home", home.toString(),
                "--hover", "2:4", "--inlay", bashrc.toString()).redirectErrorStream(true);
        pb.environment().put("SHELL", "/bin/bash"); // the server's login shell: bash contexts read ~/.bashrc
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the client finishes");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains(bashrc + ":1:16: ER105"), out);
        assertTrue(out.contains("fix: Use $HOME instead of ~"), out);
        assertTrue(out.contains(home.resolve(".aliases") + " (does not exist"), out);
        assertTrue(out.contains(bashrc + ":3: PATH=/opt/tools/bin:"), "the inlay hint after line 3: " + out);
    }
}
