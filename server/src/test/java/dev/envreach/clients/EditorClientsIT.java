package dev.envreach.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The editor clients, each run in its real editor (or, for VS Code, its own test suite and
 * packaging) against the packaged server jar: headless Neovim, Emacs with eglot and flymake, and
 * the VS Code extension's {@code npm test} and {@code npm run package}. An editor that is not
 * installed skips its test with a message, except in CI ({@code CI=true}), where it fails.
 */
class EditorClientsIT {
    private static Path repo;
    private static Path jar;

    @BeforeAll
    static void locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(".ci"))) dir = dir.getParent();
        assertTrue(dir != null, "the repository root (the folder holding .ci) is above " + Path.of("").toAbsolutePath());
        repo = dir;
        String prop = System.getProperty("envreach.jar");
        jar = prop != null ? Path.of(prop) : repo.resolve("server/target/envreach.jar");
        assertTrue(Files.isRegularFile(jar), "the server jar " + jar + " was packaged before the integration tests");
    }

    @Test
    void neovimShowsTheSyntaxErrorOfAnUnclosedIf() throws Exception {
        requireTool("Neovim", "nvim", "--version");
        Result r = run(List.of("bash", "clients/nvim/test/run.sh", "syntax-home"),
                Map.of("ENVREACH_EXPECT_CODE", "ER001", "ENVREACH_EXPECT_LINE", "any", "ENVREACH_STEPS", "matrix"), 120);
        assertPassed("headless Neovim on a .bashrc with an unclosed if", r, "nvim-test: PASS");
    }

    @Test
    void neovimAppliesTheQuickFixForAQuotedTildeAndTheDiagnosticGoes() throws Exception {
        requireTool("Neovim", "nvim", "--version");
        Result r = run(List.of("bash", "clients/nvim/test/run.sh", "tilde-home"),
                Map.of("ENVREACH_EXPECT_CODE", "ER105", "ENVREACH_EXPECT_LINE", "2", "ENVREACH_STEPS", "matrix,fix"), 120);
        assertPassed("headless Neovim on export GOPATH=\"~/go\"", r, "nvim-test: ER105 is gone after the fix");
    }

    @Test
    void neovimRecognisesStartupFilesUnderDotfileManagerNamesAndRootsThemAtHomeOrRepo() throws Exception {
        requireTool("Neovim", "nvim", "--version");
        Result r = run(List.of("bash", "clients/nvim/test/filetypes.sh"), Map.of(), 60);
        assertPassed("headless Neovim filetype and root checks", r, "nvim-filetypes: 0 failed");
    }

    @Test
    void emacsPackageUnitTestsPass() throws Exception {
        requireTool("Emacs", "emacs", "--version");
        requireTool("eglot for Emacs (elpa-eglot)", "emacs", "--batch", "-q", "--eval", "(require 'eglot)");
        Result r = run(List.of("bash", "clients/emacs/test/unit.sh"), Map.of(), 60);
        assertPassed("ERT tests of envreach.el", r, " 0 unexpected");
    }

    @Test
    void emacsEglotShowsTheSyntaxErrorOfAnUnclosedIf() throws Exception {
        requireTool("Emacs", "emacs", "--version");
        requireTool("eglot for Emacs (elpa-eglot)", "emacs", "--batch", "-q", "--eval", "(require 'eglot)");
        Result r = run(List.of("bash", "clients/emacs/test/run.sh", "syntax-home"),
                Map.of("ENVREACH_EXPECT_CODE", "ER001", "ENVREACH_EXPECT_LINE", "any"), 120);
        assertPassed("emacs --batch with eglot on a .bashrc with an unclosed if", r, "emacs-test: PASS");
    }

    @Test
    void vscodeExtensionTestsPassAndTheVsixBuilds() throws Exception {
        requireTool("Node.js", "node", "--version");
        requireTool("npm", "npm", "--version");
        Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300, "clients/vscode");
        assertPassed("npm ci in clients/vscode", install, null);
        Result test = run(List.of("npm", "test"), Map.of(), 240, "clients/vscode");
        assertPassed("npm test in clients/vscode (unit tests and the protocol test against the jar)", test, null);
        Path vsix = repo.resolve("clients/vscode/envreach.vsix");
        Files.deleteIfExists(vsix);
        Result pack = run(List.of("npm", "run", "package"), Map.of(), 240, "clients/vscode");
        assertPassed("npm run package in clients/vscode", pack, null);
        assertTrue(Files.isRegularFile(vsix), "npm run package wrote " + vsix);
        try (ZipFile zip = new ZipFile(vsix.toFile())) {
            ZipEntry bundledJar = zip.getEntry("extension/server/envreach.jar");
            assertTrue(bundledJar != null, "the .vsix holds the server jar");
            assertEquals(Files.size(jar), bundledJar.getSize(), "the .vsix holds this build's server jar");
            assertTrue(zip.getEntry("extension/out/extension.js") != null, "the .vsix holds the bundled extension");
            assertTrue(zip.getEntry("extension/package.json") != null, "the .vsix holds the manifest");
            assertTrue(zip.stream().noneMatch(e -> e.getName().contains("node_modules/")), "the bundle needs no node_modules");
        }
    }

    @Test
    void neovimShowsTheExportAfterTheInteractiveGuardWithHoverAndFix() throws Exception {
        requireTool("Neovim", "nvim", "--version");
        Result r = run(List.of("bash", "clients/nvim/test/run.sh", "guard-home"),
                Map.of("ENVREACH_EXPECT_CODE", "ER101", "ENVREACH_EXPECT_LINE", "19", "ENVREACH_STEPS", "matrix,hover,fix"), 120);
        assertPassed("headless Neovim on the Debian .bashrc with export GOPATH after the guard", r,
                "nvim-test: ER101 is gone after the fix");
    }

    @Test
    void emacsEglotShowsTheExportAfterTheInteractiveGuard() throws Exception {
        requireTool("Emacs", "emacs", "--version");
        requireTool("eglot for Emacs (elpa-eglot)", "emacs", "--batch", "-q", "--eval", "(require 'eglot)");
        Result r = run(List.of("bash", "clients/emacs/test/run.sh", "guard-home"),
                Map.of("ENVREACH_EXPECT_CODE", "ER101", "ENVREACH_EXPECT_LINE", "19"), 120);
        assertPassed("emacs --batch with eglot on the Debian .bashrc with export GOPATH after the guard", r, "emacs-test: PASS");
    }

    private record Result(int exit, String output, boolean timedOut) {}

    private static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (or in CI fails) when {@code command} cannot run successfully. */
    private static void requireTool(String what, String... command) throws InterruptedException {
        boolean ok;
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            if (p.isAlive()) p.destroyForcibly();
        } catch (IOException e) {
            ok = false;
        }
        if (ok) return;
        String message = what + " is not installed (`" + String.join(" ", command) + "` failed); "
                + "on Debian: apt-get install neovim emacs-nox elpa-eglot nodejs npm";
        if (inCi()) fail("CI=true and " + message);
        Assumptions.abort(message);
    }

    private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) throws Exception {
        return run(command, env, timeoutSeconds, ".");
    }

    private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds, String dir)
            throws Exception {
        Path log = Files.createTempFile("envreach-client-test", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command))
                    .directory(repo.resolve(dir).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Map<String, String> e = new HashMap<>(env);
            e.put("ENVREACH_JAR", jar.toAbsolutePath().toString());
            pb.environment().putAll(e);
            Process p = pb.start();
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            return new Result(done ? p.exitValue() : -1, out, !done);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void assertPassed(String what, Result r, String mustContain) {
        String status = r.timedOut() ? "timed out" : "exited with " + r.exit();
        if (r.exit() != 0 || (mustContain != null && !r.output().contains(mustContain))) {
            fail(what + " " + status + "; its output:\n" + r.output());
        }
        System.out.println(what + ": passed");
    }
}
