package dev.envreach.rules;

import dev.envreach.syntax.Node;
import dev.envreach.syntax.ParseResult;
import dev.envreach.syntax.Span;
import dev.envreach.syntax.TreeWalk;
import dev.envreach.syntax.Word;
import dev.envreach.syntax.WordPart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Names in one file's syntax tree, for navigation: where variables are set and read, functions,
 * aliases and {@code source} commands. Purely syntactic; whether a line runs is the analysis' business.
 */
public final class SyntaxIndex {
    public enum Kind { EXPORT, ASSIGNMENT, FUNCTION, ALIAS }

    /** A place that defines {@code name}; {@code statement} is the span of the enclosing {@link Node.Statement}. */
    public record Definition(String name, Kind kind, Span nameSpan, Span statement) {}

    /**
     * A read of a variable: {@code nameSpan} covers just the name inside {@code $NAME} / {@code ${NAME}};
     * {@code statement} is the enclosing statement; {@code inAssignment} is true inside an assignment's value;
     * {@code guarded} is true for forms that handle an unset variable ({@code ${X:-d}}, {@code ${X+y}}, {@code ${#X}}).
     */
    public record Use(String name, Span nameSpan, Span expansion, Span statement, boolean inAssignment, boolean guarded) {}

    /** A {@code source FILE} / {@code . FILE} command with its path word. */
    public record SourceRef(Span command, Word path) {}

    public final List<Definition> definitions = new ArrayList<>();
    public final List<Use> uses = new ArrayList<>();
    public final List<SourceRef> sources = new ArrayList<>();
    /** Names bound by constructs the index does not model as definitions ({@code for}, {@code read}, {@code getopts}, ...). */
    public final java.util.Set<String> otherBinders = new java.util.HashSet<>();
    private final String text;
    private Span currentStatement = Span.of(0, 0);
    private boolean inAssignment;

    private SyntaxIndex(String text) {
        this.text = text;
    }

    /** The index of each file, by path, in the order given. */
    public static java.util.Map<Path, SyntaxIndex> ofAll(List<ParsedFile> files) {
        java.util.Map<Path, SyntaxIndex> out = new java.util.LinkedHashMap<>();
        for (ParsedFile f : files) out.put(f.path(), of(f.parse()));
        return out;
    }

