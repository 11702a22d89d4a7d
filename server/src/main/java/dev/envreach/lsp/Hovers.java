package dev.envreach.lsp;

import dev.envreach.analysis.ContextResult;
import dev.envreach.analysis.ValueAfter;
import dev.envreach.model.Reach;
import dev.envreach.rules.SyntaxIndex;
import dev.envreach.syntax.Span;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

import java.nio.file.Files;
import java.nio.file.Path;

/** Hover: the reach matrix on a variable, the resolved file on a source path. */
final class Hovers {
    private Hovers() {}

    static Hover at(Snapshot snap, Navigation.At at, ClientSupport support) {
        if (at == null) return null;
        SyntaxIndex.SourceRef ref = at.index().sourceAt(at.offset());
        if (ref != null) return hover(sourceText(snap, at, ref), at, ref.path().span(), support);
        String name = at.index().nameAt(at.offset());
        if (name == null) return null;
        String text = Matrix.markdown(snap, name, at.file()) + afterLine(snap, at, name);
        return hover(text, at, at.index().nameSpanAt(at.offset()), support);
    }

    /** On an assignment or export: the value right after that statement in the user's main interactive context. */
    static String afterLine(Snapshot snap, Navigation.At at, String name) {
        if (snap.reach() == null) return "";
        for (SyntaxIndex.Definition d : at.index().definitions) {
            if (!d.name().equals(name) || !d.nameSpan().contains(at.offset()) || d.statement() == null) continue;
            if (d.kind() != SyntaxIndex.Kind.EXPORT && d.kind() != SyntaxIndex.Kind.ASSIGNMENT) return "";
            ContextResult c = InlayHints.mainContext(snap.reach(), at.file().homePath());
            if (c == null) return "";
            ValueAfter v = c.valuesAfter(at.file().homePath(), d.statement()).get(name);
            if (v == null) {
                var r = c.reach(at.file().homePath(), d.statement());
                return "\nIn `" + c.id() + "` " + (r.reach() == Reach.NO ? "this line does not run: " + r.reason()
                        : "this line leaves the value as it was") + ".\n";
            }
            java.util.List<String> why = v.value() == null ? java.util.List.of() : v.value().reasons();
            String value = v.set() == Reach.NO ? "unset" : "`" + v.withQuestionMarks().replace("`", "'") + "`"
                    + (why.isEmpty() ? "" : " (" + String.join("; ", why.size() > 2 ? why.subList(0, 2) : why).replace("`", "'") + ")")
                    + (v.set() == Reach.MAYBE ? " (only on some paths)" : "");
            return "\nRight after this line in `" + c.id() + "`: " + value + "\n";
        }
        return "";
    }

    private static String sourceText(Snapshot snap, Navigation.At at, SyntaxIndex.SourceRef ref) {
        Path target = Navigation.sourceTarget(snap, at.file(), ref);
        String written = at.file().parse().text().substring(ref.path().span().start(), ref.path().span().end());
        if (target == null) {
            return "**source** `" + written + "`\n\nThe path is not known statically (it depends on a variable or a glob).";
        }
        boolean exists = Files.isRegularFile(target);
        return "**source** `" + written + "`\n\n→ `" + target + "` "
                + (exists ? "(exists)" : "(**does not exist**: the command fails and nothing is read)");
    }

    private static Hover hover(String markdown, Navigation.At at, Span span, ClientSupport support) {
        MarkupContent content = support.markdownHover()
                ? new MarkupContent(MarkupKind.MARKDOWN, markdown)
                : new MarkupContent(MarkupKind.PLAINTEXT, markdown.replace("**", "").replace("`", ""));
        Hover h = new Hover(content);
        if (span != null) h.setRange(Positions.range(at.file().parse().lines(), span));
        return h;
    }
}
