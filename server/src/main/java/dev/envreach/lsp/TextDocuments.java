package dev.envreach.lsp;

import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.services.TextDocumentService;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code textDocument/*}: synchronisation, and the requests, each answered from the newest analysis. */
final class TextDocuments implements TextDocumentService {
    private final EnvreachServer server;

    TextDocuments(EnvreachServer server) {
        this.server = server;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var d = params.getTextDocument();
        server.store.open(d.getUri(), d.getLanguageId(), d.getVersion(), d.getText());
        server.scheduler.changed();
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        var id = params.getTextDocument();
        Integer v = id.getVersion();
        if (server.store.change(id.getUri(), v == null ? Integer.MAX_VALUE : v, params.getContentChanges()).isPresent()) {
            server.scheduler.changed();
        }
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        server.store.close(params.getTextDocument().getUri());
        server.scheduler.changed();
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the open document already holds the saved text
    }

    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        String uri = params.getTextDocument().getUri();
        return server.scheduler.current().thenApply(snap -> {
            var items = snap.byUri(uri).map(f -> Diagnostics.forFile(snap, f)).orElse(List.of());
            return new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(items));
        });
    }
}
