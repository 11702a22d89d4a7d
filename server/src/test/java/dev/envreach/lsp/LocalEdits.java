package dev.envreach.lsp;

import dev.envreach.syntax.LineMap;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies LSP edits to a string the way a client does (test side, independent of the server's store). */
final class LocalEdits {
    private LocalEdits() {}

    static String apply(String text, Range range, String newText) {
        LineMap lines = new LineMap(text);
        int start = lines.offset(range.getStart().getLine(), range.getStart().getCharacter());
        int end = lines.offset(range.getEnd().getLine(), range.getEnd().getCharacter());
        return text.substring(0, start) + newText + text.substring(end);
    }

    /** Applies edits that do not overlap, from the last to the first. */
    static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt((TextEdit e) -> e.getRange().getStart().getLine())
                .thenComparingInt(e -> e.getRange().getStart().getCharacter()).reversed());
        String out = text;
        for (TextEdit e : sorted) out = apply(out, e.getRange(), e.getNewText());
        return out;
    }
}
