package dev.envreach.lsp;

import dev.envreach.rules.SyntaxIndex;
import dev.envreach.syntax.LineMap;
import dev.envreach.syntax.Span;
import dev.envreach.syntax.TreeWalk;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Definition, references, highlights, symbols, links and rename over the files of the startup graph. */
final class Navigation {
    private Navigation() {}

    /** The file and offset a request points at, or null when the document is not part of the snapshot. */
    record At(AnalyzedFile file, SyntaxIndex index, int offset) {}

    static At at(Snapshot snap, String uri, Position pos) {
        if (uri == null) return null;
        AnalyzedFile f = snap.byUri(uri).orElse(null);
        if (f == null) {
            ServerLog.warn("request for a document the analysis does not know: " + uri);
            return null;
        }
        if (pos == null) {
            ServerLog.warn("request without a position in " + uri + "; answered with nothing");
            return null;
        }
        LineMap lines = f.parse().lines();
        if (pos.getLine() >= lines.lineCount()) ServerLog.warn("position " + pos.getLine() + ":" + pos.getCharacter() + " is past the end of " + uri);
        return new At(f, snap.index(f), Positions.offset(lines, pos));
    }

    static Location location(AnalyzedFile f, Span span) {
        return new Location(f.uri(), Positions.range(f.parse().lines(), span));
    }

    static List<Location> definition(Snapshot snap, At at) {
        if (at == null) return List.of();
        String name = at.index().nameAt(at.offset());
        if (name == null) {
            for (SyntaxIndex.Definition d : at.index().definitions) {
                if (d.nameSpan().contains(at.offset())) name = d.name();
            }
        }
        List<Location> out = new ArrayList<>();
        if (name == null) {
            SyntaxIndex.SourceRef ref = at.index().sourceAt(at.offset());
            Path target = ref == null ? null : sourceTarget(snap, at.file(), ref);
            if (target != null && Files.exists(target)) {
                out.add(new Location(target.toUri().toString(), new org.eclipse.lsp4j.Range(new Position(0, 0), new Position(0, 0))));
            }
            return out;
        }
        for (AnalyzedFile f : snap.files()) {
            for (SyntaxIndex.Definition d : snap.index(f).definitions) if (d.name().equals(name)) out.add(location(f, d.nameSpan()));
        }
        return out;
    }

    static List<Location> references(Snapshot snap, At at, boolean includeDeclaration) {
        if (at == null) return List.of();
        String name = at.index().nameAt(at.offset());
        if (name == null) return List.of();
        List<Location> out = new ArrayList<>();
        for (AnalyzedFile f : snap.files()) {
            SyntaxIndex ix = snap.index(f);
            if (includeDeclaration) {
                for (SyntaxIndex.Definition d : ix.definitions) {
                    if (d.name().equals(name) && variableKind(d)) out.add(location(f, d.nameSpan()));
                }
            }
            for (SyntaxIndex.Use u : ix.uses) if (u.name().equals(name)) out.add(location(f, u.nameSpan()));
        }
        return out;
    }

    static List<DocumentHighlight> highlights(At at) {
        if (at == null) return List.of();
        String name = at.index().nameAt(at.offset());
        if (name == null) return List.of();
        LineMap lines = at.file().parse().lines();
        List<DocumentHighlight> out = new ArrayList<>();
        for (SyntaxIndex.Definition d : at.index().definitions) {
            if (d.name().equals(name) && variableKind(d)) out.add(new DocumentHighlight(Positions.range(lines, d.nameSpan()), DocumentHighlightKind.Write));
        }
        for (SyntaxIndex.Use u : at.index().uses) {
            if (u.name().equals(name)) out.add(new DocumentHighlight(Positions.range(lines, u.nameSpan()), DocumentHighlightKind.Read));
        }
        return out;
    }

    private static boolean variableKind(SyntaxIndex.Definition d) {
        return d.kind() == SyntaxIndex.Kind.EXPORT || d.kind() == SyntaxIndex.Kind.ASSIGNMENT;
    }

    static List<DocumentSymbol> symbols(Snapshot snap, AnalyzedFile f) {
        LineMap lines = f.parse().lines();
        List<DocumentSymbol> out = new ArrayList<>();
        for (SyntaxIndex.Definition d : snap.index(f).definitions) {
            SymbolKind kind = switch (d.kind()) {
                case EXPORT -> SymbolKind.Variable;
                case ASSIGNMENT -> SymbolKind.Variable;
                case FUNCTION -> SymbolKind.Function;
                case ALIAS -> SymbolKind.Constant;
            };
            String detail = switch (d.kind()) {
                case EXPORT -> "export";
                case ASSIGNMENT -> "variable";
                case FUNCTION -> "function";
                case ALIAS -> "alias";
            };
            Span full = d.statement().start() <= d.nameSpan().start() && d.statement().end() >= d.nameSpan().end() ? d.statement() : d.nameSpan();
            out.add(new DocumentSymbol(d.name(), kind, Positions.range(lines, full), Positions.range(lines, d.nameSpan()), detail));
        }
        return out;
    }

    /** Where a source command's path points, or null when the path is not static. */
    static Path sourceTarget(Snapshot snap, AnalyzedFile f, SyntaxIndex.SourceRef ref) {
        Path homePath = SyntaxIndex.staticPath(ref.path(), snap.view().home(), snap.view().home());
        return homePath == null ? null : snap.view().toReal(homePath);
    }

    static List<DocumentLink> links(Snapshot snap, AnalyzedFile f) {
        List<DocumentLink> out = new ArrayList<>();
        for (SyntaxIndex.SourceRef ref : snap.index(f).sources) {
            Path target = sourceTarget(snap, f, ref);
            if (target == null) continue;
            DocumentLink link = new DocumentLink(Positions.range(f.parse().lines(), ref.path().span()), target.toUri().toString());
            link.setTooltip(Files.exists(target) ? target.toString() : target + " (does not exist)");
            out.add(link);
        }
        return out;
    }

    static PrepareRenameResult prepareRename(At at) {
        if (at == null) return null;
        Span s = at.index().nameSpanAt(at.offset());
        if (s == null) return null;
        String name = at.file().parse().text().substring(s.start(), s.end());
        return new PrepareRenameResult(Positions.range(at.file().parse().lines(), s), name);
    }

    static WorkspaceEdit rename(Snapshot snap, At at, String newName, ClientSupport support) {
        if (newName == null || !TreeWalk.isName(newName)) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                    "'" + newName + "' is not a valid shell variable name", null));
        }
        if (at == null) return null;
        String name = at.index().nameAt(at.offset());
        if (name == null) return null;
        Map<AnalyzedFile, List<TextEdit>> byFile = new LinkedHashMap<>();
        for (AnalyzedFile f : snap.files()) {
            SyntaxIndex ix = snap.index(f);
            LineMap lines = f.parse().lines();
            List<TextEdit> edits = new ArrayList<>();
            for (SyntaxIndex.Definition d : ix.definitions) {
                if (d.name().equals(name) && variableKind(d)) edits.add(new TextEdit(Positions.range(lines, d.nameSpan()), newName));
            }
            for (SyntaxIndex.Use u : ix.uses) if (u.name().equals(name)) edits.add(new TextEdit(Positions.range(lines, u.nameSpan()), newName));
            if (!edits.isEmpty()) byFile.put(f, edits);
        }
        return Edits.ofTextEdits(byFile, support);
    }
}
