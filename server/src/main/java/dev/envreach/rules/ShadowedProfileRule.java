package dev.envreach.rules;

import dev.envreach.analysis.ContextResult;
import dev.envreach.model.Reach;
import dev.envreach.syntax.Span;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * ER103: {@code ~/.profile} (or {@code ~/.bash_login}) is never read by bash login shells because
 * {@code ~/.bash_profile} exists and does not source it. Fix: source it from {@code ~/.bash_profile}.
 */
public final class ShadowedProfileRule implements Rule {
    public static final String ID = "ER103";
    private static final List<String> ORDER = List.of(".bash_profile", ".bash_login", ".profile");

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
        for (int i = 1; i < ORDER.size(); i++) {
            Path shadowed = rd.home().resolve(ORDER.get(i));
            ParsedFile f = input.file(shadowed).orElse(null);
            if (f == null || f.parse().statements().isEmpty()) continue;
            ParsedFile winner = null;
            for (int j = 0; j < i && winner == null; j++) winner = input.file(rd.home().resolve(ORDER.get(j))).orElse(null);
            if (winner == null) continue;
            List<ContextResult> skipped = new ArrayList<>();
            List<ContextResult> readers = new ArrayList<>();
            for (ContextResult c : rd.contexts()) {
                Reach read = c.fileReach(shadowed);
                if (read == Reach.YES) {
                    readers.add(c);
                    continue;
                }
                if (read == Reach.NO && ReachData.hasStep(c, "bash-login") && c.fileReach(winner.path()) == Reach.YES) {
                    skipped.add(c);
                }
            }
            if (skipped.isEmpty()) continue;
            String w = rd.display(winner.path());
            String msg = rd.display(shadowed) + " is never read by bash login shells because " + w + " exists and does not source it: "
                    + String.join(", ", Audience.ids(skipped)) + " skip it"
                    + (readers.isEmpty() ? "" : " (still read by " + String.join(", ", Audience.ids(readers)) + ")");
            Span first = f.parse().statements().get(0).span();
            int eol = f.text().indexOf('\n', first.start());
            Span at = Span.of(first.start(), eol < 0 ? first.end() : Math.min(first.end(), eol));
            List<Related> related = List.of(new Related(winner.path(), Span.of(0, 0), "bash login shells read " + w + " instead"));
            String line = "[ -f \"$HOME/" + ORDER.get(i) + "\" ] && . \"$HOME/" + ORDER.get(i) + "\"\n";
            int insertAt = insertionPoint(winner.text());
            Fix fix = new Fix("Source " + rd.display(shadowed) + " from " + w, List.of(new FileEdit(winner.path(), false,
                    List.of(TextEdit.insert(insertAt, line)))));
            out.add(new Finding(ID, Severity.WARNING, shadowed, at, msg, Audience.ids(skipped), related, List.of(fix)));
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
