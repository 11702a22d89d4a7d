package dev.envreach.lsp;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reach rules, hover, code lens and commands through a real JSON-RPC connection. */
class ReachOverLspTest {
    @TempDir
    Path tmp;

    /** Debian's skeleton files with `export GOPATH` appended to ~/.bashrc. */
    static final String DEBIAN = """
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
            # ~/.bashrc: executed by bash(1) for non-login shells.

            # If not running interactively, don't do anything
            case $- in
                *i*) ;;
                  *) return;;
            esac

            HISTCONTROL=ignoreboth
            HISTSIZE=1000
            alias ll='ls -alF'

            # Go
            export GOPATH="$HOME/go"
            """;

    static Diagnostic find(List<Diagnostic> ds, String code) {
        return ds.stream().filter(d -> code.equals(d.getCode().getLeft())).findFirst().orElse(null);
    }

    static boolean has(List<Diagnostic> ds, String code) {
        return find(ds, code) != null;
    }

    @Test
    void theGopathAppendedToTheSkeletonBashrcIsReportedAtItsLineNamingTheContexts() {
        Fixture f = Fixture.of(DEBIAN);
        try (LspSession s = LspSession.start(tmp, f)) {
            String uri = s.uri("~/.bashrc");
            s.open("~/.bashrc");
            // the first analysis may publish the disk file before the server has seen didOpen (no version):
            // wait for the push of the open document, version 1
            var p = s.client.awaitDiagnostics(uri, d -> Integer.valueOf(1).equals(d.getVersion()) && has(d.getDiagnostics(), "ER101"),
                    Duration.ofSeconds(20));
            Diagnostic d = find(p.getDiagnostics(), "ER101");
            assertEquals(13, d.getRange().getStart().getLine(), "the export line (0-based)");
            assertTrue(d.getMessage().contains("ssh-command") && d.getMessage().contains("gnome-wayland-session"), d.getMessage());
            assertTrue(d.getCodeDescription().getHref().endsWith("docs/rules/ER101.md"));
            var rel = d.getRelatedInformation().get(0);
            assertEquals(uri, rel.getLocation().getUri());
            assertEquals(3, rel.getLocation().getRange().getStart().getLine(), "points at the `case $- in` guard (0-based line 3)");
            for (var q : s.client.publishedSinceOpen(uri)) assertEquals(1, q.getVersion(), "every push once open names version 1");
        }
    }

    @Test
    void applyingTheMoveFixClearsTheDiagnosticAfterReanalysis() throws Exception {
        Fixture f = Fixture.of(DEBIAN);
        try (LspSession s = LspSession.start(tmp, f, null, ClientEdits.documentChanges())) {
            String uri = s.uri("~/.bashrc");
            s.open("~/.bashrc");
            Diagnostic d = find(s.client.awaitDiagnostics(uri, p -> has(p.getDiagnostics(), "ER101"), Duration.ofSeconds(20)).getDiagnostics(), "ER101");
            CodeAction fix = CodeActionTest.actions(s, "~/.bashrc", d).stream()
                    .filter(a -> a.getTitle().startsWith("Move above")).findFirst().orElseThrow();
            ClientEdits.apply(s, fix.getEdit());
            String text = s.text("~/.bashrc");
            assertTrue(text.indexOf("# Go\nexport GOPATH") < text.indexOf("# If not running interactively"), "moved with its comment: " + text);
            int v = s.version("~/.bashrc");
            var after = s.client.awaitDiagnostics(uri, p -> Integer.valueOf(v).equals(p.getVersion()), Duration.ofSeconds(20));
            assertTrue(!has(after.getDiagnostics(), "ER101"), after.getDiagnostics().toString());
        }
    }

    @Test
    void editingBashProfileUpdatesTheDiagnosticsOfProfile() throws Exception {
        Fixture f = Fixture.of(DEBIAN + """
                #- ~/.bash_profile
                export PATH="$HOME/.cargo/bin:$PATH"
                """);
        try (LspSession s = LspSession.start(tmp, f)) {
            String profile = s.uri("~/.profile");
            s.open("~/.profile");
            s.open("~/.bash_profile");
            var before = s.client.awaitDiagnostics(profile, p -> has(p.getDiagnostics(), "ER103"), Duration.ofSeconds(20));
            assertTrue(find(before.getDiagnostics(), "ER103").getMessage().contains("ssh-login"));
            s.insert("~/.bash_profile", 0, 0, ". \"$HOME/.profile\"\n");
            var after = s.client.awaitDiagnostics(profile, p -> !has(p.getDiagnostics(), "ER103"), Duration.ofSeconds(20));
            assertEquals(1, after.getVersion(), "~/.profile itself did not change: same version, new diagnostics");
        }
    }

