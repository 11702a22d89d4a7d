package dev.envreach.rules;

import dev.envreach.analysis.ContextResult;
import dev.envreach.analysis.VariableResult;
import dev.envreach.model.Reach;
import dev.envreach.syntax.Node;
import dev.envreach.syntax.Span;
import dev.envreach.syntax.Word;
import dev.envreach.syntax.WordPart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ER107: an empty PATH element (a leading or trailing {@code :}, {@code ::}, or an unset variable
 * standing alone between colons) means the current directory: commands are looked up in {@code $PWD}.
 */
public final class EmptyPathElementRule implements Rule {
    public static final String ID = "ER107";
    private static final char PARAM = '\u0001';
    private static final char OTHER = '\u0002';

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Empty PATH element";
    }

    /** The value flattened: characters, with the source offset of each (-1 when unknown) and the parameters. */
    private record Shape(StringBuilder chars, List<Integer> offsets, Map<Integer, WordPart.Param> params) {}

    @Override
    public List<Finding> check(RuleInput input) {
        List<Finding> out = new ArrayList<>();
        ReachData rd = input.reach().orElse(null);
        if (rd == null) return out;
        Map<Path, SyntaxIndex> indexes = SyntaxIndex.ofAll(input.files());
        Set<String> binders = SyntaxIndex.otherBinders(indexes.values());
        Set<String> reported = new HashSet<>();
        for (ParsedFile f : input.files()) {
            for (Statements.Ref ref : Statements.all(f.parse().statements())) {
                if (!(ref.stmt().command() instanceof Node.SimpleCommand sc)) continue;
                List<ContextResult> reading = Audience.reaching(rd, f, ref);
                if (reading.isEmpty()) continue;
                for (Node.Assignment a : assignments(sc)) {
                    if (!"PATH".equals(a.name()) || a.value() == null || a.append()) continue;
                    Finding found = literal(f, a, reading);
                    if (found == null) found = unsetVariable(f, a, ref.stmt(), rd, indexes, binders);
                    if (found != null && reported.add(f.path() + "@" + f.parse().lines().line(ref.stmt().span().start()))) out.add(found);
                }
            }
        }
        for (ContextResult c : rd.contexts()) {
            VariableResult v = c.variables().get("PATH");
            if (v == null || v.value() == null || v.origin() == null || !v.origin().inFile() || v.origin().span() == null) continue;
            if (!hasEmptyElement(v.value())) continue;
            Path file = v.origin().path().toAbsolutePath().normalize();
            ParsedFile origin = input.file(file).orElse(null);
            if (origin == null || !reported.add(file + "@" + origin.parse().lines().line(v.origin().span().start()))) continue;
            List<String> ids = new ArrayList<>();
            for (ContextResult d : rd.contexts()) {
                VariableResult dv = d.variables().get("PATH");
                if (dv != null && dv.value() != null && hasEmptyElement(dv.value())) ids.add(d.id());
            }
            String msg = "PATH ends up with an empty element (the current directory) in " + String.join(", ", ids)
                    + ": its value there is `" + v.value() + "`";
            out.add(new Finding(ID, Severity.WARNING, file, v.origin().span(), msg, ids, List.of(), List.of()));
        }
        return out;
    }

    static boolean hasEmptyElement(String path) {
        return path.isEmpty() || path.startsWith(":") || path.endsWith(":") || path.contains("::");
    }

    private static List<Node.Assignment> assignments(Node.SimpleCommand sc) {
        List<Node.Assignment> out = new ArrayList<>();
        if (sc.words().isEmpty()) out.addAll(sc.assignments());
        if (sc.declOperands() != null) for (Node.DeclOperand op : sc.declOperands()) if (op.assignment() != null) out.add(op.assignment());
        return out;
    }

    /** A colon written in the value itself makes the empty element: sure wherever the line runs. */
    private static Finding literal(ParsedFile f, Node.Assignment a, List<ContextResult> reading) {
        Shape s = shape(a.value());
        String v = s.chars().toString();
        int at;
        String what;
        if (v.startsWith(":")) {
            at = 0;
            what = "a leading `:`";
        } else if (v.endsWith(":")) {
            at = v.length() - 1;
            what = "a trailing `:`";
        } else if (v.contains("::")) {
            at = v.indexOf("::");
            what = "`::`";
        } else return null;
        int offset = s.offsets().get(at);
        Span span = offset >= 0 ? Span.of(offset, offset + (what.equals("`::`") ? 2 : 1)) : a.value().span();
        String msg = "PATH gets an empty element from " + what + ": that means the current directory, so commands are run from "
                + "whatever directory you are in (" + String.join(", ", Audience.ids(reading)) + ")";
        List<Fix> fixes = new ArrayList<>();
        if (offset >= 0 && offset < f.text().length() && f.text().charAt(offset) == ':') {
            fixes.add(new Fix("Remove the extra `:`", List.of(new FileEdit(f.path(), false, List.of(TextEdit.delete(Span.of(offset, offset + 1)))))));
        }
        return new Finding(ID, Severity.WARNING, f.path(), span, msg, Audience.ids(reading), List.of(), fixes);
    }

    /** {@code PATH="$UNSET:$PATH"}: the variable stands alone between colons and is surely unset in every context reading the line. */
    private static Finding unsetVariable(ParsedFile f, Node.Assignment a, Node.Statement st, ReachData rd,
                                         Map<Path, SyntaxIndex> indexes, Set<String> binders) {
        Shape s = shape(a.value());
        String v = s.chars().toString();
        String[] elements = v.split(":", -1);
        int pos = 0;
        for (String e : elements) {
            if (e.length() == 1 && e.charAt(0) == PARAM) {
                WordPart.Param p = s.params().get(pos);
                if (p != null && p.op() == null && p.prefix().isEmpty() && p.index() == null && !p.complex()
                        && !Definedness.provided(p.name()) && !binders.contains(p.name())) {
                    List<String> ids = new ArrayList<>();
                    boolean sure = true;
                    for (ContextResult c : rd.contexts()) {
                        Reach r = ReachData.stmt(c, f.path(), st.span());
                        if (r == Reach.NO) continue;
                        if (r == Reach.MAYBE || ReachData.fromOutside(c, p.name())
                                || Definedness.setBefore(c, indexes, p.name(), f.path(), p.span().start()) != Reach.NO) {
                            sure = false;
                            break;
                        }
                        ids.add(c.id());
                    }
                    if (sure && !ids.isEmpty()) {
                        String msg = "`$" + p.name() + "` is not set here, so it leaves an empty PATH element (the current directory) in "
                                + String.join(", ", ids);
                        return new Finding(ID, Severity.WARNING, f.path(), p.span(), msg, ids, List.of(), List.of());
                    }
                }
            }
            pos += e.length() + 1;
        }
        return null;
    }

    private static Shape shape(Word w) {
        Shape s = new Shape(new StringBuilder(), new ArrayList<>(), new LinkedHashMap<>());
        parts(w.parts(), s, false);
        return s;
    }

    private static void parts(List<WordPart> parts, Shape s, boolean inDouble) {
        for (WordPart p : parts) {
            if (p instanceof WordPart.Literal l) text(l.text(), l.span(), l.span().start(), s);
            else if (p instanceof WordPart.SingleQuoted q) text(q.value(), q.span(), q.span().start() + 1, s);
            else if (p instanceof WordPart.Escaped e) text(e.text(), e.span(), -1, s);
            else if (p instanceof WordPart.DoubleQuoted d) parts(d.parts(), s, true);
            else if (p instanceof WordPart.Param param) {
                s.params().put(s.chars().length(), param);
                s.chars().append(PARAM);
                s.offsets().add(param.span().start());
            } else {
                s.chars().append(OTHER);
                s.offsets().add(p.span().start());
            }
        }
    }

    private static void text(String text, Span span, int base, Shape s) {
        boolean exact = base >= 0 && base + text.length() <= span.end();
        for (int i = 0; i < text.length(); i++) {
            s.chars().append(text.charAt(i));
            s.offsets().add(exact ? base + i : -1);
        }
    }
}
