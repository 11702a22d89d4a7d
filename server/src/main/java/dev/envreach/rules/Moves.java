package dev.envreach.rules;

import dev.envreach.analysis.ContextResult;
import dev.envreach.model.Reach;
import dev.envreach.syntax.LineMap;
import dev.envreach.syntax.Node;
import dev.envreach.syntax.Span;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Moving a statement: its whole lines plus the comment lines just above it, inserted where it takes
 * effect (before the point where the target file stops for the contexts that need it).
 */
public final class Moves {
    private Moves() {}

    /** The lines of a statement plus its comment lines above, with the final newline; null when the line holds other code. */
    public static Span block(String text, Span stmt) {
        LineMap lines = new LineMap(text);
        int lineStart = lines.lineStart(lines.line(stmt.start()));
        if (!text.substring(lineStart, stmt.start()).isBlank()) return null;
        int end = text.indexOf('\n', stmt.end());
        String rest = end < 0 ? text.substring(stmt.end()) : text.substring(stmt.end(), end);
        String r = rest.strip();
        if (!r.isEmpty() && !r.startsWith("#") && !r.equals(";")) return null;
        int stop = end < 0 ? text.length() : end + 1;
        return Span.of(commentBlockStart(text, lineStart), stop);
    }

    /** Start of the run of comment lines directly above the line starting at {@code lineStart}. */
    public static int commentBlockStart(String text, int lineStart) {
        int start = lineStart;
        while (start > 0) {
            int prevEnd = start - 1;
            int prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
            String prev = text.substring(prevStart, prevEnd).strip();
            if (!prev.startsWith("#") || prev.startsWith("#!")) break;
            start = prevStart;
        }
        return start;
    }

    /** The insertion offset just before a statement's line and its comments. */
    public static int before(String text, Span stmt) {
        LineMap lines = new LineMap(text);
        return commentBlockStart(text, lines.lineStart(lines.line(stmt.start())));
    }

    /** Words that say a comment is about an interactive guard ({@code # If not running interactively, ...}). */
    private static final Pattern GUARD_COMMENT = Pattern.compile("(?i)interactiv|\\bPS1\\b|\\$-|\\breturn\\b|don't do anything");

    /**
     * The insertion offset above a guard and the comment block that belongs to it: the comment lines
     * directly above, or, across blank lines, a comment block that speaks of the guard. A file's
     * header comment that is not about the guard stays above the insertion.
     */
    public static int beforeGuard(String text, Span guard) {
        LineMap lines = new LineMap(text);
        int lineStart = lines.lineStart(lines.line(guard.start()));
        int direct = commentBlockStart(text, lineStart);
        if (direct < lineStart) return direct;
        int above = lineStart;
        while (above > 0) {
            int prevStart = text.lastIndexOf('\n', above - 2) + 1;
            if (!text.substring(prevStart, above - 1).isBlank()) break;
            above = prevStart;
        }
        if (above == lineStart) return lineStart;
        int block = commentBlockStart(text, above);
        if (block < above && GUARD_COMMENT.matcher(text.substring(block, above)).find()) return block;
        return lineStart;
    }

    /** The offset just after a statement's line. */
    public static int after(String text, Span stmt) {
        int end = text.indexOf('\n', stmt.end());
        return end < 0 ? text.length() : end + 1;
    }

    /**
     * The top-level statement after which a file stops in a context (the guard: `return` when not
     * interactive), or -1 when the file runs to its end or is not read.
     */
    public static int guardIndex(ParsedFile f, ContextResult c) {
        if (c.fileReach(f.path()) != Reach.YES) return -1;
        List<Node.Statement> tops = f.parse().statements();
        int lastRun = -1;
        for (int i = 0; i < tops.size(); i++) {
            Reach r = ReachData.stmt(c, f.path(), tops.get(i).span());
            if (r == Reach.NO) {
                if (lastRun < 0) return -1;
                for (int j = i; j < tops.size(); j++) {
                    if (ReachData.stmt(c, f.path(), tops.get(j).span()) != Reach.NO) return -1;
                }
                return ReachData.stmt(c, f.path(), tops.get(lastRun).span()) == Reach.YES ? lastRun : -1;
            }
            lastRun = i;
        }
        return -1;
    }

    /** Where a moved statement takes effect in a target: before its guard for any of the contexts, else at the end. */
    public static int effectivePoint(ParsedFile target, List<ContextResult> contexts) {
        int best = -1;
        for (ContextResult c : contexts) {
            int g = guardIndex(target, c);
            if (g >= 0 && (best < 0 || g < best)) best = g;
        }
        String text = target.text();
        if (best < 0) return text.length();
        return beforeGuard(text, target.parse().statements().get(best).span());
    }

    /** The text to insert: the block, ending in a newline, after a newline when the insertion point needs one. */
    static String insertion(String targetText, int at, String block) {
        String b = block.endsWith("\n") ? block : block + "\n";
        if (at > 0 && at == targetText.length() && !targetText.endsWith("\n")) b = "\n" + b;
        return b;
    }

    /** Moves a statement within its file to {@code at}. */
    public static Fix withinFile(String title, ParsedFile f, Span stmt, int at) {
        Span block = block(f.text(), stmt);
        if (block == null || (at > block.start() && at < block.end())) return null;
        String moved = f.text().substring(block.start(), block.end());
        List<TextEdit> edits = new ArrayList<>();
        edits.add(TextEdit.insert(at, insertion(f.text(), at, moved)));
        edits.add(TextEdit.delete(block));
        return new Fix(title, List.of(new FileEdit(f.path(), false, edits)));
    }

    /** Moves a statement into another file (created when {@code target} is null), keeping the target's content. */
    public static Fix toFile(String title, ParsedFile from, Span stmt, Path targetPath, ParsedFile target, List<ContextResult> contexts) {
        Span block = block(from.text(), stmt);
        if (block == null) return null;
        String moved = from.text().substring(block.start(), block.end());
        List<FileEdit> edits = new ArrayList<>();
        if (target == null) {
            edits.add(new FileEdit(targetPath, true, List.of(TextEdit.insert(0, insertion("", 0, moved)))));
        } else {
            int at = effectivePoint(target, contexts);
            edits.add(new FileEdit(targetPath, false, List.of(TextEdit.insert(at, insertion(target.text(), at, moved)))));
        }
        edits.add(new FileEdit(from.path(), false, List.of(TextEdit.delete(block))));
        return new Fix(title, edits);
    }
}