    @Test
    void hoverShowsTheMatrixWithAReasonPerMissingContext() throws Exception {
        Fixture f = Fixture.of(DEBIAN);
        try (LspSession s = LspSession.start(tmp, f)) {
            s.open("~/.bashrc");
            var hover = s.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(s.uri("~/.bashrc")),
                    new Position(13, 10))).get(20, TimeUnit.SECONDS);
            String md = hover.getContents().getRight().getValue();
            assertEquals("markdown", hover.getContents().getRight().getKind());
            assertTrue(md.contains("| ssh-command | ✗ |"), md);
            assertTrue(md.contains("| terminal-tab | ✓ | `" + s.home.resolve("go") + "` |"), md);
            assertTrue(md.contains("✗ **ssh-command**: ") && md.contains("return"), "one-line reason naming the return: " + md);
            assertTrue(md.indexOf("ssh-login") < md.indexOf("cron"), "contexts running the user's shell come first");
        }
    }

    @Test
    void theCodeLensCountsTheContextsAndRunsTheMatrixCommand() throws Exception {
        Fixture f = Fixture.of(DEBIAN);
        try (LspSession s = LspSession.start(tmp, f)) {
            s.open("~/.bashrc");
            var lenses = s.server.getTextDocumentService().codeLens(new CodeLensParams(new TextDocumentIdentifier(s.uri("~/.bashrc"))))
                    .get(20, TimeUnit.SECONDS);
            assertEquals(1, lenses.size());
            var cmd = lenses.get(0).getCommand();
            assertTrue(cmd.getTitle().matches("reaches \\d+ of \\d+ contexts.*"), cmd.getTitle());
            assertEquals("envreach.showMatrix", cmd.getCommand());
            Object text = s.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(cmd.getCommand(), cmd.getArguments()))
                    .get(20, TimeUnit.SECONDS);
            assertTrue(text.toString().contains("| ssh-command | ✗ |"), text.toString());
            Object explain = s.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("envreach.explain", List.of("GOPATH")))
                    .get(20, TimeUnit.SECONDS);
            assertTrue(explain.toString().contains("terminal-tab") && explain.toString().contains("~/.bashrc"), explain.toString());
        }
    }

    @Test
    void theZshrcFixCreatesZshenvAndTheDiagnosticGoes() throws Exception {
        Fixture f = Fixture.of("""
                #- ~/.zshrc
                export GOPATH="$HOME/go"
                bindkey -e
                """);
        try (LspSession s = LspSession.start(tmp, f, o -> o.addProperty("loginShell", "zsh"), ClientEdits.documentChanges())) {
            String uri = s.uri("~/.zshrc");
            s.open("~/.zshrc");
            Diagnostic d = find(s.client.awaitDiagnostics(uri, p -> has(p.getDiagnostics(), "ER102"), Duration.ofSeconds(20)).getDiagnostics(), "ER102");
            CodeAction fix = CodeActionTest.actions(s, "~/.zshrc", d).stream().filter(a -> a.getTitle().startsWith("Move to")).findFirst().orElseThrow();
            assertTrue(fix.getEdit().getDocumentChanges().get(0).isRight(), "CreateFile comes first");
            ClientEdits.apply(s, fix.getEdit());
            assertEquals("export GOPATH=\"$HOME/go\"\n", Files.readString(s.path("~/.zshenv")));
            int v = s.version("~/.zshrc");
            var after = s.client.awaitDiagnostics(uri, p -> Integer.valueOf(v).equals(p.getVersion()) && !has(p.getDiagnostics(), "ER102"),
                    Duration.ofSeconds(20));
            assertEquals("bindkey -e\n", s.text("~/.zshrc"));
            assertTrue(after.getDiagnostics().isEmpty(), after.getDiagnostics().toString());
        }
    }
}
