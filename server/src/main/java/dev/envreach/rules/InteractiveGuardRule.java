package dev.envreach.rules;

import dev.envreach.analysis.ContextResult;
import dev.envreach.model.Reach;
import dev.envreach.syntax.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * ER101: an export placed after an interactive guard in a file that non-interactive shells do read.
 * On Debian/Ubuntu {@code ssh host cmd} and the GNOME Wayland session's login shell read
 * {@code ~/.bashrc} and stop at the guard, so they miss what follows. Fix: move the line above the guard.
 */
public final class InteractiveGuardRule implements Rule {
    public static final String ID = "ER101";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Export after the interactive guard";
    }

    @Override
    public List<Finding> check(RuleInput input) {
        List<Finding> out = new ArrayList<>();
        ReachData rd = input.reach().orElse(null);
        if (rd == null) return out;
        for (ParsedFile f : input.files()) {
            List<Node.Statement> tops = f.parse().statements();
            ExportSites.forEach(rd, f, site -> {
                EnvSets.Set set = site.set();
                Statements.Ref ref = site.ref();
                Audience who = new Audience();
                int guard = -1;
                for (ContextResult c : rd.contexts()) {
                    int g = Moves.guardIndex(f, c);
                    if (g < 0 || g >= ref.topIndex()) continue;
                    who.add(c, Audience.missing(c, set.name()));
                    if (guard < 0 || g < guard) guard = g;
                }
                if (who.isEmpty() || guard < 0) return false;
                Node.Statement g = tops.get(guard);
                int guardLine = f.parse().lines().line(g.span().start()) + 1;
                String msg = "`" + set.name() + "` is set after the guard on line " + guardLine + ": " + who.list()
                        + " read " + rd.display(f.path()) + " but stop at the guard, so they " + who.verb() + " " + set.name();
                Related rel = new Related(f.path(), g.span(), "non-interactive shells stop here (" + who.list() + ")");
                List<Fix> fixes = new ArrayList<>();
                Fix move = Moves.withinFile("Move above the interactive guard (line " + guardLine + ")", f, ref.top().span(),
                        Moves.beforeGuard(f.text(), g.span()));
                if (move != null) fixes.add(move);
                out.add(new Finding(ID, who.severity(Severity.WARNING), f.path(), set.nameSpan(), msg, who.ids(), List.of(rel), fixes));
                return true;
            });
        }
        return out;
    }
}
