package dev.envreach.rules;

import dev.envreach.syntax.Node;
import dev.envreach.syntax.Span;
import dev.envreach.syntax.TreeWalk;
import dev.envreach.syntax.Word;
import dev.envreach.syntax.WordPart;

import java.util.ArrayList;
import java.util.List;

/**
 * ER105: a {@code ~} inside quotes at the start of an assignment's value or after a {@code :} stays a
 * literal tilde ({@code PATH="~/bin:$PATH"} adds a directory named {@code ~}). Unquoted, the shell
 * would have replaced it with the home directory. Fix: {@code $HOME}.
 */
public final class QuotedTildeRule implements Rule {
    public static final String ID = "ER105";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Quoted ~ in an assignment stays literal";
    }

    /** One quoted tilde: its offset, and the quoted part holding it. */
    record Tilde(int offset, WordPart quotedPart) {}

    @Override
    public List<Finding> check(RuleInput input) {
        List<Finding> out = new ArrayList<>();
        for (ParsedFile f : input.files()) {
            List<Node.Assignment> assignments = new ArrayList<>();
            TreeWalk.commands(f.parse().statements(), c -> {
                if (c instanceof Node.SimpleCommand sc) {
                    assignments.addAll(sc.assignments());
                    if (sc.declOperands() != null) {
                        for (Node.DeclOperand op : sc.declOperands()) if (op.assignment() != null) assignments.add(op.assignment());
                    }
                }
            });
            for (Node.Assignment a : assignments) {
                if (a.value() == null) continue;
                for (Tilde t : quotedTildes(a.value())) {
                    List<Fix> fixes = fix(f, t);
                    String msg = "`~` inside quotes is not expanded: " + a.name() + " gets a literal `~` instead of your home directory; use `$HOME`";
                    out.add(new Finding(ID, Severity.WARNING, f.path(), Span.of(t.offset(), t.offset() + 1), msg,
                            List.of(), List.of(), fixes));
                }
            }
        }
        return out;
    }

    /** Tildes in quoted text where an unquoted one would be expanded: value start or right after a ':'. */
    static List<Tilde> quotedTildes(Word value) {
        List<Tilde> out = new ArrayList<>();
        char[] prev = {'^'};
        walk(value.parts(), false, null, prev, out);
        return out;
    }

    private static void walk(List<WordPart> parts, boolean quoted, WordPart quotedPart, char[] prev, List<Tilde> out) {
        for (WordPart p : parts) {
            if (p instanceof WordPart.Literal l) {
                text(l.text(), l.span(), l.span().start(), quoted, quotedPart, prev, out);
            } else if (p instanceof WordPart.SingleQuoted s) {
                text(s.value(), s.span(), s.span().start() + 1, true, s, prev, out);
            } else if (p instanceof WordPart.DoubleQuoted d) {
                walk(d.parts(), true, d, prev, out);
            } else if (p instanceof WordPart.Escaped e) {
                prev[0] = e.text().isEmpty() ? prev[0] : e.text().charAt(e.text().length() - 1);
            } else {
                prev[0] = '$';
            }
        }
    }

    private static void text(String text, Span span, int base, boolean quoted, WordPart quotedPart, char[] prev, List<Tilde> out) {
        boolean exact = base + text.length() <= span.end() && (quotedPart == null || !(quotedPart instanceof WordPart.DoubleQuoted)
                || text.length() == span.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '~' && quoted && (prev[0] == '^' || prev[0] == ':')) {
                char next = i + 1 < text.length() ? text.charAt(i + 1) : ':';
                if (next == '/' || next == ':') out.add(new Tilde(exact ? base + i : span.start(), quotedPart));
            }
            prev[0] = c;
        }
    }

    private static List<Fix> fix(ParsedFile f, Tilde t) {
        String src = f.text();
        if (t.offset() >= src.length() || src.charAt(t.offset()) != '~') return List.of();
        if (t.quotedPart() instanceof WordPart.DoubleQuoted) {
            return List.of(new Fix("Use $HOME instead of ~", List.of(new FileEdit(f.path(), false,
                    List.of(new TextEdit(Span.of(t.offset(), t.offset() + 1), "$HOME"))))));
        }
        if (t.quotedPart() instanceof WordPart.SingleQuoted s) {
            String v = s.value();
            if (v.contains("$") || v.contains("`") || v.contains("\"") || v.contains("\\")) return List.of();
            int i = t.offset() - (s.span().start() + 1);
            String dq = "\"" + v.substring(0, i) + "$HOME" + v.substring(i + 1) + "\"";
            return List.of(new Fix("Use \"$HOME\" instead of '~'", List.of(new FileEdit(f.path(), false,
                    List.of(new TextEdit(s.span(), dq))))));
        }
        return List.of();
    }
}
