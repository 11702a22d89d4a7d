package dev.envreach.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The file watchers the server registers: {@code RelativePattern}s only for a client that declares
 * {@code relativePatternSupport}, plain absolute glob strings for every other client (eglot before 1.13
 * fails on relative patterns).
 */
class FileWatchersTest {
    @TempDir
    Path tmp;

    static final Fixture HOME = Fixture.of("""
            #- ~/.profile
            . "$HOME/.config/sh/env"
            #- ~/.config/sh/env
            export EDITOR=vim
            """);

    private static ClientCapabilities watching(Boolean relativePatternSupport) {
        DidChangeWatchedFilesCapabilities w = new DidChangeWatchedFilesCapabilities(true);
        w.setRelativePatternSupport(relativePatternSupport);
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        ws.setDidChangeWatchedFiles(w);
        ClientCapabilities caps = new ClientCapabilities();
        caps.setWorkspace(ws);
        return caps;
    }

    /** The {@code watchers} of the first registration, as the JSON that went over the wire. */
    private static List<JsonElement> watchers(LspSession s) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            synchronized (s.client) {
                if (!s.client.registrations.isEmpty()) break;
            }
            Thread.sleep(20);
        }
        synchronized (s.client) {
            assertFalse(s.client.registrations.isEmpty(), "the server registered file watchers");
            var reg = s.client.registrations.get(0).getRegistrations().get(0);
            assertEquals("workspace/didChangeWatchedFiles", reg.getMethod());
            JsonObject opts = (JsonObject) reg.getRegisterOptions();
            List<JsonElement> out = new ArrayList<>();
            opts.getAsJsonArray("watchers").forEach(w -> out.add(w.getAsJsonObject().get("globPattern")));
            return out;
        }
    }

    private static boolean matchesAny(List<String> globs, Path file) {
        return globs.stream().anyMatch(g -> FileSystems.getDefault().getPathMatcher("glob:" + g).matches(file));
    }

    @Test
    void aClientWithoutRelativePatternSupportGetsAbsoluteGlobStringsThatMatchTheStartupFiles() throws Exception {
        for (Boolean declared : new Boolean[] {null, false}) {
            try (LspSession s = LspSession.start(tmp.resolve(String.valueOf(declared)), HOME, null, watching(declared))) {
                List<JsonElement> patterns = watchers(s);
                assertFalse(patterns.isEmpty());
                List<String> globs = new ArrayList<>();
                for (JsonElement p : patterns) {
                    assertTrue(p.isJsonPrimitive() && p.getAsJsonPrimitive().isString(),
                            "relativePatternSupport " + declared + ": a plain glob string, not a RelativePattern: " + p);
                    String g = p.getAsString();
                    assertTrue(g.startsWith("/"), "an absolute path: " + g);
                    assertFalse(g.contains("**"), "never a recursive pattern: " + g);
                    globs.add(g);
                }
                assertTrue(matchesAny(globs, s.path("~/.profile")), globs.toString());
                assertTrue(matchesAny(globs, s.path("~/.zshenv")), "a startup file that does not exist yet: " + globs);
                assertTrue(matchesAny(globs, s.path("~/.config/sh/env")), "a sourced file: " + globs);
                assertFalse(matchesAny(globs, s.path("~/notes.txt")), "only the startup files: " + globs);
            }
        }
    }

    @Test
    void aClientWithRelativePatternSupportGetsTheFolderUriAndTheNames() throws Exception {
        try (LspSession s = LspSession.start(tmp, HOME, null, watching(true))) {
            List<JsonElement> patterns = watchers(s);
            assertFalse(patterns.isEmpty());
            boolean home = false;
            for (JsonElement p : patterns) {
                assertTrue(p.isJsonObject(), "a RelativePattern: " + p);
                JsonObject rp = p.getAsJsonObject();
                String base = rp.get("baseUri").getAsString();
                assertTrue(base.startsWith("file:"), base);
                if (DocumentStore.toPath(base).orElseThrow().equals(s.home)) {
                    home = true;
                    String pattern = rp.get("pattern").getAsString();
                    assertTrue(pattern.contains(".profile") && pattern.contains(".zshenv") && !pattern.contains("/"), pattern);
                }
            }
            assertTrue(home, "one pattern is relative to the home folder: " + patterns);
        }
    }
}
