package dev.envreach.rules;

/** Where each rule's documentation page lives: {@code docs/rules/ERnnn.md} in the repository. */
public final class RuleDocs {
    private RuleDocs() {}

    /** The one base all rule links share. */
    public static final String BASE = "https://envreach.dev/docs/rules/";

    public static String url(String ruleId) {
        return BASE + ruleId + ".md";
    }
}
