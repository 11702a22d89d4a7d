package dev.envreach.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-file suppression comments: {@code # envreach: disable=ER101,ER105} silences the listed rules on
 * the next line; {@code # envreach: disable-file=ER101} silences them in the whole file. {@code all}
 * stands for every rule.
 */
public final class Suppressions {
    private static final Pattern COMMENT = Pattern.compile(
            "(?:^|\\s)#\\s*envreach:\\s*(disable|disable-file)\\s*=\\s*([A-Za-z0-9_, ]+)");

    private final Set<String> fileWide = new HashSet<>();
    private final Map<Integer, Set<String>> byLine = new HashMap<>();

    private Suppressions() {}

    /** Reads the suppression comments of a file's text. */
    public static Suppressions of(String text) {
        Suppressions s = new Suppressions();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = COMMENT.matcher(lines[i]);
            if (!m.find()) continue;
            Set<String> ids = new HashSet<>();
            for (String id : m.group(2).split("[, ]+")) {
                if (!id.isBlank()) ids.add(id.trim().toUpperCase(Locale.ROOT));
            }
            if (m.group(1).equals("disable-file")) s.fileWide.addAll(ids);
            else s.byLine.computeIfAbsent(i + 1, k -> new HashSet<>()).addAll(ids);
        }
        return s;
    }

    /** True when the rule is silenced at the given 0-based line. */
    public boolean suppressed(String ruleId, int line) {
        if (matches(fileWide, ruleId)) return true;
        Set<String> ids = byLine.get(line);
        return ids != null && matches(ids, ruleId);
    }

    private static boolean matches(Set<String> ids, String ruleId) {
        return ids.contains(ruleId.toUpperCase(Locale.ROOT)) || ids.contains("ALL");
    }
}
