package dev.envreach.lsp;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Debounce, stale-work cancellation, version ordering, and watched files. */
class SchedulingTest {
    @TempDir
    Path tmp;

    @Test
    void aThousandRapidEditsEndWithTheDiagnosticsOfAFreshOpen() throws Exception {
        Fixture f = Fixture.of("""
                #- ~/.bashrc
                export EDITOR=vim
                """);
        String finalText;
        List<?> rapid;
        int finalVersion;
        try (LspSession s = LspSession.start(tmp.resolve("a"), f)) {
            String uri = s.uri("~/.bashrc");
            s.open("~/.bashrc");
            Random random = new Random(42);
            String[] snippets = {"export A=\"~/x\"\n", "if true; then\n", "fi\n", "B=1\n", "# c\n", "'", "\n"};
            for (int i = 0; i < 1000; i++) {
                String text = s.text("~/.bashrc");
                var lines = new dev.envreach.syntax.LineMap(text);
                int line = random.nextInt(lines.lineCount());
                if (random.nextInt(4) == 0 && text.length() > 20) {
                    int start = random.nextInt(text.length() - 5);
                    Position a = new Position(lines.line(start), lines.column(start));
                    Position b = new Position(lines.line(start + 3), lines.column(start + 3));
                    s.change("~/.bashrc", new Range(a, b), "");
                } else {
                    s.insert("~/.bashrc", line, 0, snippets[random.nextInt(snippets.length)]);
                }
            }
            finalVersion = s.version("~/.bashrc");
            finalText = s.text("~/.bashrc");
            var last = s.client.awaitDiagnostics(uri, p -> Integer.valueOf(finalVersion).equals(p.getVersion()), Duration.ofSeconds(30));
            rapid = last.getDiagnostics();
            int previous = 0;
            for (var p : s.client.publishedSinceOpen(uri)) {
                assertTrue(p.getVersion() != null && p.getVersion() >= previous, "versions never go backwards: " + p.getVersion() + " after " + previous);
                previous = p.getVersion();
            }
            assertTrue(s.client.publishedFor(uri).size() < 1000, "debounced: fewer publishes than edits");
        }
        Fixture fresh = Fixture.of("#- ~/.bashrc\n");
        try (LspSession s = LspSession.start(tmp.resolve("b"), fresh)) {
            s.openText("~/.bashrc", finalText);
            var p = s.client.awaitDiagnostics(s.uri("~/.bashrc"), d -> Integer.valueOf(1).equals(d.getVersion()), Duration.ofSeconds(30));
            assertEquals(LspSession.json(p.getDiagnostics()).replace(s.home.toString(), "HOME"),
                    LspSession.json(rapid).replace(tmp.resolve("a").resolve("home").toString(), "HOME"));
            assertFalse(p.getDiagnostics().isEmpty(), "the random text has findings, so the comparison says something");
        }
    }

    /**
     * The analysis that starts at {@code initialized} publishes the startup files read from disk, without a
     * version; once the document is open every push names its version, also the ones caused by another file.
     */
    @Test
    void aPublishBeforeTheOpenHasNoVersionAndEveryPushOnceOpenHasOne() throws Exception {
        Fixture f = Fixture.of(ReachOverLspTest.DEBIAN + """
                #- ~/.bash_profile
                export PATH="$HOME/.cargo/bin:$PATH"
                """);
        try (LspSession s = LspSession.start(tmp, f)) {
            String bashrc = s.uri("~/.bashrc");
            String profile = s.uri("~/.profile");
            var disk = s.client.awaitDiagnostics(bashrc, p -> ReachOverLspTest.has(p.getDiagnostics(), "ER101"), Duration.ofSeconds(20));
            assertEquals(null, disk.getVersion(), "not open yet: read from disk, no version");
            s.client.awaitDiagnostics(profile, p -> ReachOverLspTest.has(p.getDiagnostics(), "ER103"), Duration.ofSeconds(20));

            s.open("~/.bashrc");
            s.open("~/.profile");
            s.open("~/.bash_profile");
            s.client.awaitDiagnostics(bashrc, p -> Integer.valueOf(1).equals(p.getVersion()), Duration.ofSeconds(20));
            s.insert("~/.bash_profile", 0, 0, ". \"$HOME/.profile\"\n");
            s.client.awaitDiagnostics(profile, p -> Integer.valueOf(1).equals(p.getVersion()) && !ReachOverLspTest.has(p.getDiagnostics(), "ER103"),
                    Duration.ofSeconds(20));
            int v = s.insert("~/.bashrc", 0, 0, "export EDITOR=vim\n");
            s.client.awaitDiagnostics(bashrc, p -> Integer.valueOf(v).equals(p.getVersion()), Duration.ofSeconds(20));
            for (String uri : new String[] {bashrc, profile, s.uri("~/.bash_profile")}) {
                for (PublishDiagnosticsParams p : s.client.publishedSinceOpen(uri)) {
                    assertTrue(p.getVersion() != null, uri + ": once open, every push names the version: " + s.client.publishedFor(uri));
                }
            }
        }
    }

    @Test
    void theServerWatchesTheStartupFilesByNameAndReanalysesOnDiskChanges() throws Exception {
        Fixture f = Fixture.of("""
                #- ~/.profile
                export EDITOR=vim
                """);
        ClientCapabilities caps = new ClientCapabilities();
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        caps.setWorkspace(ws);
        try (LspSession s = LspSession.start(tmp, f, null, caps)) {
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (s.client.registrations.isEmpty() && System.nanoTime() < end) Thread.sleep(20);
            var reg = s.client.registrations.get(0).getRegistrations().get(0);
            assertEquals("workspace/didChangeWatchedFiles", reg.getMethod());
            String json = LspSession.json(reg.getRegisterOptions());
            assertTrue(json.contains(s.home.toString()) && json.contains(".profile") && json.contains(".zshenv"), json);
            assertFalse(json.contains("**"), "never a recursive pattern over the home: " + json);

            Files.writeString(s.path("~/.profile"), "export GOPATH=\"~/go\"\n");
            s.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                    List.of(new FileEvent(s.uri("~/.profile"), FileChangeType.Changed))));
            var p = s.client.awaitDiagnostics(s.uri("~/.profile"),
                    d -> d.getDiagnostics().stream().anyMatch(x -> "ER105".equals(x.getCode().getLeft())), Duration.ofSeconds(10));
            assertEquals(null, p.getVersion(), "a file that is not open is published without a version");
        }
    }
}
