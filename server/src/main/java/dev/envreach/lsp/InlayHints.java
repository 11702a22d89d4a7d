package dev.envreach.lsp;

import dev.envreach.analysis.AValue;
import dev.envreach.analysis.ContextResult;
import dev.envreach.analysis.ValueAfter;
import dev.envreach.model.Reach;
import dev.envreach.rules.ReachData;
import dev.envreach.syntax.LineMap;
import dev.envreach.syntax.Span;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * At the end of a line whose statement changes PATH (or another variable the {@code inlayHintVariables}
 * setting lists), the value right after it in the user's main interactive context: shortened in the
 * label, in full in the tooltip, {@code ?} where a piece is not known statically.
 */
final class InlayHints {
    /** Labels longer than this are shortened. */
    static final int MAX_LABEL = 48;
    /** The terminal the user works in, per platform family; the first one analysed wins. */
    static final List<String> MAIN_CONTEXTS = List.of("terminal-tab", "macos-terminal");

    private InlayHints() {}

    static List<InlayHint> of(Snapshot snap, AnalyzedFile f, Range range) {
        Settings settings = snap.settings();
        if (settings == null || !settings.inlayHints || snap.reach() == null) return List.of();
        Set<String> names = new LinkedHashSet<>(settings.inlayHintVariables);
        if (names.isEmpty()) return List.of();
        ContextResult c = mainContext(snap.reach(), f.homePath());
        if (c == null) return List.of();
        LineMap lines = f.parse().lines();
        int from = range == null ? 0 : Positions.offset(lines, range.getStart());
        int to = range == null ? Integer.MAX_VALUE : Positions.offset(lines, range.getEnd());

        // per line (where the statement ends) and variable: the outermost statement that changed it
        Map<Integer, Map<String, Span>> byLine = new TreeMap<>();
        Map<Span, Map<String, ValueAfter>> values = c.valuesAfterIn(f.homePath());
        for (Map.Entry<Span, Map<String, ValueAfter>> e : values.entrySet()) {
            Span span = e.getKey();
            if (span.end() > f.parse().text().length()) continue;
            int line = lines.line(Math.max(span.start(), span.end() - 1));
            for (Map.Entry<String, ValueAfter> v : e.getValue().entrySet()) {
                String n = v.getKey();
                if (!names.contains(n) || !v.getValue().informative()) continue;
                Map<String, Span> at = byLine.computeIfAbsent(line, k -> new TreeMap<>());
                Span old = at.get(n);
                if (old == null || span.end() - span.start() > old.end() - old.start()) at.put(n, span);
            }
        }
        List<InlayHint> out = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Span>> e : byLine.entrySet()) {
            int line = e.getKey();
            int end = lineEnd(f.parse().text(), lines, line);
            if (end < from || lines.lineStart(line) > to) continue;
            List<String> labels = new ArrayList<>();
            StringBuilder tip = new StringBuilder();
            for (Map.Entry<String, Span> v : e.getValue().entrySet()) {
                ValueAfter va = values.get(v.getValue()).get(v.getKey());
                labels.add(label(va, snap.view().home()));
                if (tip.length() > 0) tip.append("\n\n---\n\n");
                tip.append(tooltip(va, c, line + 1));
            }
            InlayHint h = new InlayHint(Positions.position(lines, end), Either.forLeft(String.join("  ", labels)));
            h.setPaddingLeft(true);
            h.setTooltip(Either.forRight(new MarkupContent(MarkupKind.MARKDOWN, tip.toString())));
            out.add(h);
        }
        return out;
    }

    /** The terminal context when it reads the file, else the first context (the user's shell first) that does. */
    static ContextResult mainContext(ReachData rd, Path file) {
        List<ContextResult> order = new ArrayList<>();
        for (String id : MAIN_CONTEXTS) rd.context(id).ifPresent(order::add);
        for (ContextResult c : Matrix.ordered(rd)) if (!order.contains(c)) order.add(c);
        for (ContextResult c : order) {
            if (c.fileReach(file) != Reach.NO) return c;
        }
        return null;
    }

    /** The offset of the end of a 0-based line (before its line break). */
    private static int lineEnd(String text, LineMap lines, int line) {
        int end = line + 1 < lines.lineCount() ? lines.lineStart(line + 1) - 1 : text.length();
        if (end > 0 && end <= text.length() && text.charAt(end - 1) == '\r') end--;
        return end;
    }

    /** {@code PATH=~/bin:/usr/local/bin:…(+4)}; the home shown as {@code ~}. */
    static String label(ValueAfter v, Path home) {
        if (v.set() == Reach.NO || v.value() == null) return v.name() + " unset";
        String value = tilde(v.withQuestionMarks(), home);
        String prefix = v.set() == Reach.MAYBE ? v.name() + "?=" : v.name() + "=";
        return prefix + shorten(value, MAX_LABEL);
    }

    /** Keeps whole leading elements of a {@code :} list while they fit, then {@code …(+N)}; else cuts the text. */
    static String shorten(String value, int max) {
        if (value.length() <= max) return value;
        String[] parts = value.split(":", -1);
        if (parts.length > 1) {
            int room = max - 8; // ":…(+NN)"
            StringBuilder sb = new StringBuilder(parts[0]);
            int used = 1;
            while (used < parts.length && sb.length() + 1 + parts[used].length() <= room) sb.append(':').append(parts[used++]);
            if (sb.length() > room) sb.setLength(room - 1);
            if (sb.length() < parts[0].length()) sb.append('…'); // the first element alone was too long
            return sb + ":…(+" + (parts.length - used) + ")";
        }
        return value.substring(0, max - 1) + "…";
    }

    private static String tilde(String value, Path home) {
        String h = home.toString();
        if (h.length() <= 1) return value;
        StringBuilder out = new StringBuilder();
        String[] parts = value.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) out.append(':');
            String p = parts[i];
            if (p.equals(h)) p = "~";
            else if (p.startsWith(h + "/")) p = "~" + p.substring(h.length());
            out.append(p);
        }
        return out.toString();
    }

    static String tooltip(ValueAfter v, ContextResult c, int line) {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(v.name()).append("** after line ").append(line).append(" in `").append(c.id()).append("` (")
                .append(String.join(" → ", c.chain())).append(")");
        if (v.set() == Reach.NO || v.value() == null) return sb.append(": unset").toString();
        if (v.set() == Reach.MAYBE) sb.append(", set only on some paths");
        sb.append(":\n\n");
        String full = v.withQuestionMarks();
        String[] parts = full.split(":", -1);
        sb.append("```\n");
        if (parts.length > 1 && v.name().endsWith("PATH")) {
            for (String p : parts) sb.append(p.isEmpty() ? "(empty: the current directory)" : p).append('\n');
        } else {
            sb.append(full).append('\n');
        }
        sb.append("```\n");
        List<String> unknown = new ArrayList<>();
        for (AValue.Seg s : v.value().segs()) {
            String what = s instanceof AValue.Unk u ? (u.why() != null ? u.why() : u.label()) : null;
            if (what != null && !unknown.contains(what)) unknown.add(what);
        }
        if (!unknown.isEmpty()) {
            sb.append("\n`?` is not known statically: ");
            List<String> shown = new ArrayList<>();
            for (String u : unknown) shown.add("`" + u.replace("`", "'") + "`");
            sb.append(String.join(", ", shown)).append('\n');
        }
        return sb.toString();
    }
}
