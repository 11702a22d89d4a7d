package dev.envreach.rules;

import dev.envreach.analysis.ContextResult;

import java.util.List;
import java.util.function.Predicate;

/**
 * The exports of a file that matter somewhere: each variable a statement exports, with the contexts
 * whose environment the statement reaches. Rules about where an export is placed share this walk.
 */
final class ExportSites {
    private ExportSites() {}

    /** One exported variable set by one statement, and the contexts it reaches. */
    record Site(ParsedFile file, Statements.Ref ref, EnvSets.Set set, List<ContextResult> reaching) {}

    /**
     * Offers each site of {@code f} to {@code report}, statement by statement; once {@code report} returns
     * true for a statement (it made a finding there), the statement's other variables are not offered.
     */
    static void forEach(ReachData rd, ParsedFile f, Predicate<Site> report) {
        for (Statements.Ref ref : Statements.all(f.parse().statements())) {
            List<EnvSets.Set> sets = EnvSets.of(ref.stmt());
            if (sets.isEmpty()) continue;
            List<ContextResult> reaching = Audience.reaching(rd, f, ref);
            if (reaching.isEmpty()) continue;
            for (EnvSets.Set set : sets) {
                if (!Audience.matters(set, reaching)) continue;
                if (report.test(new Site(f, ref, set, reaching))) break;
            }
        }
    }
}
