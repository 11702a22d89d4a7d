package dev.envreach.lsp;

import dev.envreach.rules.Finding;
import dev.envreach.rules.Related;
import dev.envreach.rules.RuleDocs;
import dev.envreach.syntax.LineMap;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.ArrayList;
import java.util.List;

/** Converts rule findings into LSP diagnostics. */
final class Diagnostics {
    static final String SOURCE = "envreach";

    private Diagnostics() {}

    static List<Diagnostic> forFile(Snapshot snap, AnalyzedFile file) {
        List<Diagnostic> out = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(snap.findingsIn(file.homePath()));
        findings.sort(java.util.Comparator.comparingInt((Finding f) -> f.span().start()).thenComparing(Finding::ruleId));
        for (Finding f : findings) out.add(toDiagnostic(snap, file, f));
        return out;
    }

    static Diagnostic toDiagnostic(Snapshot snap, AnalyzedFile file, Finding f) {
        LineMap lines = file.parse().lines();
        Diagnostic d = new Diagnostic(Positions.range(lines, f.span()), f.message(), severity(f), SOURCE);
        d.setCode(Either.forLeft(f.ruleId()));
        d.setCodeDescription(new DiagnosticCodeDescription(RuleDocs.url(f.ruleId())));
        List<DiagnosticRelatedInformation> related = new ArrayList<>();
        for (Related r : f.related()) {
            AnalyzedFile target = snap.byHome(r.file()).orElse(null);
            String uri;
            Range range;
            if (target != null) {
                uri = target.uri();
                range = Positions.range(target.parse().lines(), r.span());
            } else {
                uri = snap.view().toReal(r.file()).toUri().toString();
                range = new Range(new org.eclipse.lsp4j.Position(0, 0), new org.eclipse.lsp4j.Position(0, 0));
            }
            related.add(new DiagnosticRelatedInformation(new Location(uri, range), r.message()));
        }
        if (!related.isEmpty()) d.setRelatedInformation(related);
        return d;
    }

    static DiagnosticSeverity severity(Finding f) {
        return switch (f.severity()) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFORMATION -> DiagnosticSeverity.Information;
            case HINT -> DiagnosticSeverity.Hint;
        };
    }
}
