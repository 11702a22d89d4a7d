package dev.envreach.lsp;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A moved export goes above the guard's own comment block (`# If not running interactively, ...`),
 * never between that comment and the guard; a file header that is not about the guard stays on top.
 */
class GuardPlacementTest {
    @TempDir
    Path tmp;

    static final String PROFILE = """
            #- ~/.profile
            if [ -n "$BASH_VERSION" ]; then
                if [ -f "$HOME/.bashrc" ]; then
                    . "$HOME/.bashrc"
                fi
            fi
            """;

    /** Opens ~/.bashrc, applies the ER101 move, checks the text and that the diagnostic goes. */
    private void moveAboveTheGuard(String name, String bashrc, String expected) throws Exception {
        Fixture f = Fixture.of(PROFILE + "#- ~/.bashrc\n" + bashrc);
        try (LspSession s = LspSession.start(tmp.resolve(name), f, null, ClientEdits.documentChanges())) {
            String uri = s.uri("~/.bashrc");
            s.open("~/.bashrc");
            Diagnostic d = ReachOverLspTest.find(s.client.awaitDiagnostics(uri,
                    p -> Integer.valueOf(1).equals(p.getVersion()) && ReachOverLspTest.has(p.getDiagnostics(), "ER101"),
                    Duration.ofSeconds(20)).getDiagnostics(), "ER101");
            CodeAction fix = CodeActionTest.actions(s, "~/.bashrc", d).stream()
                    .filter(a -> a.getTitle().startsWith("Move above")).findFirst().orElseThrow();
            ClientEdits.apply(s, fix.getEdit());
            assertEquals(expected, s.text("~/.bashrc"), name);
            int v = s.version("~/.bashrc");
            var after = s.client.awaitDiagnostics(uri, p -> Integer.valueOf(v).equals(p.getVersion()), Duration.ofSeconds(20));
            assertTrue(!ReachOverLspTest.has(after.getDiagnostics(), "ER101"), name + ": " + after.getDiagnostics());
        }
    }

    @Test
    void theExportGoesAboveAGuardCommentSeparatedFromTheGuardByABlankLine() throws Exception {
        moveAboveTheGuard("case", """
                # ~/.bashrc: executed by bash(1) for non-login shells.

                # If not running interactively,
                # don't do anything

                case $- in
                    *i*) ;;
                      *) return;;
                esac

                HISTSIZE=1000

                # Go
                export GOPATH="$HOME/go"
                """, """
                # ~/.bashrc: executed by bash(1) for non-login shells.

                # Go
                export GOPATH="$HOME/go"
                # If not running interactively,
                # don't do anything

                case $- in
                    *i*) ;;
                      *) return;;
                esac

                HISTSIZE=1000

                """);
    }

    @Test
    void theExportGoesAboveTheCommentDirectlyOverAPs1Guard() throws Exception {
        moveAboveTheGuard("ps1", """
                # ~/.bashrc: executed by bash(1) for non-login shells.

                # If not running interactively, don't do anything
                [ -z "$PS1" ] && return

                export GOPATH="$HOME/go"
                """, """
                # ~/.bashrc: executed by bash(1) for non-login shells.

                export GOPATH="$HOME/go"
                # If not running interactively, don't do anything
                [ -z "$PS1" ] && return

                """);
    }

    @Test
    void aHeaderCommentThatIsNotAboutTheGuardStaysAboveTheMovedExport() throws Exception {
        moveAboveTheGuard("header", """
                # ~/.bashrc of the build machine

                [[ $- != *i* ]] && return
                export GOPATH="$HOME/go"
                """, """
                # ~/.bashrc of the build machine

                export GOPATH="$HOME/go"
                [[ $- != *i* ]] && return
                """);
    }

    @Test
    void aMoveIntoAnotherFileAlsoGoesAboveThatFilesGuardComment() throws Exception {
        Fixture f = Fixture.of("""
                #- ~/.zshenv
                export LANG=en_US.UTF-8

                # the rest is for interactive shells only

                [[ -o interactive ]] || return
                alias ll='ls -l'
                #- ~/.zshrc
                export GOPATH="$HOME/go"
                bindkey -e
                """);
        try (LspSession s = LspSession.start(tmp, f, o -> o.addProperty("loginShell", "zsh"), ClientEdits.documentChanges())) {
            String uri = s.uri("~/.zshrc");
            s.open("~/.zshrc");
            Diagnostic d = ReachOverLspTest.find(s.client.awaitDiagnostics(uri,
                    p -> Integer.valueOf(1).equals(p.getVersion()) && ReachOverLspTest.has(p.getDiagnostics(), "ER102"),
                    Duration.ofSeconds(20)).getDiagnostics(), "ER102");
            CodeAction fix = CodeActionTest.actions(s, "~/.zshrc", d).stream()
                    .filter(a -> a.getTitle().startsWith("Move to")).findFirst().orElseThrow();
            ClientEdits.apply(s, fix.getEdit());
            assertEquals("""
                    export LANG=en_US.UTF-8

                    export GOPATH="$HOME/go"
                    # the rest is for interactive shells only

                    [[ -o interactive ]] || return
                    alias ll='ls -l'
                    """, Files.readString(s.path("~/.zshenv")));
            int v = s.version("~/.zshrc");
            var after = s.client.awaitDiagnostics(uri, p -> Integer.valueOf(v).equals(p.getVersion()) && !ReachOverLspTest.has(p.getDiagnostics(), "ER102"),
                    Duration.ofSeconds(20));
            assertTrue(after.getDiagnostics().isEmpty(), after.getDiagnostics().toString());
        }
    }
}