    /** The names that some file binds by a construct not modelled as a definition. */
    public static java.util.Set<String> otherBinders(java.util.Collection<SyntaxIndex> indexes) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (SyntaxIndex ix : indexes) out.addAll(ix.otherBinders);
        return out;
    }

    public static SyntaxIndex of(ParseResult parse) {
        SyntaxIndex ix = new SyntaxIndex(parse.text());
        ix.statements(parse.statements());
        ix.definitions.sort(Comparator.comparingInt(d -> d.nameSpan().start()));
        ix.uses.sort(Comparator.comparingInt(u -> u.nameSpan().start()));
        return ix;
    }

    private void statements(List<Node.Statement> list) {
        if (list == null) return;
        for (Node.Statement s : list) {
            Span saved = currentStatement;
            currentStatement = s.span();
            command(s.command(), s.span());
            currentStatement = saved;
        }
    }

    private void command(Node.Command c, Span statement) {
        if (c == null) return;
        if (c instanceof Node.SimpleCommand sc) {
            simple(sc, statement);
            return;
        }
        if (c instanceof Node.FunctionDef f) {
            if (!f.names().isEmpty() && f.nameSpan() != null) {
                definitions.add(new Definition(f.names().get(0), Kind.FUNCTION, f.nameSpan(), statement));
            }
            words(f.args());
        } else if (c instanceof Node.For f) {
            words(f.items());
            if (f.variables() != null) otherBinders.addAll(f.variables());
        } else if (c instanceof Node.Case cs) {
            word(cs.subject());
            for (Node.CaseItem item : cs.items()) words(item.patterns());
        } else if (c instanceof Node.TestCommand t) {
            words(t.words());
        } else if (c instanceof Node.Repeat r) {
            word(r.count());
        }
        redirects(c);
        if (c instanceof Node.Pipeline p) {
            for (Node.Command part : p.commands()) command(part, statement);
        } else if (c instanceof Node.AndOr a) {
            for (Node.Command part : a.items()) command(part, statement);
        } else if (c instanceof Node.FunctionDef f) {
            command(f.body(), statement);
        } else {
            for (List<Node.Statement> list : bodies(c)) statements(list);
        }
    }

    /** The statement lists directly inside a compound command. */
    public static List<List<Node.Statement>> bodies(Node.Command c) {
        return dev.envreach.syntax.TreeWalk.bodies(c);
    }

    private void redirects(Node.Command c) {
        List<Node.Redirect> rs = null;
        if (c instanceof Node.BraceGroup b) rs = b.redirects();
        else if (c instanceof Node.Subshell s) rs = s.redirects();
        else if (c instanceof Node.If i) rs = i.redirects();
        else if (c instanceof Node.While w) rs = w.redirects();
        else if (c instanceof Node.For f) rs = f.redirects();
        else if (c instanceof Node.Case cs) rs = cs.redirects();
        if (rs != null) for (Node.Redirect r : rs) redirect(r);
    }

    private void redirect(Node.Redirect r) {
        if (r.heredoc() != null) word(r.heredoc().body());
        else word(r.target());
    }

    private void simple(Node.SimpleCommand sc, Span statement) {
        for (Node.Assignment a : sc.assignments()) assignment(a, sc.words().isEmpty() ? Kind.ASSIGNMENT : null, statement);
        String name = sc.name();
        if (sc.declOperands() != null) {
            boolean export = "export".equals(name);
            boolean flagsDone = false;
            for (Node.DeclOperand op : sc.declOperands()) {
                if (op.assignment() != null) {
                    flagsDone = true;
                    assignment(op.assignment(), export ? Kind.EXPORT : Kind.ASSIGNMENT, statement);
                    continue;
                }
                String v = op.word().literalValue();
                if (!flagsDone && v != null && v.length() > 1 && (v.startsWith("-") || v.startsWith("+"))) {
                    if (v.startsWith("-") && v.indexOf('x') > 0) export = true;
                    continue;
                }
                flagsDone = true;
                if (v != null && TreeWalk.isName(v)) {
                    definitions.add(new Definition(v, export ? Kind.EXPORT : Kind.ASSIGNMENT, op.word().span(), statement));
                } else {
                    word(op.word());
                }
            }
            if (!sc.words().isEmpty()) word(sc.words().get(0));
        } else {
            words(sc.words());
            if (name != null && List.of("read", "getopts", "mapfile", "readarray", "vared", "printf", "zparseopts").contains(name)) {
                for (Word w : sc.words()) {
                    String v = w.literalValue();
                    if (v != null && TreeWalk.isName(v)) otherBinders.add(v);
                }
            }
            if ("alias".equals(name)) aliases(sc, statement);
            if (("source".equals(name) || ".".equals(name)) && sc.words().size() >= 2) {
                sources.add(new SourceRef(sc.span(), sc.words().get(1)));
            }
        }
        for (Node.Redirect r : sc.redirects()) redirect(r);
    }

    private void aliases(Node.SimpleCommand sc, Span statement) {
        for (int i = 1; i < sc.words().size(); i++) {
            Word w = sc.words().get(i);
            String v = w.literalValue();
            if (v == null || v.startsWith("-")) continue;
            int eq = v.indexOf('=');
            String n = eq < 0 ? v : v.substring(0, eq);
            if (eq <= 0) continue;
            int start = w.span().start();
            definitions.add(new Definition(n, Kind.ALIAS, Span.of(start, start + n.length()), statement));
        }
    }

    private void assignment(Node.Assignment a, Kind kind, Span statement) {
        if (kind != null) definitions.add(new Definition(a.name(), kind, a.nameSpan(), statement));
        boolean saved = inAssignment;
        inAssignment = true;
        word(a.value());
        words(a.array());
        inAssignment = saved;
    }

    private void words(List<Word> ws) {
        if (ws != null) for (Word w : ws) word(w);
    }

    private void word(Word w) {
        if (w == null) return;
        parts(w.parts());
    }

    private void parts(List<WordPart> parts) {
        if (parts == null) return;
        for (WordPart p : parts) part(p);
    }

    private void part(WordPart p) {
        if (p instanceof WordPart.DoubleQuoted d) parts(d.parts());
        else if (p instanceof WordPart.Param param) param(param);
        else if (p instanceof WordPart.CommandSubst cs) statements(cs.body());
        else if (p instanceof WordPart.ProcessSubst ps) statements(ps.body());
    }

    private void param(WordPart.Param p) {
        if (p.nested() != null) part(p.nested());
        word(p.arg());
        word(p.arg2());
        String name = p.name();
        if (!TreeWalk.isName(name)) return;
        Span s = p.span();
        int from = Math.max(0, Math.min(s.start(), text.length()));
        int to = Math.max(from, Math.min(s.end(), text.length()));
        int at = text.substring(from, to).indexOf(name);
        if (at < 0) return;
        int start = from + at;
        boolean guarded = p.op() != null && List.of(":-", "-", ":=", "=", ":+", "+", ":?", "?").contains(p.op())
                || "#".equals(p.prefix()) || "+".equals(p.prefix()) || "!".equals(p.prefix());
        uses.add(new Use(name, Span.of(start, start + name.length()), s, currentStatement, inAssignment, guarded));
    }

    /** The name under an offset (a definition or a use), or null. */
    public String nameAt(int offset) {
        for (Definition d : definitions) if (d.kind() != Kind.FUNCTION && d.kind() != Kind.ALIAS && d.nameSpan().contains(offset)) return d.name();
        for (Use u : uses) if (u.nameSpan().contains(offset)) return u.name();
        return null;
    }

    /** The span of the name under an offset (for prepareRename), or null. */
    public Span nameSpanAt(int offset) {
        for (Definition d : definitions) if (d.kind() != Kind.FUNCTION && d.kind() != Kind.ALIAS && d.nameSpan().contains(offset)) return d.nameSpan();
        for (Use u : uses) if (u.nameSpan().contains(offset)) return u.nameSpan();
        return null;
    }

    public SourceRef sourceAt(int offset) {
        for (SourceRef r : sources) if (r.path().span().contains(offset)) return r;
        return null;
    }

    /** The statement defining {@code name} that contains an offset, or null. */
    public Definition definitionAt(int offset) {
        for (Definition d : definitions) if (d.statement().contains(offset) && d.nameSpan().contains(offset)) return d;
        return null;
    }

    /**
     * The path a source word names when it is static: literals, quotes, a leading {@code ~} and
     * {@code $HOME}; null when it depends on anything else.
     */
    public static Path staticPath(Word w, Path home, Path relativeTo) {
        StringBuilder sb = new StringBuilder();
        if (!appendStatic(w.parts(), sb, home, true)) return null;
        String s = sb.toString();
        if (s.isEmpty()) return null;
        if (!w.parts().isEmpty() && w.parts().get(0) instanceof WordPart.Literal l && (l.text().equals("~") || l.text().startsWith("~/"))) {
            s = home + s.substring(1);
        }
        Path p = Path.of(s);
        return (p.isAbsolute() ? p : relativeTo.resolve(p)).normalize();
    }

    private static boolean appendStatic(List<WordPart> parts, StringBuilder sb, Path home, boolean top) {
        for (WordPart p : parts) {
            if (p instanceof WordPart.Literal l) sb.append(l.text());
            else if (p instanceof WordPart.Escaped e) sb.append(e.text());
            else if (p instanceof WordPart.SingleQuoted q) sb.append(q.value());
            else if (p instanceof WordPart.DoubleQuoted d) {
                if (!appendStatic(d.parts(), sb, home, false)) return false;
            } else if (p instanceof WordPart.Param param && "HOME".equals(param.name()) && param.op() == null
                    && param.prefix().isEmpty() && param.index() == null && !param.complex()) {
                sb.append(home);
            } else return false;
        }
        String s = sb.toString();
        if (s.contains("*") || s.contains("?") || s.contains("[")) return false;
        return true;
    }
}
