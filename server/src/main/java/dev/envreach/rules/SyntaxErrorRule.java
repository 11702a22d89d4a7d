package dev.envreach.rules;

import dev.envreach.syntax.SyntaxError;

import java.util.ArrayList;
import java.util.List;

/** ER001: the parser could not read part of a file (it recovered and kept the rest). */
public final class SyntaxErrorRule implements Rule {
    public static final String ID = "ER001";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Syntax error";
    }

    @Override
    public List<Finding> check(RuleInput input) {
        List<Finding> out = new ArrayList<>();
        for (ParsedFile f : input.files()) {
            String dialect = f.parse().dialect().id();
            for (SyntaxError e : f.parse().errors()) {
                out.add(new Finding(ID, Severity.ERROR, f.path(), e.span(),
                        e.message() + " (parsed as " + dialect + ")", List.of(), List.of(), List.of()));
            }
        }
        return out;
    }
}
