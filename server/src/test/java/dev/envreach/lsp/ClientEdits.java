package dev.envreach.lsp;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Applies a workspace edit the way a careful client does: refusing stale versions, creating files first. */
final class ClientEdits {
    private ClientEdits() {}

    /** Capabilities of a client that understands versioned document changes and file creation. */
    static ClientCapabilities documentChanges() {
        ClientCapabilities caps = new ClientCapabilities();
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        WorkspaceEditCapabilities we = new WorkspaceEditCapabilities();
        we.setDocumentChanges(true);
        we.setResourceOperations(List.of("create"));
        ws.setWorkspaceEdit(we);
        ws.setApplyEdit(true);
        caps.setWorkspace(ws);
        return caps;
    }

    /** Names (as {@code ~/x}) of the files changed; throws when an edit targets a version the client does not have. */
    static List<String> apply(LspSession s, WorkspaceEdit edit) {
        List<String> changed = new ArrayList<>();
        List<FileEvent> diskEvents = new ArrayList<>();
        if (edit.getDocumentChanges() == null) throw new AssertionError("expected documentChanges, got " + edit);
        for (Either<TextDocumentEdit, ResourceOperation> change : edit.getDocumentChanges()) {
            if (change.isRight()) {
                ResourceOperation op = change.getRight();
                if (!(op instanceof CreateFile cf)) throw new AssertionError("unexpected operation " + op);
                Path p = Path.of(URI.create(cf.getUri()));
                try {
                    if (!Files.exists(p)) {
                        Files.createDirectories(p.getParent());
                        Files.writeString(p, "");
                        diskEvents.add(new FileEvent(cf.getUri(), FileChangeType.Created));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                continue;
            }
            TextDocumentEdit te = change.getLeft();
            String uri = te.getTextDocument().getUri();
            String name = name(s, uri);
            Integer v = te.getTextDocument().getVersion();
            String open = s.text(name);
            if (open != null) {
                if (v != null && v != s.version(name)) throw new IllegalStateException("stale edit: version " + v + " but the document is at " + s.version(name));
                s.replace(name, LocalEdits.apply(open, te.getEdits()));
            } else {
                if (v != null) throw new IllegalStateException("versioned edit for a document that is not open: " + uri);
                Path p = Path.of(URI.create(uri));
                try {
                    String old = Files.exists(p) ? Files.readString(p) : "";
                    Files.writeString(p, LocalEdits.apply(old, te.getEdits()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                diskEvents.add(new FileEvent(uri, FileChangeType.Changed));
            }
            changed.add(name);
        }
        if (!diskEvents.isEmpty()) {
            s.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(diskEvents));
        }
        return changed;
    }

    private static String name(LspSession s, String uri) {
        Path p = Path.of(URI.create(uri));
        if (p.startsWith(s.home)) return "~/" + s.home.relativize(p);
        return p.toString();
    }
}
