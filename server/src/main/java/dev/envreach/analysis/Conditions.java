package dev.envreach.analysis;

import dev.envreach.model.Tri;
import dev.envreach.syntax.Dialect;
import dev.envreach.syntax.Node;
import dev.envreach.syntax.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code test}, {@code [ ]} and {@code [[ ]]} on abstract values and facts. */
final class Conditions {
    /** A condition's value and, for people, why. */
    record Result(Tri value, String why) {
        static Result of(Tri v) {
            return new Result(v, null);
        }
    }

    private static final Set<String> UNARY = Set.of("-n", "-z", "-e", "-a", "-f", "-d", "-r", "-w", "-x", "-s", "-L", "-h",
            "-o", "-v", "-p", "-S", "-b", "-c", "-g", "-u", "-k", "-t", "-O", "-G", "-N", "-R");
    private static final Set<String> BINARY = Set.of("=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
            "-nt", "-ot", "-ef", "<", ">", "=~");

    private final Interpreter in;
    private String why;

    Conditions(Interpreter in) {
        this.in = in;
    }

    // ---------------------------------------------------------------- test / [

    Result test(List<AValue> args, State s) {
        why = null;
        Tri t;
        try {
            t = testExpr(args, s, 0);
        } catch (RuntimeException e) {
            t = Tri.UNKNOWN;
        }
        return new Result(t, why);
    }

    private static String lit(AValue v) {
        return v.exact();
    }

    private Tri testExpr(List<AValue> a, State s, int depth) {
        if (depth > 20) return Tri.UNKNOWN;
        int n = a.size();
        if (n == 0) return Tri.FALSE;
        if (n == 1) return a.get(0).isEmpty().not();
        if (n == 2) {
            String op = lit(a.get(0));
            if ("!".equals(op)) return testExpr(a.subList(1, 2), s, depth + 1).not();
            if (op != null && UNARY.contains(op)) return unary(op, a.get(1), s, false);
            return Tri.UNKNOWN;
        }
        if (n == 3) {
            String op = lit(a.get(1));
            if (op != null && BINARY.contains(op) && !op.equals("=~")) return binary(a.get(0), op, a.get(2), false);
            if ("!".equals(lit(a.get(0)))) return testExpr(a.subList(1, 3), s, depth + 1).not();
            if ("(".equals(lit(a.get(0))) && ")".equals(lit(a.get(2)))) return testExpr(a.subList(1, 2), s, depth + 1);
        }
        // -o has the lowest precedence, then -a
        for (int i = 1; i < n - 1; i++) {
            if ("-o".equals(lit(a.get(i)))) {
                return testExpr(a.subList(0, i), s, depth + 1).or(testExpr(a.subList(i + 1, n), s, depth + 1));
            }
        }
        for (int i = 1; i < n - 1; i++) {
            if ("-a".equals(lit(a.get(i)))) {
                return testExpr(a.subList(0, i), s, depth + 1).and(testExpr(a.subList(i + 1, n), s, depth + 1));
            }
        }
        if ("!".equals(lit(a.get(0)))) return testExpr(a.subList(1, n), s, depth + 1).not();
        if ("(".equals(lit(a.get(0))) && ")".equals(lit(a.get(n - 1)))) return testExpr(a.subList(1, n - 1), s, depth + 1);
        return Tri.UNKNOWN;
    }

    private Tri unary(String op, AValue arg, State s, boolean doubleBracket) {
        switch (op) {
            case "-n":
                return arg.isEmpty().not();
            case "-z":
                return arg.isEmpty();
            case "-o":
                return option(arg.exact(), s);
            case "-v": {
                String name = arg.exact();
                if (name == null) return Tri.UNKNOWN;
                return in.ex.isSet(name, s);
            }
            case "-t":
                return Tri.UNKNOWN;
            default:
                break;
        }
        String path = arg.exact();
        if (path == null) {
            if (Set.of("-e", "-a", "-f", "-d", "-r", "-x", "-s", "-L", "-h", "-p", "-S", "-b", "-c").contains(op)
                    && in.surelyAbsent(arg, s)) {
                why = arg.labels() + " cannot exist: " + arg.knownPrefix() + "… is in a directory missing here";
                return Tri.FALSE;
            }
            return Tri.UNKNOWN;
        }
        if (path.isEmpty()) return Tri.FALSE;
        if (!path.startsWith("/")) {
            why = "`" + path + "` is relative to the working directory, not known here";
            return Tri.UNKNOWN;
        }
        var f = in.facts;
        if (Interpreter.touched(s, path) || Interpreter.removed(s, path)) {
            why = path + " may have been created or changed by an earlier command";
            return Tri.UNKNOWN;
        }
        Tri r = switch (op) {
            case "-e", "-a" -> f.exists(path);
            case "-f" -> f.isRegularFile(path);
            case "-d" -> f.isDirectory(path);
            case "-r" -> f.isReadable(path);
            case "-w" -> f.exists(path).isFalse() ? Tri.FALSE : Tri.UNKNOWN;
            case "-x" -> f.isExecutable(path);
            case "-s" -> f.isNonEmpty(path);
            case "-L", "-h" -> f.isSymlink(path);
            default -> f.exists(path).isFalse() ? Tri.FALSE : Tri.UNKNOWN;
        };
        if (r != Tri.UNKNOWN) why = path + (r == Tri.TRUE ? " passes " : " fails ") + op + " on this machine";
        return r;
    }

