package dev.envreach.rules;

import dev.envreach.syntax.Node;
import dev.envreach.syntax.Span;
import dev.envreach.syntax.TreeWalk;

import java.util.ArrayList;
import java.util.List;

/**
 * The variables a simple-command statement sets for the shell: {@code export A=1 B}, {@code declare -x A},
 * or plain assignments without a command. {@code explicit} is true when the statement itself exports.
 */
public final class EnvSets {
    private EnvSets() {}

    public record Set(String name, Span nameSpan, boolean explicit) {}

    public static List<Set> of(Node.Statement st) {
        List<Set> out = new ArrayList<>();
        if (!(st.command() instanceof Node.SimpleCommand sc)) return out;
        if (sc.words().isEmpty()) {
            for (Node.Assignment a : sc.assignments()) out.add(new Set(a.name(), a.nameSpan(), false));
            return out;
        }
        if (sc.declOperands() == null) return out;
        String builtin = sc.name();
        if ("local".equals(builtin)) return out;
        boolean export = "export".equals(builtin);
        boolean flagsDone = false;
        for (Node.DeclOperand op : sc.declOperands()) {
            if (op.assignment() != null) {
                flagsDone = true;
                out.add(new Set(op.assignment().name(), op.assignment().nameSpan(), export));
                continue;
            }
            String v = op.word().literalValue();
            if (v == null) continue;
            if (!flagsDone && v.length() > 1 && (v.startsWith("-") || v.startsWith("+"))) {
                if (v.startsWith("-") && v.indexOf('x') > 0) export = true;
                if (v.startsWith("-") && (v.indexOf('f') > 0 || v.indexOf('n') > 0 && "export".equals(builtin))) return new ArrayList<>();
                continue;
            }
            flagsDone = true;
            if (export && TreeWalk.isName(v)) out.add(new Set(v, op.word().span(), true));
        }
        return out;
    }
}
