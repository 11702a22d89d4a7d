package dev.envreach.lsp;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.MarkupKind;

import java.util.List;
import java.util.Optional;

/** What the connected client said it can do, read once from {@code initialize}. */
record ClientSupport(boolean pullDiagnostics, boolean diagnosticRefresh, boolean configuration,
                     boolean watchedFilesRegistration, boolean documentChanges, boolean createFile,
                     boolean markdownHover, boolean workDoneProgress, boolean inlayHintRefresh,
                     boolean relativePatterns) {

    static ClientSupport of(ClientCapabilities c) {
        if (c == null) return new ClientSupport(false, false, false, false, false, false, true, false, false, false);
        var td = c.getTextDocument();
        var ws = c.getWorkspace();
        boolean pull = td != null && td.getDiagnostic() != null;
        boolean refresh = ws != null && ws.getDiagnostics() != null && Boolean.TRUE.equals(ws.getDiagnostics().getRefreshSupport());
        boolean config = ws != null && Boolean.TRUE.equals(ws.getConfiguration());
        boolean watch = ws != null && ws.getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(ws.getDidChangeWatchedFiles().getDynamicRegistration());
        // file watchers as RelativePattern only when the client says so (LSP 3.17); else absolute glob strings
        boolean relative = watch && Boolean.TRUE.equals(ws.getDidChangeWatchedFiles().getRelativePatternSupport());
        boolean docChanges = ws != null && ws.getWorkspaceEdit() != null
                && Boolean.TRUE.equals(ws.getWorkspaceEdit().getDocumentChanges());
        boolean create = docChanges && Optional.ofNullable(ws.getWorkspaceEdit().getResourceOperations())
                .orElse(List.of()).contains("create");
        boolean markdown = true;
        if (td != null && td.getHover() != null && td.getHover().getContentFormat() != null
                && !td.getHover().getContentFormat().isEmpty()) {
            markdown = td.getHover().getContentFormat().contains(MarkupKind.MARKDOWN);
        }
        boolean progress = c.getWindow() != null && Boolean.TRUE.equals(c.getWindow().getWorkDoneProgress());
        boolean inlayRefresh = ws != null && ws.getInlayHint() != null && Boolean.TRUE.equals(ws.getInlayHint().getRefreshSupport());
        return new ClientSupport(pull, refresh, config, watch, docChanges, create, markdown, progress, inlayRefresh, relative);
    }
}
