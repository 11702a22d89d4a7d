package dev.envreach.differential;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares, variable by variable, the environment exported by the real shells with envreach's
 * prediction for one fixture and context.
 *
 * <p>A <b>disagreement</b> is: envreach states a value and the real shell exports another one or
 * none; envreach says exported {@code yes} and the real shell does not export the variable; or the
 * real shell exports a variable of interest that envreach does not list. The variables of interest
 * are those the fixture names, the initial environment, and every variable whose real value differs
 * from what the same context exports with an empty home (i.e. the ones the fixture's files set).
 * An <b>unknown</b> ({@code maybe}, or a null value) is allowed where the fixture declares that the
 * value depends on something static analysis cannot know; an unknown on any other variable of
 * interest is reported as <b>imprecise</b> and counts as a disagreement.
 */
final class Comparison {
    private Comparison() {}

    record Finding(String variable, String real, String predicted, String problem, boolean ofInterest) {
        Finding(String variable, String real, String predicted, String problem) {
            this(variable, real, predicted, problem, true);
        }

        @Override
        public String toString() {
            return variable + ": real " + real + ", envreach " + predicted + " -- " + problem;
        }
    }

    record Outcome(int agreements, List<Finding> unknowns, List<Finding> disagreements) {}

    static final String NOT_EXPORTED = "<not exported>";

    static Outcome compare(Map<String, String> real, Map<String, String> baseline, Map<String, String> initial,
                           Set<String> fixtureVariables, Set<String> allowedUnknown,
                           Map<String, Prediction.Variable> predicted) {
        Set<String> interest = interest(real, baseline, initial, fixtureVariables);
        int agreements = 0;
        List<Finding> unknowns = new ArrayList<>();
        List<Finding> disagreements = new ArrayList<>();
        Set<String> names = new TreeSet<>(predicted.keySet());
        names.addAll(interest);
        for (String name : names) {
            String realValue = real.get(name);
            String realText = realValue == null ? NOT_EXPORTED : quote(realValue);
            Prediction.Variable p = predicted.get(name);
            if (p == null) {
                if (!interest.contains(name)) {
                    continue;
                }
                if (realValue == null) {
                    agreements++;
                } else if (allowedUnknown.contains(name)) {
                    unknowns.add(new Finding(name, realText, "<not listed>",
                            "unknown: created by code whose output static analysis cannot know"));
                } else {
                    disagreements.add(new Finding(name, realText, "<not listed>",
                            "the real shell exports it, envreach does not list it"));
                }
                continue;
            }
            String predictedText = (p.surelyExported() ? "yes " : "maybe ")
                    + (p.value() == null ? "<unknown value>" : quote(p.value()));
            if (p.value() != null && realValue != null && !p.value().equals(realValue)) {
                disagreements.add(new Finding(name, realText, predictedText, "different value"));
            } else if (p.surelyExported() && realValue == null) {
                disagreements.add(new Finding(name, realText, predictedText,
                        "envreach says exported, the real shell does not export it"));
            } else if (p.surelyExported() && p.value() != null) {
                agreements++;
            } else {
                Finding f = new Finding(name, realText, predictedText, "unknown", interest.contains(name));
                if (interest.contains(name) && !allowedUnknown.contains(name)) {
                    disagreements.add(new Finding(name, realText, predictedText,
                            "imprecise: unknown although the fixture's files determine it"));
                } else {
                    unknowns.add(f);
                }
            }
        }
        return new Outcome(agreements, unknowns, disagreements);
    }

    /** The fixture's variables, the initial environment, and what the fixture's files changed. */
    static Set<String> interest(Map<String, String> real, Map<String, String> baseline, Map<String, String> initial,
                                Set<String> fixtureVariables) {
        Set<String> interest = new LinkedHashSet<>(fixtureVariables);
        interest.addAll(initial.keySet());
        for (var e : real.entrySet()) {
            if (!Objects.equals(baseline.get(e.getKey()), e.getValue())) {
                interest.add(e.getKey());
            }
        }
        for (String name : baseline.keySet()) {
            if (!real.containsKey(name)) {
                interest.add(name); // the fixture unset something the empty home keeps
            }
        }
        return interest;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
