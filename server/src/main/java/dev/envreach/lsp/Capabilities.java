package dev.envreach.lsp;

import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.List;

/** What the server announces in {@code initialize}. */
final class Capabilities {
    static final String SHOW_MATRIX = "envreach.showMatrix";
    static final String EXPLAIN = "envreach.explain";

    private Capabilities() {}

    static ServerCapabilities server(boolean pullDiagnostics) {
        ServerCapabilities c = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        c.setTextDocumentSync(sync);
        if (pullDiagnostics) {
            DiagnosticRegistrationOptions d = new DiagnosticRegistrationOptions(true, false);
            d.setIdentifier("envreach");
            c.setDiagnosticProvider(d);
        }
        c.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        c.setHoverProvider(true);
        c.setCodeLensProvider(new CodeLensOptions(false));
        c.setInlayHintProvider(Either.forLeft(true));
        c.setDefinitionProvider(true);
        c.setReferencesProvider(true);
        c.setDocumentSymbolProvider(true);
        c.setDocumentHighlightProvider(true);
        c.setDocumentLinkProvider(new DocumentLinkOptions(false));
        c.setRenameProvider(Either.forRight(new RenameOptions(true)));
        c.setCompletionProvider(new CompletionOptions(false, List.of("$", "{")));
        c.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(SHOW_MATRIX, EXPLAIN)));
        return c;
    }
}
