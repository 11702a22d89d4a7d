package dev.envreach.lsp;

import dev.envreach.rules.FileEdit;
import dev.envreach.syntax.LineMap;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.CreateFileOptions;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds workspace edits: versioned {@code TextDocumentEdit}s (so a client refuses an edit computed
 * for an older text) and {@code CreateFile} for targets that do not exist yet.
 */
final class Edits {
    private Edits() {}

    /** Converts rule edits (home paths, offsets into the analysed text) into a workspace edit. */
    static WorkspaceEdit of(Snapshot snap, List<FileEdit> edits, ClientSupport support) {
        Map<String, List<TextEdit>> plain = new LinkedHashMap<>();
        List<Either<TextDocumentEdit, ResourceOperation>> changes = new ArrayList<>();
        for (FileEdit fe : edits) {
            AnalyzedFile f = snap.byHome(fe.file()).orElse(null);
            String uri = f != null ? f.uri() : snap.view().toReal(fe.file()).toUri().toString();
            Integer version = f != null ? f.version() : null;
            LineMap lines = f != null && !fe.create() ? f.parse().lines() : new LineMap("");
            List<TextEdit> te = new ArrayList<>();
            for (dev.envreach.rules.TextEdit e : fe.edits()) te.add(new TextEdit(Positions.range(lines, e.span()), e.newText()));
            if (fe.create()) {
                CreateFile cf = new CreateFile(uri, new CreateFileOptions(false, true));
                changes.add(Either.forRight(cf));
            }
            changes.add(Either.forLeft(new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, version), te)));
            plain.computeIfAbsent(uri, k -> new ArrayList<>()).addAll(te);
        }
        if (support.documentChanges()) return new WorkspaceEdit(changes);
        return new WorkspaceEdit(plain);
    }

    /** Text edits per file, for rename and other edits computed directly on the LSP side. */
    static WorkspaceEdit ofTextEdits(Map<AnalyzedFile, List<TextEdit>> byFile, ClientSupport support) {
        if (support.documentChanges()) {
            List<Either<TextDocumentEdit, ResourceOperation>> changes = new ArrayList<>();
            for (Map.Entry<AnalyzedFile, List<TextEdit>> e : byFile.entrySet()) {
                changes.add(Either.forLeft(new TextDocumentEdit(
                        new VersionedTextDocumentIdentifier(e.getKey().uri(), e.getKey().version()), e.getValue())));
            }
            return new WorkspaceEdit(changes);
        }
        Map<String, List<TextEdit>> plain = new LinkedHashMap<>();
        for (Map.Entry<AnalyzedFile, List<TextEdit>> e : byFile.entrySet()) plain.put(e.getKey().uri(), e.getValue());
        return new WorkspaceEdit(plain);
    }
}
