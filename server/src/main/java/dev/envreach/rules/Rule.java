package dev.envreach.rules;

import java.util.List;

/** One diagnostic rule: an ID like {@code ER101}, a title, and the check. Rules read analysis results. */
public interface Rule {
    String id();

    String title();

    List<Finding> check(RuleInput input);
}
