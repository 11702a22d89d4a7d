package dev.envreach.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Runs the rule catalogue over one analysis and applies disabled rules and in-file suppressions. */
public final class RuleRunner {
    private final List<Rule> rules;

    public RuleRunner(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The catalogue, in ID order. */
    public static RuleRunner standard() {
        return new RuleRunner(List.of(new SyntaxErrorRule(), new InteractiveGuardRule(), new ZshrcOnlyRule(),
                new ShadowedProfileRule(), new BashrcOnlyRule(), new QuotedTildeRule(), new UsedBeforeSetRule(),
                new EmptyPathElementRule()));
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * Findings of every enabled rule. A rule that throws is reported to {@code onError} and skipped,
     * so one broken rule never hides the others.
     */
    public List<Finding> run(RuleInput input, Collection<String> disabled, java.util.function.BiConsumer<Rule, RuntimeException> onError) {
        Set<String> off = new TreeSet<>();
        for (String d : disabled) off.add(d.trim().toUpperCase(Locale.ROOT));
        Map<java.nio.file.Path, Suppressions> suppressions = new HashMap<>();
        for (ParsedFile f : input.files()) suppressions.put(f.path(), Suppressions.of(f.text()));
        List<Finding> out = new ArrayList<>();
        for (Rule rule : rules) {
            if (off.contains(rule.id())) continue;
            List<Finding> found;
            try {
                found = rule.check(input);
            } catch (RuntimeException e) {
                onError.accept(rule, e);
                continue;
            }
            for (Finding f : found) {
                Suppressions s = suppressions.get(f.file());
                ParsedFile pf = input.file(f.file()).orElse(null);
                if (s != null && pf != null && s.suppressed(f.ruleId(), pf.parse().lines().line(f.span().start()))) continue;
                out.add(f);
            }
        }
        return out;
    }
}
