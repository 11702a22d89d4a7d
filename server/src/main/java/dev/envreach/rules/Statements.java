package dev.envreach.rules;

import dev.envreach.syntax.Node;

import java.util.ArrayList;
import java.util.List;

/** Every statement of a file, each with the top-level statement that contains it. */
public final class Statements {
    private Statements() {}

    public record Ref(Node.Statement stmt, Node.Statement top, int topIndex) {}

    public static List<Ref> all(List<Node.Statement> tops) {
        List<Ref> out = new ArrayList<>();
        for (int i = 0; i < tops.size(); i++) walk(tops.get(i), tops.get(i), i, out);
        return out;
    }

    private static void walk(Node.Statement s, Node.Statement top, int index, List<Ref> out) {
        out.add(new Ref(s, top, index));
        Node.Command c = s.command();
        if (c instanceof Node.FunctionDef f) c = f.body();
        if (c == null) return;
        for (List<Node.Statement> body : SyntaxIndex.bodies(c)) for (Node.Statement inner : body) walk(inner, top, index, out);
    }
}
