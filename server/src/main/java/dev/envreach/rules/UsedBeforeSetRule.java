package dev.envreach.rules;

import dev.envreach.analysis.ContextResult;
import dev.envreach.model.Reach;
import dev.envreach.syntax.Node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ER106: a variable used in an assignment before it is set, in every context that reads the line
 * ({@code PATH=$PATH:$GOPATH/bin} above {@code GOPATH=...}): it expands to nothing there.
 * Fix: move the line below the assignment.
 */
public final class UsedBeforeSetRule implements Rule {
    public static final String ID = "ER106";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Variable used before it is set";
    }

    @Override
    public List<Finding> check(RuleInput input) {
        List<Finding> out = new ArrayList<>();
        ReachData rd = input.reach().orElse(null);
        if (rd == null) return out;
        Map<Path, SyntaxIndex> indexes = SyntaxIndex.ofAll(input.files());
        Set<String> otherBinders = SyntaxIndex.otherBinders(indexes.values());
        for (ParsedFile f : input.files()) {
            SyntaxIndex ix = indexes.get(f.path());
            Set<String> reported = new HashSet<>();
            for (SyntaxIndex.Use u : ix.uses) {
                if (!u.inAssignment() || u.guarded() || Definedness.provided(u.name()) || otherBinders.contains(u.name())) continue;
                if (!reported.add(u.name() + "@" + u.statement().start())) continue;
                List<ContextResult> reading = new ArrayList<>();
                boolean ok = true;
                Definedness.Located later = null;
                for (ContextResult c : rd.contexts()) {
                    Reach r = ReachData.stmt(c, f.path(), u.statement());
                    if (r == Reach.NO) continue;
                    if (r == Reach.MAYBE || ReachData.fromOutside(c, u.name())
                            || Definedness.setBefore(c, indexes, u.name(), f.path(), u.nameSpan().start()) != Reach.NO) {
                        ok = false;
                        break;
                    }
                    reading.add(c);
                    if (later == null) later = Definedness.laterDefinition(c, indexes, u.name(), f.path(), u.nameSpan().start());
                }
                if (!ok || reading.isEmpty() || later == null) continue;
                ParsedFile defFile = input.file(later.file()).orElse(null);
                int defLine = defFile == null ? 0 : defFile.parse().lines().line(later.span().start()) + 1;
                String where = rd.display(later.file()) + ":" + defLine;
                String msg = "`" + u.name() + "` is used before it is set (it is assigned later, at " + where
                        + "), so it expands to an empty string here in every context that reads this line: "
                        + String.join(", ", Audience.ids(reading));
                List<Related> related = List.of(new Related(later.file(), later.span(), u.name() + " is set here, too late"));
                List<Fix> fixes = new ArrayList<>();
                if (later.file().equals(f.path())) {
                    Node.Statement useTop = topOf(f, u.statement().start());
                    Node.Statement defTop = topOf(f, later.span().start());
                    if (useTop != null && defTop != null && useTop != defTop) {
                        Fix move = Moves.withinFile("Move below the assignment of " + u.name() + " (line " + defLine + ")", f,
                                useTop.span(), Moves.after(f.text(), defTop.span()));
                        if (move != null) fixes.add(move);
                    }
                }
                out.add(new Finding(ID, Severity.WARNING, f.path(), u.nameSpan(), msg, Audience.ids(reading), related, fixes));
            }
        }
        return out;
    }

    private static Node.Statement topOf(ParsedFile f, int offset) {
        for (Node.Statement s : f.parse().statements()) if (s.span().start() <= offset && offset < s.span().end()) return s;
        return null;
    }
}
