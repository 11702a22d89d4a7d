package dev.envreach.lsp;

import dev.envreach.rules.FileEdit;
import dev.envreach.rules.Finding;
import dev.envreach.rules.Fix;
import dev.envreach.rules.TextEdit;
import dev.envreach.syntax.LineMap;
import dev.envreach.syntax.Span;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.ArrayList;
import java.util.List;

/** Quick fixes for the findings at a range, plus "silence this rule on this line". */
final class CodeActions {
    private CodeActions() {}

    static List<Either<Command, CodeAction>> at(Snapshot snap, CodeActionParams params, ClientSupport support) {
        String uri = Params.uri(params.getTextDocument(), "textDocument/codeAction");
        AnalyzedFile file = uri == null ? null : snap.byUri(uri).orElse(null);
        if (file == null) return List.of();
        LineMap lines = file.parse().lines();
        // the context's diagnostics are not read: the findings at the range are recomputed, so a client's
        // partial copy of a diagnostic (no range, no code) cannot break anything
        Range r = Params.range(params.getRange());
        Span range = r == null ? Span.of(0, file.parse().text().length()) : Positions.span(lines, r);
        List<String> only = params.getContext() == null || params.getContext().getOnly() == null ? List.of()
                : params.getContext().getOnly().stream().filter(java.util.Objects::nonNull).toList();
        if (!only.isEmpty() && only.stream().noneMatch(k -> CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix))) {
            return List.of();
        }
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        for (Finding f : snap.findingsIn(file.homePath())) {
            if (!overlaps(lines, f.span(), range)) continue;
            var diagnostic = Diagnostics.toDiagnostic(snap, file, f);
            boolean first = true;
            for (Fix fix : f.fixes()) {
                CodeAction a = new CodeAction(fix.title());
                a.setKind(CodeActionKind.QuickFix);
                a.setDiagnostics(List.of(diagnostic));
                a.setEdit(Edits.of(snap, fix.edits(), support));
                if (first) a.setIsPreferred(true);
                first = false;
                out.add(Either.forRight(a));
            }
            CodeAction silence = new CodeAction("Disable " + f.ruleId() + " for this line");
            silence.setKind(CodeActionKind.QuickFix);
            silence.setDiagnostics(List.of(diagnostic));
            int line = lines.line(f.span().start());
            int lineStart = lines.lineStart(line);
            String indent = indentation(file.parse().text(), lineStart);
            silence.setEdit(Edits.of(snap, List.of(new FileEdit(file.homePath(), false,
                    List.of(TextEdit.insert(lineStart, indent + "# envreach: disable=" + f.ruleId() + "\n")))), support));
            out.add(Either.forRight(silence));
        }
        return out;
    }

    /** Same-line or overlapping: clients send the cursor as an empty range. */
    private static boolean overlaps(LineMap lines, Span finding, Span range) {
        if (finding.start() <= range.end() && range.start() <= finding.end()) return true;
        return lines.line(finding.start()) <= lines.line(range.end()) && lines.line(range.start()) <= lines.line(finding.end())
                && range.length() == 0;
    }

    private static String indentation(String text, int lineStart) {
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
        return text.substring(lineStart, i);
    }
}
