package dev.envreach.lsp;

import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.WorkspaceService;

import java.util.concurrent.CompletableFuture;

/** {@code workspace/*}: settings, watched files and commands. */
final class Workspace implements WorkspaceService {
    private final EnvreachServer server;

    Workspace(EnvreachServer server) {
        this.server = server;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        server.settingsChanged(params == null ? null : params.getSettings());
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        boolean relevant = false;
        if (params == null || params.getChanges() == null) return;
        for (FileEvent e : params.getChanges()) {
            if (e == null) continue;
            var path = DocumentStore.toPath(e.getUri());
            if (path.isPresent() && server.store.get(path.get()).isEmpty()) relevant = true;
        }
        if (relevant) server.scheduler.changed();
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        String cmd = params.getCommand() == null ? "" : params.getCommand();
        return switch (cmd) {
            case Capabilities.SHOW_MATRIX, Capabilities.EXPLAIN ->
                    server.scheduler.current().thenApply(snap -> Commands.run(cmd, snap, params.getArguments()));
            default -> CompletableFuture.failedFuture(new ResponseErrorException(
                    new ResponseError(ResponseErrorCode.InvalidParams, "unknown command: " + cmd, null)));
        };
    }
}
