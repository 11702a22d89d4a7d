package dev.envreach.lsp;

import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** textDocument/inlayHint through a real JSON-RPC connection: the value of PATH after the lines that change it. */
class InlayHintsTest {
    @TempDir
    Path tmp;

    /** Debian's skeleton ~/.profile and a ~/.bashrc that appends to PATH after its interactive guard; ~/bin exists. */
    static final String FILES = """
            #- ~/.profile
            # ~/.profile: executed by the command interpreter for login shells.
            if [ -n "$BASH_VERSION" ]; then
                # include .bashrc if it exists
                if [ -f "$HOME/.bashrc" ]; then
                    . "$HOME/.bashrc"
                fi
            fi
            if [ -d "$HOME/bin" ] ; then
                PATH="$HOME/bin:$PATH"
            fi
            #- ~/.bashrc
            case $- in
                *i*) ;;
                  *) return;;
            esac
            PATH="$PATH:$HOME/.local/bin"   # user tools
            eval "$(brew shellenv)"
            #- ~/bin/brew
            echo 'export PATH="/home/linuxbrew/.linuxbrew/bin:$PATH"'
            """;

    /** Debian's login PATH (platforms/debian.json), where terminal-tab's first shell starts. */
    static final String LOGIN_PATH = "/usr/local/bin:/usr/bin:/bin:/usr/games";

    static List<InlayHint> hints(LspSession s, String file, Range range) throws Exception {
        List<InlayHint> h = s.server.getTextDocumentService().inlayHint(new InlayHintParams(new TextDocumentIdentifier(s.uri(file)), range))
                .get(20, TimeUnit.SECONDS);
        return h == null ? List.of() : h;
    }

    static Range all() {
        return new Range(new Position(0, 0), new Position(1000, 0));
    }

    @Test
    void theCapabilityIsAnnounced() {
        try (LspSession s = LspSession.start(tmp, Fixture.of(FILES))) {
            var p = s.initializeResult.getCapabilities().getInlayHintProvider();
            assertTrue(p != null && (p.isRight() || Boolean.TRUE.equals(p.getLeft())), "inlayHintProvider: " + p);
        }
    }

    @Test
    void afterTheSkeletonsPathLineTheHintShowsPathInTheTerminalTab() throws Exception {
        try (LspSession s = LspSession.start(tmp, Fixture.of(FILES), o -> o.addProperty("inlayHints", true), new org.eclipse.lsp4j.ClientCapabilities())) {
            s.open("~/.profile");
            List<InlayHint> h = hints(s, "~/.profile", all());
            assertEquals(1, h.size(), "one line of ~/.profile changes PATH: " + h);
            InlayHint hint = h.get(0);
            // 0-based line 8: `    PATH="$HOME/bin:$PATH"` (26 characters); the hint sits at its end
            assertEquals(new Position(8, 26), hint.getPosition());
            assertEquals("PATH=~/bin:" + LOGIN_PATH, hint.getLabel().getLeft());
            String tip = hint.getTooltip().getRight().getValue();
            assertTrue(tip.contains("`terminal-tab`"), tip);
            assertTrue(tip.contains(s.home.resolve("bin") + "\n/usr/local/bin\n"), "the full value, one element per line: " + tip);
        }
    }