    /** {@code [[ -o NAME ]]}: the shell options envreach knows. */
    Tri option(String name, State s) {
        if (name == null) return Tri.UNKNOWN;
        String n = name.toLowerCase(java.util.Locale.ROOT).replace("_", "");
        if (in.dialect() == Dialect.ZSH) {
            return switch (n) {
                case "interactive" -> Tri.of(in.interactive);
                case "login" -> Tri.of(in.login);
                case "allexport" -> s.allexport;
                case "rcs" -> s.rcs;
                case "globalrcs" -> s.globalRcs;
                default -> Tri.UNKNOWN;
            };
        }
        return switch (n) {
            case "allexport" -> s.allexport;
            case "posix" -> s.posix;
            case "interactive", "login" -> Tri.FALSE; // not bash set -o options: the test is false
            default -> Tri.UNKNOWN;
        };
    }

    private Tri binary(AValue l, String op, AValue r, boolean patternRight) {
        switch (op) {
            case "=", "==", "!=": {
                Tri eq;
                if (patternRight) {
                    eq = Tri.UNKNOWN;
                } else {
                    eq = equal(l, r);
                }
                return op.equals("!=") ? eq.not() : eq;
            }
            case "-eq", "-ne", "-lt", "-le", "-gt", "-ge": {
                Long a = number(l);
                Long b = number(r);
                if (a == null || b == null) return Tri.UNKNOWN;
                return Tri.of(switch (op) {
                    case "-eq" -> a.equals(b);
                    case "-ne" -> !a.equals(b);
                    case "-lt" -> a < b;
                    case "-le" -> a <= b;
                    case "-gt" -> a > b;
                    default -> a >= b;
                });
            }
            case "<", ">": {
                String a = l.exact();
                String b = r.exact();
                if (a == null || b == null) return Tri.UNKNOWN;
                int c = a.compareTo(b);
                return Tri.of(op.equals("<") ? c < 0 : c > 0);
            }
            default:
                return Tri.UNKNOWN;
        }
    }

