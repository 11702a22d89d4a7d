package dev.envreach.analysis;

import dev.envreach.model.Tri;
import dev.envreach.syntax.Dialect;
import dev.envreach.syntax.Node;
import dev.envreach.syntax.Span;
import dev.envreach.syntax.Word;
import dev.envreach.syntax.WordPart;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word expansion on abstract values: tilde, parameters, substitutions, braces, splitting, globs. */
final class Expander {
    enum Tilde { NONE, WORD, ASSIGNMENT }

    /** Fields of a command word; {@code exact} false when their number is not known. */
    record Fields(List<AValue> items, boolean exact, boolean unordered) {
        Fields(List<AValue> items, boolean exact) {
            this(items, exact, false);
        }

        static Fields unknown(AValue v) {
            return new Fields(List.of(v), false);
        }
    }

    private final Interpreter in;
    /** Names read during the last expansion (provenance: a value built from its own old value). */
    final Set<String> referenced = new java.util.HashSet<>();

    Expander(Interpreter in) {
        this.in = in;
    }

    private Dialect dialect() {
        return in.dialect();
    }

    // ---------------------------------------------------------------- scalars

    AValue scalar(Word w, State s, Tilde tilde) {
        if (w == null) return AValue.EMPTY;
        return parts(w.parts(), s, tilde, false, true);
    }

    private AValue parts(List<WordPart> parts, State s, Tilde tilde, boolean quoted, boolean wordStart) {
        parts = ZshModifiers.attach(parts, dialect());
        AValue r = AValue.EMPTY;
        for (int i = 0; i < parts.size(); i++) {
            WordPart p = parts.get(i);
            boolean first = wordStart && i == 0;
            if (p instanceof WordPart.Literal l) {
                r = r.concat(quoted ? AValue.of(l.text()) : literal(l.text(), s, tilde, first, i + 1 < parts.size()));
            } else if (p instanceof WordPart.Escaped e) {
                r = r.concat(e.text());
            } else if (p instanceof WordPart.SingleQuoted q) {
                r = r.concat(q.value());
            } else if (p instanceof WordPart.AnsiCQuoted a) {
                r = r.concat(a.value());
            } else if (p instanceof WordPart.DoubleQuoted d) {
                r = r.concat(parts(d.parts(), s, Tilde.NONE, true, false));
            } else if (p instanceof WordPart.Param pp) {
                r = r.concat(param(pp, s, quoted));
            } else if (p instanceof WordPart.CommandSubst cs) {
                r = r.concat(commandSubst(cs, s));
            } else if (p instanceof WordPart.Arith a) {
                r = r.concat(arith(a.expression(), s));
            } else if (p instanceof WordPart.ProcessSubst ps) {
                ToolKnowledge.Use tool = ps.direction() == '<' ? ToolKnowledge.match(ps.body(), toolText(ps.span())) : null;
                r = r.concat(tool != null ? AValue.toolOutput("/dev/fd/…", true, tool) : AValue.unknownNonEmpty("/dev/fd/…"));
            }
        }
        return r;
    }

