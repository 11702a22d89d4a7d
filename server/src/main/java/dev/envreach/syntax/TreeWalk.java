package dev.envreach.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Generic traversal of the syntax tree (statements and commands; not into command substitutions). */
public final class TreeWalk {
    private TreeWalk() {}

    /** Calls {@code action} for every command, outermost first, descending into compound commands and function bodies. */
    public static void commands(List<Node.Statement> statements, Consumer<Node.Command> action) {
        for (Node.Statement s : statements) command(s.command(), action);
    }

    public static void command(Node.Command c, Consumer<Node.Command> action) {
        if (c == null) return;
        action.accept(c);
        for (Node.Command child : children(c)) command(child, action);
    }

    /** The commands directly inside a command (bodies, conditions, pipeline parts, a function's body). */
    public static List<Node.Command> children(Node.Command c) {
        List<Node.Command> out = new ArrayList<>();
        if (c instanceof Node.Pipeline p) out.addAll(p.commands());
        else if (c instanceof Node.AndOr a) out.addAll(a.items());
        else if (c instanceof Node.FunctionDef f) {
            if (f.body() != null) out.add(f.body());
        } else {
            for (List<Node.Statement> body : bodies(c)) {
                for (Node.Statement s : body) out.add(s.command());
            }
        }
        return out;
    }

    /** The statement lists directly inside a compound command (conditions included), in source order. */
    public static List<List<Node.Statement>> bodies(Node.Command c) {
        List<List<Node.Statement>> out = new ArrayList<>();
        if (c instanceof Node.BraceGroup b) out.add(b.body());
        else if (c instanceof Node.Subshell s) out.add(s.body());
        else if (c instanceof Node.If i) {
            for (Node.CondBranch br : i.branches()) {
                out.add(br.condition());
                out.add(br.body());
            }
            out.add(i.elseBody());
        } else if (c instanceof Node.While w) {
            out.add(w.condition());
            out.add(w.body());
        } else if (c instanceof Node.For f) out.add(f.body());
        else if (c instanceof Node.ArithFor f) out.add(f.body());
        else if (c instanceof Node.Repeat r) out.add(r.body());
        else if (c instanceof Node.Case cs) {
            for (Node.CaseItem item : cs.items()) out.add(item.body());
        } else if (c instanceof Node.Always a) {
            out.add(a.tryBody());
            out.add(a.alwaysBody());
        }
        out.removeIf(java.util.Objects::isNull);
        return out;
    }

    static void assignments(List<Node.Statement> statements, List<ParseResult.AssignmentSite> out) {
        commands(statements, c -> {
            if (c instanceof Node.SimpleCommand sc) {
                for (Node.Assignment a : sc.assignments()) out.add(new ParseResult.AssignmentSite(a.name(), false, a.span()));
                if (sc.declOperands() != null) declaration(sc, out);
            }
        });
    }

    /** The declaration builtins and whether the given flags export. */
    private static void declaration(Node.SimpleCommand sc, List<ParseResult.AssignmentSite> out) {
        String builtin = sc.name();
        boolean exported = "export".equals(builtin);
        boolean flagsDone = false;
        for (Node.DeclOperand op : sc.declOperands()) {
            if (op.assignment() != null) {
                out.add(new ParseResult.AssignmentSite(op.assignment().name(), exported, op.assignment().span()));
                flagsDone = true;
                continue;
            }
            String v = op.word().literalValue();
            if (v == null) continue;
            if (!flagsDone && (v.startsWith("-") || v.startsWith("+")) && v.length() > 1) {
                if (v.equals("--")) {
                    flagsDone = true;
                    continue;
                }
                String letters = v.substring(1);
                if (v.startsWith("-") && letters.indexOf('x') >= 0) exported = true;
                if (v.startsWith("-") && "export".equals(builtin) && letters.indexOf('n') >= 0) exported = false;
                if (v.startsWith("+") && letters.indexOf('x') >= 0) exported = false;
                if (v.startsWith("-") && (letters.indexOf('f') >= 0 || letters.indexOf('F') >= 0 || letters.indexOf('p') >= 0)) return;
                continue;
            }
            flagsDone = true;
            if (isName(v) && exported) out.add(new ParseResult.AssignmentSite(v, true, op.word().span()));
        }
    }

    public static boolean isName(String s) {
        if (s == null || s.isEmpty()) return false;
        char c0 = s.charAt(0);
        if (!(c0 == '_' || Character.isLetter(c0)) || c0 > 127) return false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c == '_' || (c < 128 && Character.isLetterOrDigit(c)))) return false;
        }
        return true;
    }
}
