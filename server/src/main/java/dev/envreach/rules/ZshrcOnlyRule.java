package dev.envreach.rules;

import dev.envreach.analysis.ContextResult;
import dev.envreach.model.Reach;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * ER102: an export only in {@code .zshrc}: {@code zsh -c}, zsh scripts and the login session never read
 * it, so they miss the variable. Fix: move it to {@code ~/.zshenv} (on macOS {@code ~/.zprofile},
 * because path_helper reorders PATH after {@code ~/.zshenv}).
 */
public final class ZshrcOnlyRule implements Rule {
    public static final String ID = "ER102";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Export only in .zshrc";
    }

    @Override
    public List<Finding> check(RuleInput input) {
        List<Finding> out = new ArrayList<>();
        ReachData rd = input.reach().orElse(null);
        if (rd == null) return out;
        for (ParsedFile f : input.files()) {
            if (f.path().getFileName() == null || !f.path().getFileName().toString().equals(".zshrc")) continue;
            ExportSites.forEach(rd, f, site -> {
                EnvSets.Set set = site.set();
                Audience who = new Audience();
                for (ContextResult c : rd.contexts()) {
                    if (!ReachData.hasStep(c, "zsh") || c.fileReach(f.path()) != Reach.NO) continue;
                    who.add(c, Audience.missing(c, set.name()));
                }
                if (who.isEmpty()) return false;
                boolean mac = "macos".equals(rd.platformId());
                Path targetPath = f.path().resolveSibling(mac ? ".zprofile" : ".zshenv");
                String target = rd.display(targetPath);
                String msg = "`" + set.name() + "` is set only in " + rd.display(f.path()) + ", which only interactive zsh reads: "
                        + who.list() + " " + who.verb() + " it; move it to " + target;
                List<Fix> fixes = new ArrayList<>();
                Fix move = Moves.toFile("Move to " + target, f, site.ref().top().span(), targetPath,
                        input.file(targetPath).orElse(null), who.named());
                if (move != null) fixes.add(move);
                out.add(new Finding(ID, who.severity(Severity.WARNING), f.path(), set.nameSpan(), msg, who.ids(), List.of(), fixes));
                return true;
            });
        }
        return out;
    }
}
