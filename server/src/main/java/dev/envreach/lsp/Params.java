package dev.envreach.lsp;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;

/**
 * Reads request params defensively. Clients leave out fields the protocol calls required (Neovim 0.7
 * sends code-action diagnostics without a range); a missing field becomes "nothing there", never an
 * exception.
 */
final class Params {
    private Params() {}

    /** The document's URI, or null (logged) when the identifier or its URI is missing. */
    static String uri(TextDocumentIdentifier id, String what) {
        String uri = id == null ? null : id.getUri();
        if (uri == null || uri.isBlank()) {
            ServerLog.warn(what + " without a textDocument uri; answered with nothing");
            return null;
        }
        return uri;
    }

    /** A range with both ends: a missing end is the start (and the other way round); null when both are missing. */
    static Range range(Range r) {
        if (r == null) return null;
        Position start = r.getStart();
        Position end = r.getEnd();
        if (start == null && end == null) return null;
        if (start == null) start = end;
        if (end == null) end = start;
        return new Range(start, end);
    }
}
