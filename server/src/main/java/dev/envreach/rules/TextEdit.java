package dev.envreach.rules;

import dev.envreach.syntax.Span;

/** Replace {@code span} (UTF-16 offsets into the file text the analysis saw) with {@code newText}. */
public record TextEdit(Span span, String newText) {
    public static TextEdit insert(int offset, String text) {
        return new TextEdit(new Span(offset, offset), text);
    }

    public static TextEdit delete(Span span) {
        return new TextEdit(span, "");
    }
}
