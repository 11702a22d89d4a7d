package dev.envreach.lsp;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quick fixes are versioned workspace edits; applying one makes the diagnostic go away. */
class CodeActionTest {
    @TempDir
    Path tmp;

    static boolean has(List<Diagnostic> ds, String code) {
        return ds.stream().anyMatch(d -> code.equals(d.getCode().getLeft()));
    }

    static List<CodeAction> actions(LspSession s, String name, Diagnostic d) throws Exception {
        CodeActionParams p = new CodeActionParams(new TextDocumentIdentifier(s.uri(name)), d.getRange(), new CodeActionContext(List.of(d)));
        return s.server.getTextDocumentService().codeAction(p).get(10, TimeUnit.SECONDS).stream().map(e -> e.getRight()).toList();
    }

    @Test
    void theTildeFixIsAVersionedEditAndApplyingItClearsTheDiagnostic() throws Exception {
        Fixture f = Fixture.of("""
                #- ~/.bashrc
                export GOPATH="~/go"
                """);
        try (LspSession s = LspSession.start(tmp, f, null, ClientEdits.documentChanges())) {
            String uri = s.uri("~/.bashrc");
            s.open("~/.bashrc");
            Diagnostic d = s.client.awaitDiagnostics(uri, p -> has(p.getDiagnostics(), "ER105"), Duration.ofSeconds(10))
                    .getDiagnostics().stream().filter(x -> "ER105".equals(x.getCode().getLeft())).findFirst().orElseThrow();
            List<CodeAction> as = actions(s, "~/.bashrc", d);
            CodeAction fix = as.stream().filter(a -> Boolean.TRUE.equals(a.getIsPreferred())).findFirst().orElseThrow();
            var docEdit = fix.getEdit().getDocumentChanges().get(0).getLeft();
            assertEquals(1, docEdit.getTextDocument().getVersion(), "the edit names the version it was computed for");

            ClientEdits.apply(s, fix.getEdit());
            assertEquals("export GOPATH=\"$HOME/go\"\n", s.text("~/.bashrc"));
            int v = s.version("~/.bashrc");
            var after = s.client.awaitDiagnostics(uri, p -> Integer.valueOf(v).equals(p.getVersion()), Duration.ofSeconds(10));
            assertTrue(!has(after.getDiagnostics(), "ER105"), "re-analysis cleared it: " + after.getDiagnostics());
        }
    }

    @Test
    void anEditComputedForAnOlderVersionIsRefusedByAVersionCheckingClient() throws Exception {
        Fixture f = Fixture.of("""
                #- ~/.bashrc
                export GOPATH="~/go"
                """);
        try (LspSession s = LspSession.start(tmp, f, null, ClientEdits.documentChanges())) {
            String uri = s.uri("~/.bashrc");
            s.open("~/.bashrc");
            Diagnostic d = s.client.awaitDiagnostics(uri, p -> has(p.getDiagnostics(), "ER105"), Duration.ofSeconds(10))
                    .getDiagnostics().stream().filter(x -> "ER105".equals(x.getCode().getLeft())).findFirst().orElseThrow();
            CodeAction fix = actions(s, "~/.bashrc", d).stream().filter(a -> Boolean.TRUE.equals(a.getIsPreferred())).findFirst().orElseThrow();
            s.insert("~/.bashrc", 0, 0, "# a comment typed meanwhile\n");
            assertThrows(IllegalStateException.class, () -> ClientEdits.apply(s, fix.getEdit()));
        }
    }

    @Test
    void theSilenceActionInsertsADisableCommentThatSilencesTheRule() throws Exception {
        Fixture f = Fixture.of("""
                #- ~/.bashrc
                if true; then
                    export GOPATH="~/go"
                fi
                """);
        try (LspSession s = LspSession.start(tmp, f, null, ClientEdits.documentChanges())) {
            String uri = s.uri("~/.bashrc");
            s.open("~/.bashrc");
            Diagnostic d = s.client.awaitDiagnostics(uri, p -> has(p.getDiagnostics(), "ER105"), Duration.ofSeconds(10))
                    .getDiagnostics().stream().filter(x -> "ER105".equals(x.getCode().getLeft())).findFirst().orElseThrow();
            CodeAction silence = actions(s, "~/.bashrc", d).stream().filter(a -> a.getTitle().startsWith("Disable ER105")).findFirst().orElseThrow();
            ClientEdits.apply(s, silence.getEdit());
            assertTrue(s.text("~/.bashrc").contains("    # envreach: disable=ER105\n    export GOPATH"), s.text("~/.bashrc"));
            int v = s.version("~/.bashrc");
            var after = s.client.awaitDiagnostics(uri, p -> Integer.valueOf(v).equals(p.getVersion()), Duration.ofSeconds(10));
            assertTrue(!has(after.getDiagnostics(), "ER105"), after.getDiagnostics().toString());
        }
    }
}
