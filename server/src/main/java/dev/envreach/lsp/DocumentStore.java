package dev.envreach.lsp;

import dev.envreach.syntax.LineMap;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open documents, which overlay the disk. Positions are UTF-16 (Java strings are UTF-16). Paths are
 * absolute and normalised; a document is keyed by its path so any spelling of its URI finds it.
 */
public final class DocumentStore {
    /** Files larger than this are not read from disk (a startup file is never that big). */
    static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

    private final Map<Path, OpenDocument> open = new ConcurrentHashMap<>();

    /** The path of a {@code file:} URI, or empty for other schemes or malformed URIs. */
    public static Optional<Path> toPath(String uri) {
        if (uri == null) return Optional.empty();
        try {
            URI u = URI.create(uri);
            if (!"file".equalsIgnoreCase(u.getScheme())) return Optional.empty();
            return Optional.of(Path.of(u).toAbsolutePath().normalize());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public synchronized void open(String uri, String languageId, int version, String text) {
        Path p = toPath(uri).orElse(null);
        if (p == null) {
            ServerLog.warn("ignoring document with a non-file URI: " + uri);
            return;
        }
        open.put(p, new OpenDocument(uri, p, languageId, version, normalize(text)));
    }

    public synchronized void close(String uri) {
        toPath(uri).ifPresent(open::remove);
    }

    /**
     * Applies changes in order; a change for a document that is not open is logged and ignored.
     * Returns the updated document, or empty when nothing changed.
     */
    public synchronized Optional<OpenDocument> change(String uri, int version, List<TextDocumentContentChangeEvent> changes) {
        Path p = toPath(uri).orElse(null);
        OpenDocument doc = p == null ? null : open.get(p);
        if (doc == null) {
            ServerLog.warn("change for a document that is not open: " + uri);
            return Optional.empty();
        }
        if (version <= doc.version()) {
            ServerLog.warn("change for " + uri + " has version " + version + ", not newer than " + doc.version() + "; applied anyway");
        }
        String text = doc.text();
        for (TextDocumentContentChangeEvent c : changes) text = apply(uri, text, c);
        OpenDocument updated = new OpenDocument(doc.uri(), p, doc.languageId(), version, text);
        open.put(p, updated);
        return Optional.of(updated);
    }

    static String apply(String uri, String text, TextDocumentContentChangeEvent change) {
        String newText = normalize(change.getText() == null ? "" : change.getText());
        Range r = change.getRange();
        if (r == null) return newText;
        LineMap lines = new LineMap(text);
        int start = offset(uri, text, lines, r.getStart());
        int end = offset(uri, text, lines, r.getEnd());
        if (end < start) {
            ServerLog.warn("change range ends before it starts in " + uri + "; swapped");
            int t = start;
            start = end;
            end = t;
        }
        return text.substring(0, start) + newText + text.substring(end);
    }

    /** The offset of a position; positions past the end of a line or the text are clamped and logged. */
    static int offset(String uri, String text, LineMap lines, Position pos) {
        int line = pos.getLine();
        int col = pos.getCharacter();
        if (line < 0 || col < 0) {
            ServerLog.warn("negative position " + line + ":" + col + " in " + uri + "; clamped");
        } else if (line >= lines.lineCount()) {
            ServerLog.warn("position " + line + ":" + col + " is past the end of " + uri + "; clamped");
            return text.length();
        }
        return lines.offset(line, col);
    }

    /** CRLF and CR line ends become LF so that offsets, lines and the parser agree. */
    static String normalize(String text) {
        if (text.indexOf('\r') < 0) return text;
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    public Optional<OpenDocument> get(Path path) {
        return Optional.ofNullable(open.get(path.toAbsolutePath().normalize()));
    }

    public Optional<OpenDocument> get(String uri) {
        return toPath(uri).flatMap(this::get);
    }

    public List<OpenDocument> openDocuments() {
        return List.copyOf(open.values());
    }

    /** The text of a path: the open document if any, else the disk file (regular, size-limited), else empty. */
    public Optional<String> read(Path path) {
        Optional<OpenDocument> doc = get(path);
        if (doc.isPresent()) return Optional.of(doc.get().text());
        return readDisk(path);
    }

    static Optional<String> readDisk(Path path) {
        try {
            if (!Files.isRegularFile(path) || Files.size(path) > MAX_FILE_BYTES) return Optional.empty();
            return Optional.of(normalize(Files.readString(path, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            try {
                byte[] bytes = Files.readAllBytes(path);
                return Optional.of(normalize(new String(bytes, StandardCharsets.ISO_8859_1)));
            } catch (IOException | RuntimeException e2) {
                return Optional.empty();
            }
        }
    }
}
