package dev.envreach.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/** Small helpers to assert the shape of a syntax tree in a few lines. */
final class Shapes {
    private Shapes() {}

    /** Strips a one-element, un-negated pipeline or and-or list around a command. */
    static Node.Command unwrap(Node.Command c) {
        while (true) {
            if (c instanceof Node.Pipeline p && !p.negated() && p.commands().size() == 1) c = p.commands().get(0);
            else if (c instanceof Node.AndOr a && a.items().size() == 1) c = a.items().get(0);
            else return c;
        }
    }

    static List<Node.Command> commands(List<Node.Statement> statements) {
        List<Node.Command> out = new ArrayList<>();
        for (Node.Statement s : statements) out.add(unwrap(s.command()));
        return out;
    }

    static List<Node.Command> top(ParseResult r) {
        return commands(r.statements());
    }

    /** The single top-level command, of the given type. */
    static <T extends Node.Command> T only(ParseResult r, Class<T> type) {
        List<Node.Command> cs = top(r);
        assertEquals(1, cs.size(), "top-level commands: " + cs);
        return assertInstanceOf(type, cs.get(0));
    }

    static <T extends Node.Command> T nth(ParseResult r, int i, Class<T> type) {
        List<Node.Command> cs = top(r);
        assertTrue(cs.size() > i, "expected more than " + i + " top-level commands: " + cs);
        return assertInstanceOf(type, cs.get(i));
    }

    static <T extends Node.Command> T single(List<Node.Statement> body, Class<T> type) {
        List<Node.Command> cs = commands(body);
        assertEquals(1, cs.size(), "commands: " + cs);
        return assertInstanceOf(type, cs.get(0));
    }

    /** The literal value of each word, or {@code "<expansion>"} for a word holding an expansion. */
    static List<String> words(Node.SimpleCommand c) {
        List<String> out = new ArrayList<>();
        for (Word w : c.words()) {
            String v = w.literalValue();
            out.add(v == null ? "<expansion>" : v);
        }
        return out;
    }

    static List<String> literals(List<Word> ws) {
        List<String> out = new ArrayList<>();
        for (Word w : ws) out.add(w.literalValue());
        return out;
    }

    /** The source text a span covers. */
    static String text(ParseResult r, Span s) {
        return r.text().substring(s.start(), s.end());
    }

    /** The only part of a word, of the given type. */
    static <T extends WordPart> T part(Word w, Class<T> type) {
        assertEquals(1, w.parts().size(), "parts of the word: " + w.parts());
        return assertInstanceOf(type, w.parts().get(0));
    }

    /** The parameter expansion that is the whole of word {@code i} of the single top-level simple command. */
    static WordPart.Param param(ParseResult r, int i) {
        Node.SimpleCommand c = only(r, Node.SimpleCommand.class);
        return part(c.words().get(i), WordPart.Param.class);
    }

    static Node.Redirect redirect(Node.SimpleCommand c, int i) {
        assertTrue(c.redirects().size() > i, "redirects: " + c.redirects());
        return c.redirects().get(i);
    }

    static Node.HereDoc heredoc(Node.SimpleCommand c, int i) {
        Node.HereDoc h = redirect(c, i).heredoc();
        assertNotNull(h, "redirect " + i + " is not a here-document: " + c.redirects());
        return h;
    }

    /** All parts of a word, looking inside double quotes. */
    static List<WordPart> flatParts(Word w) {
        List<WordPart> out = new ArrayList<>();
        flat(w.parts(), out);
        return out;
    }

    private static void flat(List<WordPart> parts, List<WordPart> out) {
        for (WordPart p : parts) {
            out.add(p);
            if (p instanceof WordPart.DoubleQuoted d) flat(d.parts(), out);
        }
    }

    static <T extends WordPart> T firstPart(Word w, Class<T> type) {
        for (WordPart p : flatParts(w)) if (type.isInstance(p)) return type.cast(p);
        throw new AssertionError("no " + type.getSimpleName() + " in " + w.parts());
    }

    static List<String> names(List<ParseResult.AssignmentSite> sites) {
        List<String> out = new ArrayList<>();
        for (ParseResult.AssignmentSite s : sites) out.add(s.name() + (s.exported() ? "(x)" : ""));
        return out;
    }
}
