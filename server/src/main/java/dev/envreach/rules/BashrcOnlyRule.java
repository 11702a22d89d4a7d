package dev.envreach.rules;

import dev.envreach.analysis.ContextResult;
import dev.envreach.analysis.FileVisit;
import dev.envreach.model.Reach;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * ER104: an export only in {@code ~/.bashrc}, which bash login shells never read when no profile
 * sources it: ssh logins, the graphical session, IDEs resolving the environment miss it.
 * Fix: move it to the profile those login shells read.
 */
public final class BashrcOnlyRule implements Rule {
    public static final String ID = "ER104";
    private static final List<String> PROFILES = List.of(".bash_profile", ".bash_login", ".profile");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Export only in ~/.bashrc, which login shells do not read";
    }

    @Override
    public List<Finding> check(RuleInput input) {
        List<Finding> out = new ArrayList<>();
        ReachData rd = input.reach().orElse(null);
        if (rd == null) return out;
        for (ParsedFile f : input.files()) {
            if (!f.path().equals(rd.home().resolve(".bashrc"))) continue;
            ExportSites.forEach(rd, f, site -> {
                EnvSets.Set set = site.set();
                Audience who = new Audience();
                for (ContextResult c : rd.contexts()) {
                    if (!ReachData.hasStep(c, "bash-login") || c.fileReach(f.path()) != Reach.NO) continue;
                    who.add(c, Audience.missing(c, set.name()));
                }
                if (who.isEmpty()) return false;
                Path profile = profileRead(rd, who.named());
                Path targetPath = profile != null ? profile : rd.home().resolve(".profile");
                String target = rd.display(targetPath);
                String msg = "`" + set.name() + "` is set only in ~/.bashrc, which bash login shells do not read here (no profile sources it): "
                        + who.list() + " " + who.verb() + " it; move it to " + target;
                List<Related> related = new ArrayList<>();
                if (profile != null) related.add(new Related(profile, dev.envreach.syntax.Span.of(0, 0), "bash login shells read this file instead"));
                List<Fix> fixes = new ArrayList<>();
                Fix move = Moves.toFile("Move to " + target, f, site.ref().top().span(), targetPath,
                        input.file(targetPath).orElse(null), who.named());
                if (move != null) fixes.add(move);
                out.add(new Finding(ID, who.severity(Severity.WARNING), f.path(), set.nameSpan(), msg, who.ids(), related, fixes));
                return true;
            });
        }
        return out;
    }

    /** The user profile (~/.bash_profile, ~/.bash_login or ~/.profile) those login shells read. */
    private static Path profileRead(ReachData rd, List<ContextResult> cs) {
        for (ContextResult c : cs) {
            for (FileVisit v : c.files()) {
                if (v.status() != FileVisit.Status.READ || v.path() == null) continue;
                Path p = v.path().toAbsolutePath().normalize();
                if (p.getParent() != null && p.getParent().equals(rd.home()) && PROFILES.contains(p.getFileName().toString())) return p;
            }
        }
        return null;
    }
}
