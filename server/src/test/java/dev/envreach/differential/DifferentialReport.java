package dev.envreach.differential;

import java.util.List;

/** Text of the differential suite's summary, console listing and Markdown report. */
final class DifferentialReport {
    private DifferentialReport() {}

    static String summary(List<DifferentialSuiteTest.CaseResult> results) {
        long fixtures = results.stream().map(r -> r.fixture().name()).distinct().count();
        int agreements = 0;
        int unknowns = 0;
        int otherUnknowns = 0;
        int disagreements = 0;
        int gapDisagreements = 0;
        int failedRuns = 0;
        int gapCases = 0;
        for (var r : results) {
            if (r.outcome() != null) {
                if (r.knownGap()) {
                    gapDisagreements += r.outcome().disagreements().size();
                } else {
                    for (var u : r.outcome().unknowns()) {
                        if (u.ofInterest()) {
                            unknowns++;
                        } else {
                            otherUnknowns++;
                        }
                    }
                    agreements += r.outcome().agreements();
                    disagreements += r.outcome().disagreements().size();
                }
            } else if (!r.knownGap()) {
                failedRuns++;
            }
            if (r.knownGap() && !r.agrees()) {
                gapCases++;
            }
        }
        return String.format("differential: %d fixtures, %d fixture x context cases; %d variables agree, %d unknown "
                        + "where the fixture allows it (+%d on variables the fixture does not set, e.g. PWD), "
                        + "%d disagreements, %d cases that could not be compared; "
                        + "%d known-gap cases NOT YET AGREEING (%d disagreements there)",
                fixtures, results.size(), agreements, unknowns, otherUnknowns, disagreements, failedRuns, gapCases,
                gapDisagreements);
    }

    static String console(List<DifferentialSuiteTest.CaseResult> results) {
        StringBuilder b = new StringBuilder();
        for (var r : results) {
            String status = r.agrees() ? (r.knownGap() ? "AGREES NOW (remove from known-gaps)" : "ok")
                    : (r.knownGap() ? "NOT YET AGREEING" : "DISAGREES");
            b.append(String.format("%-38s %-52s %s", status, r.id(),
                    r.outcome() == null ? "" : r.outcome().agreements() + " agree, "
                            + r.outcome().unknowns().size() + " unknown")).append('\n');
            if (!r.agrees()) {
                b.append(details(r, "    "));
            }
        }
        return b.toString();
    }

    static String failures(List<DifferentialSuiteTest.CaseResult> failing) {
        StringBuilder b = new StringBuilder();
        for (var r : failing) {
            b.append(r.id()).append('\n').append(details(r, "    "));
        }
        return b.toString();
    }

    private static String details(DifferentialSuiteTest.CaseResult r, String indent) {
        StringBuilder b = new StringBuilder();
        if (r.failure() != null) {
            b.append(indent).append(r.failure()).append('\n');
        } else {
            for (var d : r.outcome().disagreements()) {
                b.append(indent).append(d).append('\n');
            }
        }
        return b.toString();
    }

    static String markdown(List<DifferentialSuiteTest.CaseResult> results, List<String> missingShells) {
        StringBuilder b = new StringBuilder("# Differential suite: real shells vs `envreach env`\n\n");
        b.append(summary(results)).append("\n\n");
        if (!missingShells.isEmpty()) {
            b.append("Shells not installed (their contexts skipped): ").append(missingShells).append("\n\n");
        }
        b.append("## Disagreements\n\n");
        boolean any = false;
        for (var r : results) {
            if (r.agrees()) {
                continue;
            }
            any = true;
            b.append("### ").append(r.id()).append(r.knownGap() ? " (known gap: NOT YET AGREEING)" : "").append("\n\n");
            b.append("fixture: ").append(r.fixture().about()).append("\n\n");
            if (r.failure() != null) {
                b.append("- ").append(r.failure()).append('\n');
            } else {
                for (var d : r.outcome().disagreements()) {
                    b.append("- `").append(d.variable()).append("`: real ").append(d.real()).append(", envreach ")
                            .append(d.predicted()).append(" — ").append(d.problem()).append('\n');
                }
            }
            b.append("\nreal values of the variables of interest:\n");
            r.realInterest().forEach((k, v) -> b.append("    ").append(k).append(" = ")
                    .append(v.equals(Comparison.NOT_EXPORTED) ? v : Comparison.quote(v)).append('\n'));
            if (r.stderr() != null && !r.stderr().isBlank()) {
                b.append("\nreal shell stderr:\n```\n").append(r.stderr().strip()).append("\n```\n");
            }
            b.append('\n');
        }
        if (!any) {
            b.append("None.\n\n");
        }
        b.append("## Unknowns (allowed)\n\n");
        for (var r : results) {
            if (r.outcome() != null && !r.outcome().unknowns().isEmpty()) {
                b.append("- ").append(r.id()).append(": ");
                b.append(String.join("; ", r.outcome().unknowns().stream()
                        .map(u -> u.variable() + " (real " + u.real() + ", envreach " + u.predicted() + ")").toList()));
                b.append('\n');
            }
        }
        return b.toString();
    }
}
