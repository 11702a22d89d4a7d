package dev.envreach.lsp;

import dev.envreach.syntax.LineMap;
import dev.envreach.syntax.Span;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Conversions between envreach spans (UTF-16 offsets) and LSP ranges (0-based line, UTF-16 column). */
public final class Positions {
    private Positions() {}

    public static Position position(LineMap lines, int offset) {
        return new Position(lines.line(offset), lines.column(offset));
    }

    public static Range range(LineMap lines, Span span) {
        return new Range(position(lines, span.start()), position(lines, span.end()));
    }

    public static int offset(LineMap lines, Position p) {
        return lines.offset(Math.max(0, p.getLine()), Math.max(0, p.getCharacter()));
    }

    public static Span span(LineMap lines, Range r) {
        return Span.of(offset(lines, r.getStart()), offset(lines, r.getEnd()));
    }
}