    @Test
    void longValuesAreShortenedAndUnknownPartsShowAsQuestionMarks() throws Exception {
        try (LspSession s = LspSession.start(tmp, Fixture.of(FILES), o -> o.addProperty("inlayHints", true), new org.eclipse.lsp4j.ClientCapabilities())) {
            // ~/bin/brew is an installed tool (on PATH through ~/.profile): its output is not known statically
            java.nio.file.Files.setPosixFilePermissions(s.home.resolve("bin/brew"),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            s.open("~/.bashrc");
            List<InlayHint> h = hints(s, "~/.bashrc", all());
            assertEquals(2, h.size(), "two lines of ~/.bashrc change PATH in the terminal's interactive shell: " + h);
            InlayHint append = h.get(0);
            // after the guard, in the interactive shell: the login shell's PATH (~/bin first) plus ~/.local/bin;
            // 6 elements do not fit in 48 characters: whole leading elements, then the count of the rest
            assertEquals(new Position(4, "PATH=\"$PATH:$HOME/.local/bin\"   # user tools".length()), append.getPosition(),
                    "at the end of the line, after its comment");
            assertEquals("PATH=~/bin:/usr/local/bin:/usr/bin:/bin:…(+2)", append.getLabel().getLeft());
            assertTrue(append.getTooltip().getRight().getValue().contains("/usr/games\n" + s.home.resolve(".local/bin") + "\n"),
                    append.getTooltip().getRight().getValue());
            InlayHint brew = h.get(1);
            assertEquals(5, brew.getPosition().getLine());
            assertEquals("PATH=?", brew.getLabel().getLeft(), "the output of brew shellenv is not known statically");
            assertTrue(brew.getTooltip().getRight().getValue().contains("not known statically"));
        }
    }

    @Test
    void onlyHintsInTheRequestedRange() throws Exception {
        try (LspSession s = LspSession.start(tmp, Fixture.of(FILES), o -> o.addProperty("inlayHints", true), new org.eclipse.lsp4j.ClientCapabilities())) {
            s.open("~/.profile");
            assertTrue(hints(s, "~/.profile", new Range(new Position(0, 0), new Position(6, 0))).isEmpty());
            assertEquals(1, hints(s, "~/.profile", new Range(new Position(7, 0), new Position(9, 0))).size());
        }
    }

    @Test
    void offByDefaultAndWhenDisabled() throws Exception {
        try (LspSession s = LspSession.start(tmp, Fixture.of(FILES))) {
            s.open("~/.profile");
            assertTrue(hints(s, "~/.profile", all()).isEmpty(), "inlay hints are opt-in");
        }
        try (LspSession s = LspSession.start(tmp.resolve("b"), Fixture.of(FILES), o -> o.addProperty("inlayHints", false),
                new org.eclipse.lsp4j.ClientCapabilities())) {
            s.open("~/.profile");
            assertTrue(hints(s, "~/.profile", all()).isEmpty());
        }
    }

    @Test
    void theSettingChoosesTheVariables() throws Exception {
        String files = FILES.replace("#- ~/.bashrc", "export GOPATH=\"$HOME/go\"\n#- ~/.bashrc");
        try (LspSession s = LspSession.start(tmp, Fixture.of(files), o -> {
            o.addProperty("inlayHints", true);
            com.google.gson.JsonArray names = new com.google.gson.JsonArray();
            names.add("GOPATH");
            o.add("inlayHintVariables", names);
        }, new org.eclipse.lsp4j.ClientCapabilities())) {
            s.open("~/.profile");
            List<InlayHint> h = hints(s, "~/.profile", all());
            assertEquals(1, h.size(), h.toString());
            assertEquals("GOPATH=~/go", h.get(0).getLabel().getLeft());
            assertEquals(10, h.get(0).getPosition().getLine());
        }
    }

    @Test
    void editingProfileAsksForNewHintsAndTheBashrcHintFollows() throws Exception {
        org.eclipse.lsp4j.ClientCapabilities caps = new org.eclipse.lsp4j.ClientCapabilities();
        org.eclipse.lsp4j.WorkspaceClientCapabilities ws = new org.eclipse.lsp4j.WorkspaceClientCapabilities();
        ws.setInlayHint(new org.eclipse.lsp4j.InlayHintWorkspaceCapabilities(true));
        caps.setWorkspace(ws);
        try (LspSession s = LspSession.start(tmp, Fixture.of(FILES), o -> o.addProperty("inlayHints", true), caps)) {
            s.open("~/.profile");
            s.open("~/.bashrc");
            assertTrue(hints(s, "~/.bashrc", all()).get(0).getLabel().getLeft().startsWith("PATH=~/bin:/usr/local/bin:"));
            int before = s.client.inlayRefreshes.get();
            s.insert("~/.profile", 0, 0, "PATH=\"/opt/p:$PATH\"\n");
            long end = System.nanoTime() + 20_000_000_000L;
            while (s.client.inlayRefreshes.get() == before && System.nanoTime() < end) Thread.sleep(10);
            assertTrue(s.client.inlayRefreshes.get() > before, "workspace/inlayHint/refresh after the re-analysis");
            // ~/bin is prepended after /opt/p, and the interactive shell inherits both
            assertTrue(hints(s, "~/.bashrc", all()).get(0).getLabel().getLeft().startsWith("PATH=~/bin:/opt/p:/usr/local/bin:"),
                    hints(s, "~/.bashrc", all()).toString());
        }
    }

    @Test
    void hoverOnAnAssignmentShowsTheValueRightAfterIt() throws Exception {
        try (LspSession s = LspSession.start(tmp, Fixture.of(FILES))) {
            s.open("~/.profile");
            // on the P of `PATH="$HOME/bin:$PATH"` (0-based line 8, column 4)
            var h = s.server.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(
                    new TextDocumentIdentifier(s.uri("~/.profile")), new Position(8, 5))).get(20, TimeUnit.SECONDS);
            String md = h.getContents().getRight().getValue();
            assertTrue(md.contains("Right after this line in `terminal-tab`: `" + s.home.resolve("bin") + ":" + LOGIN_PATH + "`"), md);
        }
    }
}
