package dev.envreach.rules;

import dev.envreach.analysis.ContextResult;
import dev.envreach.analysis.FileVisit;
import dev.envreach.model.Reach;
import dev.envreach.syntax.Span;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ER103: {@code ~/.profile} (or {@code ~/.bash_login}) is never read by bash login shells because
 * {@code ~/.bash_profile} exists and does not source it. Fix: source it from {@code ~/.bash_profile}.
 * The engine marks the files the first-found rule skipped ({@link FileVisit#shadowed()}); this rule only
 * reports them.
 */
public final class ShadowedProfileRule implements Rule {
    public static final String ID = "ER103";
    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Profile shadowed by ~/.bash_profile";
    }

    @Override
    public List<Finding> check(RuleInput input) {
        List<Finding> out = new ArrayList<>();
        ReachData rd = input.reach().orElse(null);
        if (rd == null) return out;
        // the engine marks each startup file bash's first-found rule skipped, with the file read instead
        Map<Path, Path> winners = new LinkedHashMap<>();
        Map<Path, Audience> skippedBy = new LinkedHashMap<>();
        for (ContextResult c : rd.contexts()) {
            Set<Path> seen = new HashSet<>();
            for (FileVisit v : c.files()) {
                if (!v.shadowed() || v.path() == null || !v.mode().startsWith("bash-login")) continue;
                Path shadowed = v.path().toAbsolutePath().normalize();
                if (!seen.add(shadowed)) continue;
                Reach read = c.fileReach(shadowed);
                if (read == Reach.YES) continue; // another shell of the chain reads it anyway
                winners.putIfAbsent(shadowed, v.shadowedBy().toAbsolutePath().normalize());
                Reach missed = v.reach() == Reach.YES && read == Reach.NO ? Reach.YES : Reach.MAYBE;
                skippedBy.computeIfAbsent(shadowed, k -> new Audience()).add(c, missed);
            }
        }
        for (Map.Entry<Path, Audience> e : skippedBy.entrySet()) {
            Path shadowed = e.getKey();
            ParsedFile f = input.file(shadowed).orElse(null);
            if (f == null || f.parse().statements().isEmpty()) continue;
            Path winnerPath = winners.get(shadowed);
            ParsedFile winner = input.file(winnerPath).orElse(null);
            Audience who = e.getValue();
            List<ContextResult> readers = new ArrayList<>();
            for (ContextResult c : rd.contexts()) if (c.fileReach(shadowed) == Reach.YES) readers.add(c);
            String w = rd.display(winnerPath);
            String msg = rd.display(shadowed) + " is never read by bash login shells because " + w + " exists and does not source it: "
                    + who.list() + (who.sure.isEmpty() ? " may skip it" : " skip it")
                    + (readers.isEmpty() ? "" : " (still read by " + String.join(", ", Audience.ids(readers)) + ")");
            Span first = f.parse().statements().get(0).span();
            int eol = f.text().indexOf('\n', first.start());
            Span at = Span.of(first.start(), eol < 0 ? first.end() : Math.min(first.end(), eol));
            List<Related> related = List.of(new Related(winnerPath, Span.of(0, 0), "bash login shells read " + w + " instead"));
            List<Fix> fixes = new ArrayList<>();
            if (winner != null) {
                String name = shadowed.getFileName().toString();
                String line = "[ -f \"$HOME/" + name + "\" ] && . \"$HOME/" + name + "\"\n";
                fixes.add(new Fix("Source " + rd.display(shadowed) + " from " + w, List.of(new FileEdit(winnerPath, false,
                        List.of(TextEdit.insert(insertionPoint(winner.text()), line))))));
            }
            out.add(new Finding(ID, who.severity(Severity.WARNING), shadowed, at, msg, who.ids(), related, fixes));
        }
        return out;
    }

    /** After a leading #! line and comment header, so the profile is read before anything else runs. */
    static int insertionPoint(String text) {
        int at = 0;
        while (at < text.length()) {
            int eol = text.indexOf('\n', at);
            String line = (eol < 0 ? text.substring(at) : text.substring(at, eol)).strip();
            if (!line.startsWith("#")) break;
            at = eol < 0 ? text.length() : eol + 1;
        }
        return at;
    }
}
