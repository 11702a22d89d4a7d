package dev.envreach.rules;

import dev.envreach.syntax.Span;

import java.nio.file.Path;
import java.util.List;

/**
 * One problem found by a rule, in a file (by its path as the analysis sees it) at a span of that
 * file's text. {@code contexts} are the named contexts the finding concerns (already in the message).
 */
public record Finding(String ruleId, Severity severity, Path file, Span span, String message,
                      List<String> contexts, List<Related> related, List<Fix> fixes) {
    public Finding {
        contexts = List.copyOf(contexts);
        related = List.copyOf(related);
        fixes = List.copyOf(fixes);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, file, span, message, contexts, related, fixes);
    }
}