    /** Unquoted literal text: tilde expansion at the word start and, in assignments, after ':'. */
    private AValue literal(String text, State s, Tilde tilde, boolean first, boolean more) {
        if (tilde == Tilde.NONE || text.indexOf('~') < 0) return AValue.of(text);
        AValue r = AValue.EMPTY;
        int i = 0;
        int segStart = 0;
        while (i <= text.length()) {
            boolean atStart = (i == 0 && first) || (tilde == Tilde.ASSIGNMENT && i > 0 && text.charAt(i - 1) == ':');
            if (i < text.length() && text.charAt(i) == '~' && atStart) {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '/' && !(tilde == Tilde.ASSIGNMENT && text.charAt(end) == ':')) end++;
                String user = text.substring(i + 1, end);
                boolean endsPrefix = end < text.length() || !more;
                if (!endsPrefix) {
                    i++;
                    continue;
                }
                r = r.concat(text.substring(segStart, i));
                r = r.concat(tildeValue(user, s));
                i = end;
                segStart = end;
                continue;
            }
            i++;
        }
        if (segStart < text.length()) r = r.concat(text.substring(segStart));
        return r;
    }

    AValue tildeValue(String user, State s) {
        if (user.isEmpty()) {
            Var home = s.get("HOME");
            if (home != null && home.set == Tri.TRUE && home.value != null) return home.value;
            if (home == null || home.set == Tri.FALSE) {
                if (s.tainted) return AValue.unknown("~");
                return AValue.unknown("~ (HOME unset: the passwd home)");
            }
            return AValue.unknown("~");
        }
        if (user.equals("+")) return varValue("PWD", s);
        if (user.equals("-")) return varValue("OLDPWD", s);
        return AValue.unknownNonEmpty("~" + user);
    }

    private AValue varValue(String name, State s) {
        Var v = s.get(name);
        if (v == null || v.set == Tri.FALSE) return s.tainted ? AValue.unknown("$" + name) : AValue.EMPTY;
        if (v.set == Tri.UNKNOWN) return AValue.unknown("$" + name);
        return v.value == null ? AValue.unknown("$" + name) : v.value;
    }

    // ---------------------------------------------------------------- parameters

    /** Whether a parameter is set: TRUE, FALSE or UNKNOWN. */
    Tri isSet(String name, State s) {
        Var v = s.get(name);
        if (v == null || v.set == Tri.FALSE) return s.tainted ? Tri.UNKNOWN : Tri.FALSE;
        return v.set;
    }

    AValue param(WordPart.Param p, State s, boolean quoted) {
        String name = p.name();
        referenced.add(name);
        if (p.nested() != null || name.isEmpty()) return AValue.unknown(label(p));
        if ("+".equals(p.prefix())) {
            if (name.equals("commands") && p.index() != null) {
                Tri t = in.commandExists(p.index(), s, false);
                return t == Tri.TRUE ? AValue.of("1") : t == Tri.FALSE ? AValue.of("0") : AValue.unknownNonEmpty(label(p));
            }
            if (p.index() != null) return AValue.unknownNonEmpty(label(p));
            Tri set = isSet(name, s);
            return set == Tri.TRUE ? AValue.of("1") : set == Tri.FALSE ? AValue.of("0") : AValue.unknownNonEmpty(label(p));
        }
        String zflags = p.zshFlags() == null ? "" : p.zshFlags();
        if (zflags.equals("=")) zflags = "";
        if (zflags.startsWith("(") && zflags.endsWith(")")) zflags = zflags.substring(1, zflags.length() - 1);
        boolean modelled = !p.complex()
                || p.nested() == null && p.op() != null && Set.of("^^", ",,", "^", ",", ":").contains(p.op()) && zflags.isEmpty()
                || p.nested() == null && p.op() == null && p.index() == null && !zflags.isEmpty() && p.prefix().isEmpty();
        if (!modelled || !zflags.chars().allMatch(c -> "ULCP".indexOf(c) >= 0)) {
            return AValue.unknown(label(p));
        }
        if ("!".equals(p.prefix()) && dialect() != Dialect.ZSH && p.op() == null
                && ("@".equals(p.index()) || "*".equals(p.index()))) {
            // ${!arr[@]}: the indices of an indexed array whose shape is known
            Var v = s.get(name);
            if (v == null || v.set == Tri.FALSE) return s.tainted ? AValue.unknown(label(p)) : AValue.EMPTY;
            if (v.set != Tri.TRUE || v.array == null || v.isArray != Tri.TRUE) return AValue.unknown(label(p));
            List<String> keys = new ArrayList<>();
            for (int k = 0; k < v.array.size(); k++) keys.add(Integer.toString(k));
            return AValue.of(String.join(" ", keys));
        }
        if ("!".equals(p.prefix()) || zflags.contains("P")) {
            // indirection: the value names another variable
            if (p.index() != null || p.op() != null && !"!".equals(p.prefix())) return AValue.unknown(label(p));
            AValue target = varValue(name, s);
            String t = target.exact();
            if (t == null || !dev.envreach.syntax.TreeWalk.isName(t) || p.op() != null) return AValue.unknown(label(p));
            referenced.add(t);
            return caseFlags(zflags, varValue(t, s), p);
        }
        if (!zflags.isEmpty()) {
            if (p.op() != null || p.index() != null || !p.prefix().isEmpty()) return AValue.unknown(label(p));
            return caseFlags(zflags, varValue(name, s), p);
        }
        if (DYNAMIC.contains(name) && (s.get(name) == null || !DYNAMIC_SETTABLE.contains(name))) {
            return AValue.unknown(label(p));
        }
        if (dialect() == Dialect.ZSH && (ZSH_SPECIAL_HASHES.contains(name) && s.get(name) == null
                || p.index() != null && p.index().startsWith("("))) {
            // $commands[git], $aliases, $options[...], subscript flags $arr[(i)pat]: not modelled
            return AValue.unknown(label(p));
        }
        AValue base;
        Tri set;
        if (name.equals("-")) {
            base = in.dashFlags(s);
            set = Tri.TRUE;
        } else if (name.equals("?") && s.code != null) {
            base = AValue.of(Integer.toString(s.code));
            set = Tri.TRUE;
        } else if (name.equals("?") || name.equals("$") || name.equals("!")) {
            base = AValue.unknown(label(p));
            set = Tri.TRUE;
        } else if (name.equals("@") || name.equals("*") || name.equals("#") || name.chars().allMatch(Character::isDigit)) {
            List<AValue> pos = in.positional();
            if (name.equals("0")) {
                base = AValue.unknownNonEmpty("$0");
                set = Tri.TRUE;
            } else if (pos == null) {
                base = AValue.unknown(label(p));
                set = Tri.UNKNOWN;
            } else if (name.equals("#")) {
                base = AValue.of(Integer.toString(pos.size()));
                set = Tri.TRUE;
            } else if (name.equals("@") || name.equals("*")) {
                base = AValue.join(pos, " ");
                set = Tri.of(!pos.isEmpty());
            } else {
                int k = Integer.parseInt(name.length() > 6 ? "999999" : name);
                set = Tri.of(k >= 1 && k <= pos.size());
                base = set == Tri.TRUE ? pos.get(k - 1) : AValue.EMPTY;
            }
        } else {
            Var v = s.get(name);
            set = isSet(name, s);
            List<AValue> elements = arrayElements(name, s);
            if (elements != null && dialect() == Dialect.ZSH && !name.equals("argv")) {
                set = Tri.TRUE;
                if (p.index() == null) {
                    if ("#".equals(p.prefix())) return AValue.of(Integer.toString(elements.size()));
                    base = AValue.join(elements, " ");
                } else {
                    AValue el = index(elements, p.index(), true, s);
                    base = el == null ? AValue.unknown(label(p)) : el;
                }
            } else if (p.index() != null && elements != null && !p.index().equals("@") && !p.index().equals("*")) {
                AValue el = index(elements, p.index(), false, s);
                base = el == null ? AValue.unknown(label(p)) : el;
            } else if (p.index() != null) {
                String idx = p.index();
                if (v != null && v.array != null && (idx.equals("@") || idx.equals("*"))) base = AValue.join(v.array, " ");
                else if (v != null && v.array == null && v.set == Tri.TRUE && v.value != null && (idx.equals("@") || idx.equals("*") || idx.equals("0") && dialect() != Dialect.ZSH)) base = v.value;
                else if (set == Tri.FALSE) base = AValue.EMPTY;
                else base = AValue.unknown(label(p));
            } else if (set == Tri.FALSE) {
                base = AValue.EMPTY;
            } else if (set == Tri.UNKNOWN || v == null || v.value == null) {
                base = AValue.unknown(label(p));
            } else {
                base = v.value;
            }
        }
        if ("#".equals(p.prefix())) {
            List<AValue> els = arrayElements(name, s);
            if (els != null && p.index() != null && (p.index().equals("@") || p.index().equals("*"))) return AValue.of(Integer.toString(els.size()));
            String e = base.exact();
            return e != null && set != Tri.UNKNOWN ? AValue.of(Integer.toString(e.length())) : AValue.unknown(label(p));
        }
        String op = p.op();
        if (op == null) return base;
        switch (op) {
            case ":-", "-", ":=", "=", ":+", "+", ":?", "?" -> {
                boolean colon = op.startsWith(":");
                Tri useDefault = colon ? set.not().or(set == Tri.TRUE ? base.isEmpty() : Tri.FALSE) : set.not();
                if (set == Tri.UNKNOWN) useDefault = Tri.UNKNOWN;
                String kind = op.substring(op.length() - 1);
                AValue arg = p.arg() == null ? AValue.EMPTY : parts(p.arg().parts(), s, quoted ? Tilde.NONE : Tilde.WORD, quoted, true);
                return switch (kind) {
                    case "-" -> pick(useDefault, arg, base, p);
                    case "=" -> {
                        AValue r = pick(useDefault, arg, base, p);
                        if (useDefault != Tri.FALSE) in.assignFromExpansion(name, useDefault == Tri.TRUE ? arg : r, s);
                        yield r;
                    }
                    case "+" -> pick(useDefault, AValue.EMPTY, arg, p);
                    default -> useDefault == Tri.FALSE ? base : AValue.unknown(label(p));
                };
            }
            case "#", "##", "%", "%%" -> {
                String e = base.exact();
                String pat = pattern(p.arg(), s);
                if (e == null || pat == null || Glob.unsupported(pat)) return AValue.unknown(label(p));
                return AValue.of(removePattern(e, pat, op));
            }
            case "/", "//" -> {
                String e = base.exact();
                String pat = pattern(p.arg(), s);
                AValue rep = p.arg2() == null ? AValue.EMPTY : scalar(p.arg2(), s, Tilde.NONE);
                if (e == null || pat == null || Glob.hasMeta(pat) || rep.exact() == null || pat.startsWith("#") || pat.startsWith("%")) {
                    return AValue.unknown(label(p));
                }
                String lit = Glob.unescape(pat);
                if (lit.isEmpty()) return AValue.of(e);
                return AValue.of(op.equals("//") ? e.replace(lit, rep.exact()) : replaceFirst(e, lit, rep.exact()));
            }
            case "^^", ",,", "^", "," -> {
                String e = base.exact();
                if (e == null || p.arg() != null && !p.arg().parts().isEmpty()) return AValue.unknown(label(p));
                if (op.length() == 1) {
                    if (e.isEmpty()) return base;
                    String first = e.substring(0, 1);
                    return AValue.of((op.equals("^") ? first.toUpperCase(java.util.Locale.ROOT) : first.toLowerCase(java.util.Locale.ROOT)) + e.substring(1));
                }
                return AValue.of(op.equals("^^") ? e.toUpperCase(java.util.Locale.ROOT) : e.toLowerCase(java.util.Locale.ROOT));
            }
            case ":" -> {
                String e = base.exact();
                String mods = dialect() == Dialect.ZSH ? ZshModifiers.text(p.arg()) : null;
                if (mods != null && !mods.isEmpty() && Character.isLetter(mods.charAt(0))) {
                    // zsh: ${x:t}, ${x:h:h}, ${x:t:r} are history-style modifiers, not an offset
                    String r = e == null ? null : ZshModifiers.apply(e, mods);
                    return r == null ? AValue.unknown(label(p)) : AValue.of(r);
                }
                if (e == null || p.arg() == null) return AValue.unknown(label(p));
                Long off = in.arith(scalar(p.arg(), s, Tilde.NONE).labels(), s);
                Long len = p.arg2() == null ? null : in.arith(scalar(p.arg2(), s, Tilde.NONE).labels(), s);
                if (off == null || p.arg2() != null && len == null) return AValue.unknown(label(p));
                int n = e.length();
                long st = off < 0 ? Math.max(0, n + off) : Math.min(off, n);
                long en = len == null ? n : len < 0 ? n + len : Math.min(n, st + len);
                if (en < st) return AValue.unknown(label(p));
                return AValue.of(e.substring((int) st, (int) en));
            }
            default -> {
                return AValue.unknown(label(p));
            }
        }
    }

    private static final Set<String> DYNAMIC = Set.of("RANDOM", "SRANDOM", "SECONDS", "EPOCHSECONDS", "EPOCHREALTIME",
            "LINENO", "BASHPID", "PPID", "HOSTNAME", "HOST", "BASH_COMMAND", "BASH_SUBSHELL", "UID", "EUID", "GROUPS",
            "MACHTYPE", "HOSTTYPE", "BASH_VERSINFO", "BASH_LINENO", "FUNCNAME", "BASH_SOURCE", "COLUMNS", "LINES",
            "USERNAME", "TTY", "TTYIDLE", "SHLVL_UNKNOWN", "PIPESTATUS", "COMP_WORDS", "HISTCMD", "ZSH_PATCHLEVEL");
    /** zsh's special associative arrays (zsh/parameter and friends), filled by the shell itself. */
    private static final Set<String> ZSH_SPECIAL_HASHES = Set.of("commands", "aliases", "galiases", "saliases",
            "functions", "builtins", "options", "parameters", "widgets", "modules", "nameddirs", "userdirs",
            "history", "historywords", "jobstates", "jobtexts", "dirstack", "terminfo", "termcap", "reswords",
            "dis_aliases", "dis_functions", "dis_builtins", "funcstack", "functrace", "funcfiletrace", "zsh_eval_context",
            "patchars", "dis_patchars", "sysparams", "errnos", "mapfile", "keymaps");
    private static final Set<String> DYNAMIC_SETTABLE = Set.of("COLUMNS", "LINES", "HOSTNAME", "HOST", "USERNAME");

    private AValue caseFlags(String flags, AValue v, WordPart.Param p) {
        if (flags.indexOf('U') < 0 && flags.indexOf('L') < 0 && flags.indexOf('C') < 0) return v;
        String e = v.exact();
        if (e == null) return AValue.unknown(label(p));
        if (flags.indexOf('U') >= 0) return AValue.of(e.toUpperCase(java.util.Locale.ROOT));
        if (flags.indexOf('L') >= 0) return AValue.of(e.toLowerCase(java.util.Locale.ROOT));
        StringBuilder sb = new StringBuilder();
        boolean start = true;
        for (char c : e.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
                start = false;
            } else {
                sb.append(c);
                start = true;
            }
        }
        return AValue.of(sb.toString());
    }

    /** The elements of an array (zsh tied arrays derived from their scalar); null when not an array or unknown. */
    List<AValue> arrayElements(String name, State s) {
        if (dialect() == Dialect.ZSH && Interpreter.TIED_ARRAYS.containsKey(name)) return in.tiedElements(s, name);
        Var v = s.get(name);
        if (v != null && v.array != null && v.set == Tri.TRUE && !v.assoc) return v.array;
        return null;
    }

    /**
     * zsh {@code ${arr:#pattern}} (elements not matching removed) and {@code ${(M)arr:#pattern}} (only
     * matching ones kept), also nested ({@code ${${arr:#pat1}:#pat2}}), as the words of an unquoted
     * expansion. Null when the word is not such an expansion; unknown when the array or the pattern is not
     * known.
     */
    private Fields filterWords(List<WordPart> parts, State s) {
        if (dialect() != Dialect.ZSH || parts.size() != 1 || !(parts.get(0) instanceof WordPart.Param pp)) return null;
        if (!isFilter(pp)) return null;
        List<AValue> els = filtered(pp, s);
        if (els == null) return Fields.unknown(AValue.unknown(label(pp)));
        List<AValue> out = new ArrayList<>();
        for (AValue e : els) {
            if (e.isEmpty() == Tri.UNKNOWN) return Fields.unknown(AValue.unknown(label(pp)));
            if (e.isEmpty() == Tri.FALSE) out.add(e);
        }
        return new Fields(out, true);
    }

    private static boolean isFilter(WordPart.Param pp) {
        if (!":".equals(pp.op()) || pp.index() != null || !pp.prefix().isEmpty()) return false;
        String flags = pp.zshFlags() == null ? "" : pp.zshFlags();
        if (!flags.isEmpty() && !flags.equals("(M)")) return false;
        return pp.arg() != null && !pp.arg().parts().isEmpty() && pp.arg().parts().get(0) instanceof WordPart.Literal l
                && l.text().startsWith("#");
    }

    private List<AValue> filtered(WordPart.Param pp, State s) {
        List<AValue> base;
        if (pp.nested() instanceof WordPart.Param inner) {
            if (!isFilter(inner)) return null;
            base = filtered(inner, s);
        } else if (pp.nested() != null || pp.name().isEmpty()) {
            return null;
        } else {
            referenced.add(pp.name());
            base = arrayElements(pp.name(), s);
            if (base == null) {
                Var v = s.get(pp.name());
                if (v == null || v.set == Tri.FALSE) base = s.tainted ? null : List.of();
                else if (v.set == Tri.TRUE && v.value != null && v.isArray == Tri.FALSE) base = List.of(v.value);
            }
        }
        if (base == null) return null;
        WordPart.Literal first = (WordPart.Literal) pp.arg().parts().get(0);
        List<WordPart> patParts = new ArrayList<>(pp.arg().parts());
        patParts.set(0, new WordPart.Literal(first.span(), first.text().substring(1)));
        String pat = pattern(new Word(pp.arg().span(), patParts), s);
        if (pat == null || Glob.unsupported(pat)) return null;
        boolean keepMatching = "(M)".equals(pp.zshFlags());
        List<AValue> out = new ArrayList<>();
        for (AValue e : base) {
            String x = e.exact();
            if (x == null) return null;
            if (Glob.matches(pat, x) == keepMatching) out.add(e);
        }
        return out;
    }

    private static final Pattern HASH_FLAGS = Pattern.compile("\\(@?(k|v|kv|vk)@?\\)");

    /**
     * zsh {@code ${(k)h}}, {@code ${(v)h}}, {@code "${(@kv)h}"} on an associative array of known pairs: the keys,
     * values or both as separate words. zsh's order is its hash order, not the assignment order: the
     * result is marked unordered. Null when the word is not such an expansion.
     */
    private Fields hashWords(List<WordPart> parts, State s) {
        if (dialect() != Dialect.ZSH || parts.size() != 1) return null;
        WordPart p = parts.get(0);
        boolean quoted = false;
        if (p instanceof WordPart.DoubleQuoted dq && dq.parts().size() == 1) {
            p = dq.parts().get(0);
            quoted = true;
        }
        if (!(p instanceof WordPart.Param pp) || pp.zshFlags() == null || pp.op() != null || pp.index() != null
                || pp.nested() != null || !pp.prefix().isEmpty()) return null;
        Matcher m = HASH_FLAGS.matcher(pp.zshFlags());
        if (!m.matches()) return null;
        referenced.add(pp.name());
        Var v = s.get(pp.name());
        if (v == null || !v.assoc || v.set != Tri.TRUE || v.array == null) return Fields.unknown(AValue.unknown(label(pp)));
        if (quoted && !pp.zshFlags().contains("@")) return Fields.unknown(AValue.unknown(label(pp)));
        boolean keys = m.group(1).contains("k");
        boolean values = m.group(1).contains("v");
        List<AValue> out = new ArrayList<>();
        for (int i = 0; i + 1 < v.array.size(); i += 2) {
            if (keys) out.add(v.array.get(i));
            if (values) out.add(v.array.get(i + 1));
        }
        if (!quoted) out.removeIf(x -> x.isEmpty() == Tri.TRUE);
        if (!quoted && out.stream().anyMatch(x -> x.isEmpty() != Tri.FALSE)) return Fields.unknown(AValue.unknown(label(pp)));
        return new Fields(out, true, true);
    }

    private AValue index(List<AValue> els, String idx, boolean oneBased, State s) {
        Long k = in.arith(idx, s);
        if (k == null) return null;
        int n = els.size();
        long i = k < 0 ? n + k : oneBased ? k - 1 : k;
        if (oneBased && k == 0) return AValue.EMPTY;
        if (i < 0 || i >= n) return AValue.EMPTY;
        return els.get((int) i);
    }

    private static String replaceFirst(String s, String lit, String rep) {
        int i = s.indexOf(lit);
        return i < 0 ? s : s.substring(0, i) + rep + s.substring(i + lit.length());
    }

    private AValue pick(Tri useFirst, AValue first, AValue second, WordPart.Param p) {
        if (useFirst == Tri.TRUE) return first;
        if (useFirst == Tri.FALSE) return second;
        if (first.equals(second)) return first;
        return AValue.unknown(label(p));
    }

    private static String removePattern(String v, String pat, String op) {
        switch (op) {
            case "#" -> {
                for (int i = 0; i <= v.length(); i++) if (Glob.matches(pat, v.substring(0, i))) return v.substring(i);
            }
            case "##" -> {
                for (int i = v.length(); i >= 0; i--) if (Glob.matches(pat, v.substring(0, i))) return v.substring(i);
            }
            case "%" -> {
                for (int i = v.length(); i >= 0; i--) if (Glob.matches(pat, v.substring(i))) return v.substring(0, i);
            }
            case "%%" -> {
                for (int i = 0; i <= v.length(); i++) if (Glob.matches(pat, v.substring(i))) return v.substring(0, i);
            }
            default -> {
                return v;
            }
        }
        return v;
    }

    private String label(WordPart p) {
        String t = in.sourceText(p.span());
        if (t == null || t.isEmpty()) return "…";
        return t.length() > 60 ? t.substring(0, 57) + "…" : t;
    }

    // ---------------------------------------------------------------- substitutions

    private static final Pattern UNAME = Pattern.compile("\\s*uname(\\s+-s)?\\s*");

    private AValue commandSubst(WordPart.CommandSubst cs, State s) {
        AValue simple = in.simpleSubstitution(cs.body(), s);
        if (simple != null) return simple;
        String text = in.sourceText(cs.span());
        String inner = text == null ? "" : text.startsWith("$(") && text.endsWith(")") ? text.substring(2, text.length() - 1)
                : text.startsWith("`") && text.endsWith("`") && text.length() >= 2 ? text.substring(1, text.length() - 1) : "";
        if (UNAME.matcher(inner).matches()) {
            String os = in.platformUname();
            if (os != null) return AValue.of(os);
        }
        if (ID_U.matcher(inner).matches() && !in.facts.pure() && in.facts.uid().isPresent()) {
            return AValue.of(Integer.toString(in.facts.uid().get()));
        }
        String label = text == null || text.isEmpty() ? "$(…)" : (text.length() > 60 ? text.substring(0, 57) + "…" : text);
        ToolKnowledge.Use tool = ToolKnowledge.match(cs.body(), toolText(cs.span()));
        if (tool != null) return AValue.toolOutput(label, false, tool);
        return AValue.unknown(label);
    }

    private String toolText(dev.envreach.syntax.Span span) {
        String t = in.sourceText(span);
        return Interpreter.shortText(t == null ? "…" : t);
    }

    private static final Pattern ID_U = Pattern.compile("\\s*id\\s+-u\\s*");
    private static final Pattern INT = Pattern.compile("\\s*(-?\\d{1,9})\\s*");

    AValue arith(String expr, State s) {
        Long v = in.arith(expr, s);
        if (v != null) return AValue.of(Long.toString(v));
        return AValue.unknown("$((" + expr + "))");
    }

    // ---------------------------------------------------------------- patterns

    /** A pattern string (quoted characters escaped), or null when a piece is unknown. */
    String pattern(Word w, State s) {
        if (w == null) return "";
        StringBuilder sb = new StringBuilder();
        return patternParts(w.parts(), s, false, sb, true) ? sb.toString() : null;
    }

    private boolean patternParts(List<WordPart> parts, State s, boolean quoted, StringBuilder sb, boolean start) {
        parts = ZshModifiers.attach(parts, dialect());
        for (int i = 0; i < parts.size(); i++) {
            WordPart p = parts.get(i);
            if (p instanceof WordPart.Literal l) {
                if (quoted) escape(l.text(), sb);
                else if (start && i == 0 && l.text().startsWith("~")) {
                    AValue v = literal(l.text(), s, Tilde.WORD, true, i + 1 < parts.size());
                    if (v.exact() == null) return false;
                    sb.append(v.exact());
                } else sb.append(l.text());
            } else if (p instanceof WordPart.Escaped e) escape(e.text(), sb);
            else if (p instanceof WordPart.SingleQuoted q) escape(q.value(), sb);
            else if (p instanceof WordPart.AnsiCQuoted a) escape(a.value(), sb);
            else if (p instanceof WordPart.DoubleQuoted d) {
                if (!patternParts(d.parts(), s, true, sb, false)) return false;
            } else {
                AValue v = p instanceof WordPart.Param pp ? param(pp, s, quoted)
                        : p instanceof WordPart.CommandSubst cs ? commandSubst(cs, s) : p instanceof WordPart.Arith ar ? arith(ar.expression(), s) : AValue.unknown("…");
                String e = v.exact();
                if (e == null) return false;
                if (quoted) escape(e, sb);
                else sb.append(e);
            }
        }
        return true;
    }

    private static void escape(String text, StringBuilder sb) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("*?[]\\".indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
    }

    // ---------------------------------------------------------------- fields

    /** Expands a command word into fields: braces, tilde, parameters, splitting (not zsh), globs. */
    Fields fields(Word w, State s) {
        Fields hash = hashWords(w.parts(), s);
        if (hash != null) return hash;
        Fields filtered = filterWords(w.parts(), s);
        if (filtered != null) return filtered;
        List<List<WordPart>> variants = braces(w.parts());
        List<AValue> out = new ArrayList<>();
        boolean exact = true;
        for (List<WordPart> parts : variants) {
            Fields f = fieldsOf(parts, s);
            out.addAll(f.items());
            exact &= f.exact();
        }
        return new Fields(out, exact);
    }

    private Fields fieldsOf(List<WordPart> parts, State s) {
        parts = ZshModifiers.attach(parts, dialect());
        if (dialect() == Dialect.ZSH && !parts.isEmpty() && parts.get(parts.size() - 1) instanceof WordPart.Literal last) {
            int open = qualifierStart(last.text());
            if (open >= 0 && (open > 0 || parts.size() > 1)) {
                String qual = last.text().substring(open + 1, last.text().length() - 1);
                List<WordPart> stripped = new ArrayList<>(parts.subList(0, parts.size() - 1));
                if (open > 0) stripped.add(new WordPart.Literal(last.span(), last.text().substring(0, open)));
                return qualifiedGlob(stripped, qual, s);
            }
        }
        boolean split = dialect() != Dialect.ZSH;
        boolean anyQuoted = false;
        boolean globbable = false;
        boolean splitUnknown = false;
        List<AValue> fields = new ArrayList<>();
        AValue cur = AValue.EMPTY;
        boolean curHas = false;
        for (int i = 0; i < parts.size(); i++) {
            WordPart p = parts.get(i);
            AValue toSplit = null;
            if (p instanceof WordPart.Param pp && (split || "=".equals(pp.zshFlags())) && !"+".equals(pp.prefix()) && !"#".equals(pp.prefix())) {
                AValue v = param(pp, s, false);
                if (pp.index() != null && (pp.index().equals("@") || pp.index().equals("*")) && pp.prefix().isEmpty()
                        && pp.op() == null) {
                    Var var = s.get(pp.name());
                    if (var != null && var.array != null) {
                        for (int k = 0; k < var.array.size(); k++) {
                            if (k > 0) {
                                fields.add(cur);
                                cur = AValue.EMPTY;
                            }
                            cur = cur.concat(var.array.get(k));
                            curHas = true;
                        }
                        continue;
                    }
                }
                toSplit = v;
            } else if (p instanceof WordPart.CommandSubst cs && split) {
                // an unquoted $(...) is split like a parameter when its output is known (a missing command: "")
                toSplit = commandSubst(cs, s);
            }
            if (toSplit != null) {
                // field splitting of an unquoted expansion with a known value
                AValue v = toSplit;
                String e = v.exact();
                if (e == null) {
                    splitUnknown = true;
                    cur = cur.concat(v);
                    curHas = true;
                    continue;
                }
                String[] words = e.split("[ \t\n]+", -1);
                for (int k = 0; k < words.length; k++) {
                    if (k > 0) {
                        if (curHas || !cur.equals(AValue.EMPTY)) fields.add(cur);
                        cur = AValue.EMPTY;
                        curHas = false;
                    }
                    if (!words[k].isEmpty()) {
                        cur = cur.concat(words[k]);
                        curHas = true;
                    }
                }
                if (Glob.hasMeta(e)) globbable = true;
                continue;
            }
            if (p instanceof WordPart.Param pp && dialect() == Dialect.ZSH && pp.index() == null && !"+".equals(pp.prefix()) && !"#".equals(pp.prefix()) && pp.op() == null) {
                List<AValue> els = arrayElements(pp.name(), s);
                if (els != null && parts.size() == 1) {
                    for (AValue el : els) if (el.isEmpty() != Tri.TRUE) fields.add(el);
                    return new Fields(fields, true);
                }
                if (dialect() == Dialect.ZSH && Interpreter.TIED_ARRAYS.containsKey(pp.name()) && els == null && parts.size() == 1) {
                    return Fields.unknown(AValue.unknown("$" + pp.name()));
                }
                AValue v = param(pp, s, false);
                if (parts.size() == 1 && v.isEmpty() == Tri.TRUE) return new Fields(List.of(), true);
                if (parts.size() == 1 && v.isEmpty() == Tri.UNKNOWN) splitUnknown = true;
                cur = cur.concat(v);
                curHas = true;
                continue;
            }
            AValue v = parts(List.of(p), s, i == 0 ? Tilde.WORD : Tilde.NONE, false, i == 0);
            if (p instanceof WordPart.Literal l) {
                if (Glob.hasMeta(l.text())) globbable = true;
            } else if (p instanceof WordPart.CommandSubst && split) {
                splitUnknown = true;
            } else {
                anyQuoted = true;
            }
            cur = cur.concat(v);
            curHas = true;
        }
        if (curHas || anyQuoted) fields.add(cur);
        if (splitUnknown) return new Fields(fields, false);
        if (globbable) return glob(parts, fields, s);
        return new Fields(fields, true);
    }

    /** Pathname expansion through facts: only a last path component may hold a pattern. */
    private Fields glob(List<WordPart> parts, List<AValue> fields, State s) {
        if (fields.size() != 1) return new Fields(fields, false);
        String pat = patternOf(parts, s);
        if (pat == null) return new Fields(fields, false);
        List<String> paths = globPaths(pat, false, s);
        if (paths == null) return new Fields(fields, false);
        List<AValue> out = new ArrayList<>();
        for (String p : paths) out.add(AValue.of(p));
        if (out.isEmpty()) {
            if (dialect() == Dialect.ZSH) return new Fields(List.of(AValue.unknown(Glob.unescape(pat) + " (no match: zsh reports an error)")), false);
            return new Fields(List.of(AValue.of(Glob.unescape(pat))), true); // bash, sh: the word stays as written
        }
        return new Fields(out, true);
    }

    /**
     * zsh glob qualifiers at the end of a word ({@code *.zsh(N)}, {@code ~/bin(N/)}): where the
     * parenthesised group starts, or -1 when the word ends otherwise or the group is an alternation.
     */
    static int qualifierStart(String text) {
        if (!text.endsWith(")")) return -1;
        int open = text.lastIndexOf('(');
        if (open < 0 || open == text.length() - 2) return -1;
        String q = text.substring(open + 1, text.length() - 1);
        if (q.startsWith("#")) return -1;
        for (char c : q.toCharArray()) {
            if (c == '|' || c == '(' || c == ' ' || c == '~') return -1;
        }
        return open;
    }

    /**
     * A word with zsh glob qualifiers: the word is a pattern even without * ? [ (a bare path is kept
     * only when it exists). Modelled: N (no match gives no word instead of an error), / (directories),
     * . (plain files), D (names starting with a dot too); any other qualifier makes the fields unknown.
     */
    private Fields qualifiedGlob(List<WordPart> parts, String qual, State s) {
        String label = in.sourceText(Span.of(parts.get(0).span().start(), parts.get(parts.size() - 1).span().end()));
        AValue unknown = AValue.unknown((label == null ? "…" : label) + "(" + qual + ")");
        for (char c : qual.toCharArray()) {
            if ("N/.D".indexOf(c) < 0) return Fields.unknown(unknown);
        }
        boolean nullGlob = qual.indexOf('N') >= 0;
        boolean dirs = qual.indexOf('/') >= 0;
        boolean plain = qual.indexOf('.') >= 0;
        boolean dot = qual.indexOf('D') >= 0;
        String pat = patternOf(parts, s);
        if (pat == null || in.facts.pure()) return Fields.unknown(unknown);
        List<String> candidates = new ArrayList<>();
        if (!Glob.hasMeta(pat)) {
            candidates.add(Glob.unescape(pat));
        } else {
            List<String> found = globPaths(pat, dot, s);
            if (found == null) return Fields.unknown(unknown);
            candidates.addAll(found);
        }
        List<AValue> out = new ArrayList<>();
        for (String c : candidates) {
            if (!c.startsWith("/") || Interpreter.touched(s, c) || Interpreter.removed(s, c)) return Fields.unknown(unknown);
            Tri ok = dirs ? in.facts.isDirectory(c) : plain ? in.facts.isRegularFile(c) : in.facts.exists(c);
            if (ok == Tri.UNKNOWN) return Fields.unknown(unknown);
            if (ok == Tri.TRUE) out.add(AValue.of(c));
        }
        if (out.isEmpty() && !nullGlob) {
            return Fields.unknown(AValue.unknown(Glob.unescape(pat) + " (no match: zsh reports an error)"));
        }
        return new Fields(out, true);
    }

    private static final int MAX_GLOB_PATHS = 2000;
    private static final int MAX_GLOB_DEPTH = 8;

    /**
     * Pathname expansion of an absolute pattern through facts, any component may hold a pattern; zsh's
     * {@code **}/ matches any number of directories (not starting with a dot, links not followed).
     * The matches sorted, or null when a listing is not known (or bash's {@code **}, which depends on globstar).
     */
    private List<String> globPaths(String pat, boolean dot, State s) {
        if (!pat.startsWith("/")) return null;
        int meta = 0;
        while (meta < pat.length() && "*?[".indexOf(pat.charAt(meta)) < 0) meta++;
        String base = Glob.unescape(pat.substring(0, Math.max(1, pat.lastIndexOf('/', Math.max(0, meta - 1)))));
        if (Interpreter.touched(s, base) || Interpreter.removed(s, base)) return null; // an earlier command may have changed what is there
        String[] comps = pat.substring(1).split("/", -1);
        List<String> current = new ArrayList<>(List.of(""));
        for (int i = 0; i < comps.length; i++) {
            String c = comps[i];
            boolean lastComp = i == comps.length - 1;
            if (c.isEmpty()) {
                if (lastComp) {
                    // a trailing slash: directories only
                    List<String> dirs = new ArrayList<>();
                    for (String p : current) {
                        Tri d = in.facts.isDirectory(p.isEmpty() ? "/" : p);
                        if (d == Tri.UNKNOWN) return null;
                        if (d == Tri.TRUE) dirs.add(p + "/");
                    }
                    current = dirs;
                }
                continue;
            }
            if (c.equals("**") && !lastComp) {
                if (dialect() != Dialect.ZSH) return null;
                List<String> all = new ArrayList<>(current);
                List<String> frontier = current;
                for (int depth = 0; depth < MAX_GLOB_DEPTH && !frontier.isEmpty(); depth++) {
                    List<String> next = new ArrayList<>();
                    for (String p : frontier) {
                        var listing = in.listDirectory(p.isEmpty() ? "/" : p);
                        if (listing.isEmpty()) return null;
                        for (String name : listing.get()) {
                            if (name.startsWith(".")) continue;
                            String child = p + "/" + name;
                            Tri d = in.facts.isDirectory(child);
                            Tri l = in.facts.isSymlink(child);
                            if (d == Tri.UNKNOWN || l == Tri.UNKNOWN) return null;
                            if (d == Tri.TRUE && l == Tri.FALSE) next.add(child);
                        }
                    }
                    all.addAll(next);
                    if (all.size() > MAX_GLOB_PATHS) return null;
                    frontier = next;
                }
                if (!frontier.isEmpty()) return null; // deeper than modelled
                current = all;
                continue;
            }
            if (Glob.unsupported(c)) return null;
            if (!Glob.hasMeta(c)) {
                String lit = Glob.unescape(c);
                List<String> next = new ArrayList<>();
                for (String p : current) next.add(p + "/" + lit);
                current = next;
                continue;
            }
            List<String> next = new ArrayList<>();
            for (String p : current) {
                var listing = in.listDirectory(p.isEmpty() ? "/" : p);
                if (listing.isEmpty()) return null;
                for (String name : listing.get()) {
                    if (name.startsWith(".") && !dot && !c.startsWith(".") && !c.startsWith("\\.")) continue;
                    if (Glob.matches(c, name)) next.add(p + "/" + name);
                }
            }
            if (next.size() > MAX_GLOB_PATHS) return null;
            current = next;
        }
        // components written without a pattern must exist for the path to match
        List<String> out = new ArrayList<>();
        for (String p : current) {
            Tri e = in.facts.exists(p.isEmpty() ? "/" : p);
            if (e == Tri.UNKNOWN) return null;
            if (e == Tri.TRUE) out.add(p.isEmpty() ? "/" : p);
        }
        java.util.Collections.sort(out);
        return out;
    }

    private String patternOf(List<WordPart> parts, State s) {
        StringBuilder sb = new StringBuilder();
        return patternParts(parts, s, false, sb, true) ? sb.toString() : null;
    }

    // ---------------------------------------------------------------- braces

    private static final int MAX_BRACE = 64;

    /** Brace expansion inside unquoted literal parts ({@code ~/.{a,b}}, {@code {1..3}}). */
    List<List<WordPart>> braces(List<WordPart> parts) {
        List<List<WordPart>> result = new ArrayList<>();
        result.add(new ArrayList<>());
        for (WordPart p : parts) {
            List<String> alts = p instanceof WordPart.Literal l && dialect() != Dialect.SH ? braceLiteral(l.text(), 0) : null;
            if (alts == null || alts.size() <= 1) {
                for (List<WordPart> r : result) r.add(p);
                continue;
            }
            List<List<WordPart>> next = new ArrayList<>();
            for (List<WordPart> r : result) {
                for (String a : alts) {
                    List<WordPart> copy = new ArrayList<>(r);
                    copy.add(new WordPart.Literal(p.span(), a));
                    next.add(copy);
                    if (next.size() > MAX_BRACE) return List.of(parts);
                }
            }
            result = next;
        }
        return result;
    }

    private static List<String> braceLiteral(String text, int depth) {
        if (depth > 8) return List.of(text);
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                open = i;
                int d = 0;
                int close = -1;
                List<Integer> commas = new ArrayList<>();
                for (int j = i; j < text.length(); j++) {
                    char c = text.charAt(j);
                    if (c == '{') d++;
                    else if (c == '}') {
                        d--;
                        if (d == 0) {
                            close = j;
                            break;
                        }
                    } else if (c == ',' && d == 1) commas.add(j);
                }
                if (close < 0) return List.of(text);
                String pre = text.substring(0, open);
                String post = text.substring(close + 1);
                String body = text.substring(open + 1, close);
                List<String> alts = new ArrayList<>();
                if (!commas.isEmpty()) {
                    int st = open + 1;
                    for (int c : commas) {
                        alts.add(text.substring(st, c));
                        st = c + 1;
                    }
                    alts.add(text.substring(st, close));
                } else {
                    Matcher m = Pattern.compile("(-?\\d{1,4})\\.\\.(-?\\d{1,4})").matcher(body);
                    if (!m.matches()) {
                        List<String> rest = braceLiteral(post, depth + 1);
                        List<String> out = new ArrayList<>();
                        for (String r : rest) out.add(text.substring(0, close + 1) + r);
                        return out;
                    }
                    int a = Integer.parseInt(m.group(1));
                    int b = Integer.parseInt(m.group(2));
                    int step = a <= b ? 1 : -1;
                    for (int k = a; ; k += step) {
                        alts.add(Integer.toString(k));
                        if (k == b || alts.size() > MAX_BRACE) break;
                    }
                }
                List<String> out = new ArrayList<>();
                for (String alt : alts) {
                    for (String expanded : braceLiteral(pre + alt + post, depth + 1)) {
                        out.add(expanded);
                        if (out.size() > MAX_BRACE) return List.of(text);
                    }
                }
                return out;
            }
        }
        return List.of(text);
    }

    static Span spanOf(Node n) {
        return n.span();
    }
}