    private static Tri equal(AValue l, AValue r) {
        String a = l.exact();
        String b = r.exact();
        if (a != null && b != null) return Tri.of(a.equals(b));
        if (b != null) return Glob.matches(escape(b), l);
        if (a != null) return Glob.matches(escape(a), r);
        return Tri.UNKNOWN;
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("*?[]\\".indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    private static Long number(AValue v) {
        String e = v.exact();
        if (e == null) return null;
        try {
            return Long.parseLong(e.trim());
        } catch (NumberFormatException x) {
            return null;
        }
    }

    // ---------------------------------------------------------------- [[ ]]

    Result doubleBracket(Node.TestCommand tc, State s, Frame.FileCtx fc) {
        why = null;
        List<Word> w = tc.words();
        Tri t;
        try {
            int[] pos = {0};
            t = orExpr(w, pos, s);
            if (pos[0] != w.size()) t = Tri.UNKNOWN;
        } catch (RuntimeException e) {
            t = Tri.UNKNOWN;
        }
        return new Result(t, why);
    }

    private static boolean is(Word w, String op) {
        return w.isPlain(op) || op.equals(w.literalValue()) && !w.hasQuotes();
    }

    private Tri orExpr(List<Word> w, int[] pos, State s) {
        Tri t = andExpr(w, pos, s);
        while (pos[0] < w.size() && is(w.get(pos[0]), "||")) {
            pos[0]++;
            t = t.or(andExpr(w, pos, s));
        }
        return t;
    }

    private Tri andExpr(List<Word> w, int[] pos, State s) {
        Tri t = notExpr(w, pos, s);
        while (pos[0] < w.size() && is(w.get(pos[0]), "&&")) {
            pos[0]++;
            t = t.and(notExpr(w, pos, s));
        }
        return t;
    }

    private Tri notExpr(List<Word> w, int[] pos, State s) {
        if (pos[0] < w.size() && is(w.get(pos[0]), "!")) {
            pos[0]++;
            return notExpr(w, pos, s).not();
        }
        return primary(w, pos, s);
    }

    private Tri primary(List<Word> w, int[] pos, State s) {
        if (pos[0] >= w.size()) throw new IllegalStateException("empty [[ ]] expression");
        Word first = w.get(pos[0]);
        if (is(first, "(")) {
            pos[0]++;
            Tri t = orExpr(w, pos, s);
            if (pos[0] < w.size() && is(w.get(pos[0]), ")")) pos[0]++;
            return t;
        }
        String fl = first.hasQuotes() ? null : first.literalValue();
        if (fl != null && UNARY.contains(fl) && pos[0] + 1 < w.size() && !isBinaryAt(w, pos[0] + 1)) {
            pos[0] += 2;
            AValue arg = in.ex.scalar(w.get(pos[0] - 1), s, Expander.Tilde.WORD);
            return unary(fl, arg, s, true);
        }
        if (pos[0] + 2 < w.size() + 0 && pos[0] + 1 < w.size() && isBinaryAt(w, pos[0] + 1) && pos[0] + 2 < w.size()) {
            String op = w.get(pos[0] + 1).literalValue();
            AValue l = in.ex.scalar(first, s, Expander.Tilde.WORD);
            Word rw = w.get(pos[0] + 2);
            pos[0] += 3;
            if (op.equals("=~")) return regex(l, rw, s);
            if (op.equals("==") || op.equals("=") || op.equals("!=")) {
                String pat = in.ex.pattern(rw, s);
                Tri m = pat == null ? Tri.UNKNOWN : Glob.matches(pat, l);
                if (in.dialect() == Dialect.ZSH && pat != null && Glob.unsupported(pat)) m = Tri.UNKNOWN;
                return op.equals("!=") ? m.not() : m;
            }
            AValue r = in.ex.scalar(rw, s, Expander.Tilde.WORD);
            return binary(l, op, r, false);
        }
        pos[0]++;
        return in.ex.scalar(first, s, Expander.Tilde.WORD).isEmpty().not();
    }

    /** {@code =~}: quoted parts match literally; the rest is taken as an ERE when it is plain enough. */
    private Tri regex(AValue l, Word rw, State s) {
        String text = l.exact();
        if (text == null) return Tri.UNKNOWN;
        StringBuilder re = new StringBuilder();
        if (!regexParts(rw.parts(), s, false, re)) return Tri.UNKNOWN;
        try {
            return Tri.of(java.util.regex.Pattern.compile(re.toString()).matcher(text).find());
        } catch (RuntimeException e) {
            return Tri.UNKNOWN;
        }
    }

    private boolean regexParts(List<dev.envreach.syntax.WordPart> parts, State s, boolean quoted, StringBuilder re) {
        for (dev.envreach.syntax.WordPart p : parts) {
            if (p instanceof dev.envreach.syntax.WordPart.Literal lit) {
                if (quoted) re.append(java.util.regex.Pattern.quote(lit.text()));
                else {
                    String t = lit.text();
                    if (t.contains("[[:") || t.contains("\\<") || t.contains("\\>") || t.contains("\\b")) return false;
                    re.append(t);
                }
            } else if (p instanceof dev.envreach.syntax.WordPart.SingleQuoted q) {
                re.append(java.util.regex.Pattern.quote(q.value()));
            } else if (p instanceof dev.envreach.syntax.WordPart.Escaped e) {
                re.append(java.util.regex.Pattern.quote(e.text()));
            } else if (p instanceof dev.envreach.syntax.WordPart.DoubleQuoted d) {
                if (!regexParts(d.parts(), s, true, re)) return false;
            } else if (p instanceof dev.envreach.syntax.WordPart.Param pp) {
                String v = in.ex.param(pp, s, quoted).exact();
                if (v == null) return false;
                re.append(quoted ? java.util.regex.Pattern.quote(v) : v);
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean isBinaryAt(List<Word> w, int i) {
        if (i >= w.size()) return false;
        Word x = w.get(i);
        String v = x.hasQuotes() ? null : x.literalValue();
        return v != null && BINARY.contains(v);
    }

    /** Expanded words of a test command, for {@link #test}. */
    List<AValue> args(List<Word> words, State s, boolean[] exact) {
        List<AValue> out = new ArrayList<>();
        for (Word w : words) {
            Expander.Fields f = in.ex.fields(w, s);
            if (!f.exact()) exact[0] = false;
            out.addAll(f.items());
        }
        return out;
    }
}
