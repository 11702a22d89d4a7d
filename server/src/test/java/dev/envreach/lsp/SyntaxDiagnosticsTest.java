package dev.envreach.lsp;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ER001 syntax errors through a real JSON-RPC connection: pushed with versions, pulled on request, suppressible. */
class SyntaxDiagnosticsTest {
    @TempDir
    Path tmp;

    private static final Fixture BROKEN = Fixture.of("""
            #- ~/.bashrc
            export A=1
            if true; then
              echo hi
            export B=2
            """);

    private static boolean hasCode(List<Diagnostic> ds, String code) {
        return ds.stream().anyMatch(d -> code.equals(d.getCode().getLeft()));
    }

    @Test
    void anUnclosedIfIsReportedAsEr001WithALinkToItsDocPage() {
        try (LspSession s = LspSession.start(tmp, BROKEN)) {
            s.open("~/.bashrc");
            var p = s.client.awaitDiagnostics(s.uri("~/.bashrc"),
                    d -> Integer.valueOf(1).equals(d.getVersion()) && hasCode(d.getDiagnostics(), "ER001"), Duration.ofSeconds(10));
            Diagnostic d = p.getDiagnostics().stream().filter(x -> "ER001".equals(x.getCode().getLeft())).findFirst().orElseThrow();
            assertEquals(DiagnosticSeverity.Error, d.getSeverity());
            assertTrue(d.getMessage().contains("fi"), d.getMessage());
            assertTrue(d.getCodeDescription().getHref().endsWith("/docs/rules/ER001.md"), d.getCodeDescription().getHref());
            assertEquals("envreach", d.getSource());
        }
    }

    @Test
    void fixingTheErrorClearsItAtTheNewVersion() {
        try (LspSession s = LspSession.start(tmp, BROKEN)) {
            String uri = s.uri("~/.bashrc");
            s.open("~/.bashrc");
            s.client.awaitDiagnostics(uri, d -> hasCode(d.getDiagnostics(), "ER001"), Duration.ofSeconds(10));
            int v = s.insert("~/.bashrc", 3, 0, "fi\n");
            var p = s.client.awaitDiagnostics(uri, d -> Integer.valueOf(v).equals(d.getVersion()), Duration.ofSeconds(10));
            assertTrue(!hasCode(p.getDiagnostics(), "ER001"), "no syntax error once `fi` is there: " + p.getDiagnostics());
        }
    }

    @Test
    void anErrorInAStartupFileThatIsNotOpenIsPublishedWithoutVersion() {
        try (LspSession s = LspSession.start(tmp, BROKEN)) {
            var p = s.client.awaitDiagnostics(s.uri("~/.bashrc"), d -> hasCode(d.getDiagnostics(), "ER001"), Duration.ofSeconds(10));
            assertNull(p.getVersion(), "a file read from disk has no document version");
        }
    }

    @Test
    void disabledRulesAndInFileCommentsSilenceTheError() {
        try (LspSession s = LspSession.start(tmp, BROKEN, o -> o.add("disabledRules", com.google.gson.JsonParser.parseString("[\"ER001\"]")),
                new ClientCapabilities())) {
            s.open("~/.bashrc");
            var p = s.client.awaitDiagnostics(s.uri("~/.bashrc"), d -> Integer.valueOf(1).equals(d.getVersion()), Duration.ofSeconds(10));
            assertTrue(!hasCode(p.getDiagnostics(), "ER001"), "ER001 disabled by setting: " + p.getDiagnostics());
        }
        Fixture silenced = Fixture.of("""
                #- ~/.bashrc
                # envreach: disable-file=ER001
                if true; then
                """);
        try (LspSession s = LspSession.start(tmp.resolve("b"), silenced)) {
            s.open("~/.bashrc");
            var p = s.client.awaitDiagnostics(s.uri("~/.bashrc"), d -> Integer.valueOf(1).equals(d.getVersion()), Duration.ofSeconds(10));
            assertTrue(!hasCode(p.getDiagnostics(), "ER001"), "ER001 disabled in the file: " + p.getDiagnostics());
        }
    }

    @Test
    void aClientWithPullDiagnosticsGetsThemByRequest() throws Exception {
        ClientCapabilities caps = new ClientCapabilities();
        TextDocumentClientCapabilities td = new TextDocumentClientCapabilities();
        td.setDiagnostic(new DiagnosticCapabilities());
        caps.setTextDocument(td);
        try (LspSession s = LspSession.start(tmp, BROKEN, null, caps)) {
            assertTrue(s.initializeResult.getCapabilities().getDiagnosticProvider() != null, "pull diagnostics announced");
            s.open("~/.bashrc");
            var report = s.server.getTextDocumentService()
                    .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(s.uri("~/.bashrc"))))
                    .get(10, TimeUnit.SECONDS);
            assertTrue(hasCode(report.getLeft().getItems(), "ER001"), "pulled: " + report);
            assertTrue(s.client.publishedFor(s.uri("~/.bashrc")).isEmpty(), "a pull client is not pushed the same diagnostics twice");
        }
    }
}
