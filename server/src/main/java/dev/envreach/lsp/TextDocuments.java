package dev.envreach.lsp;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
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

    /** The request's document URI, or null when the client left it out. */
    private static String uri(org.eclipse.lsp4j.TextDocumentIdentifier id) {
        return Params.uri(id, "a request");
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var d = params.getTextDocument();
        if (d == null || d.getUri() == null) {
            ServerLog.warn("didOpen without a textDocument; ignored");
            return;
        }
        server.store.open(d.getUri(), d.getLanguageId(), d.getVersion(), d.getText() == null ? "" : d.getText());
        server.scheduler.changed();
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        var id = params.getTextDocument();
        String uri = Params.uri(id, "didChange");
        if (uri == null) return;
        Integer v = id.getVersion();
        var changes = params.getContentChanges() == null ? List.<org.eclipse.lsp4j.TextDocumentContentChangeEvent>of()
                : params.getContentChanges().stream().filter(java.util.Objects::nonNull).toList();
        if (server.store.change(uri, v == null ? Integer.MAX_VALUE : v, changes).isPresent()) {
            server.scheduler.changed();
        }
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = Params.uri(params.getTextDocument(), "didClose");
        if (uri == null) return;
        server.store.close(uri);
        server.scheduler.changed();
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the open document already holds the saved text
    }

    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        String uri = Params.uri(params.getTextDocument(), "textDocument/diagnostic");
        return server.scheduler.current().thenApply(snap -> {
            var items = snap.byUri(uri).map(f -> Diagnostics.forFile(snap, f)).orElse(List.of());
            return new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(items));
        });
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        return server.scheduler.current().thenApply(snap -> Either.forLeft(Navigation.definition(snap,
                Navigation.at(snap, uri(params.getTextDocument()), params.getPosition()))));
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        boolean decl = params.getContext() == null || params.getContext().isIncludeDeclaration();
        return server.scheduler.current().thenApply(snap -> Navigation.references(snap,
                Navigation.at(snap, uri(params.getTextDocument()), params.getPosition()), decl));
    }

    @Override
    public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
        return server.scheduler.current().thenApply(snap -> Navigation.highlights(
                Navigation.at(snap, uri(params.getTextDocument()), params.getPosition())));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return server.scheduler.current().thenApply(snap -> snap.byUri(uri(params.getTextDocument()))
                .map(f -> Navigation.symbols(snap, f).stream().map(Either::<SymbolInformation, DocumentSymbol>forRight).toList())
                .orElse(List.of()));
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        return server.scheduler.current().thenApply(snap -> snap.byUri(uri(params.getTextDocument()))
                .map(f -> Navigation.links(snap, f)).orElse(List.of()));
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(PrepareRenameParams params) {
        return server.scheduler.current().thenApply(snap -> {
            PrepareRenameResult r = Navigation.prepareRename(Navigation.at(snap, uri(params.getTextDocument()), params.getPosition()));
            return r == null ? null : Either3.forSecond(r);
        });
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return server.scheduler.current().thenApply(snap -> Navigation.rename(snap,
                Navigation.at(snap, uri(params.getTextDocument()), params.getPosition()), params.getNewName(), server.support));
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return server.scheduler.current().thenApply(snap -> Either.forRight(new CompletionList(false,
                Completion.items(snap, Navigation.at(snap, uri(params.getTextDocument()), params.getPosition())))));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return server.scheduler.current().thenApply(snap -> CodeActions.at(snap, params, server.support));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return server.scheduler.current().thenApply(snap -> Hovers.at(snap,
                Navigation.at(snap, uri(params.getTextDocument()), params.getPosition()), server.support));
    }

    @Override
    public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
        return server.scheduler.current().thenApply(snap -> snap.byUri(uri(params.getTextDocument()))
                .map(f -> InlayHints.of(snap, f, Params.range(params.getRange()))).orElse(List.of()));
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        return server.scheduler.current().thenApply(snap -> snap.byUri(uri(params.getTextDocument()))
                .map(f -> CodeLenses.of(snap, f)).orElse(List.of()));
    }
}
