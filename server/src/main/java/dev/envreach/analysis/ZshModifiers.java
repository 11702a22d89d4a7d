package dev.envreach.analysis;

import dev.envreach.syntax.Dialect;
import dev.envreach.syntax.Span;
import dev.envreach.syntax.Word;
import dev.envreach.syntax.WordPart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * zsh's history-style modifiers on parameters: {@code ${x:t}}, {@code ${x:h:h}}, and also after an
 * unbraced parameter, {@code $x:t} (zsh applies them there too, inside double quotes as well).
 * The modelled ones are {@code h t r e l u a}; any other modifier makes the value unknown.
 */
final class ZshModifiers {
    private ZshModifiers() {}

    /** Letters that start a modifier after {@code $name:} (zsh's hist modifiers). */
    private static final String LETTERS = "htrelauAcPqQxsSg&";

    /**
     * In zsh, joins an unbraced {@code $name} and the modifiers that follow it in the next literal into one
     * braced parameter {@code ${name:mods}}; other parts are kept. Other dialects: unchanged.
     */
    static List<WordPart> attach(List<WordPart> parts, Dialect dialect) {
        if (dialect != Dialect.ZSH || parts.size() < 2) return parts;
        List<WordPart> out = null;
        for (int i = 0; i < parts.size(); i++) {
            WordPart p = parts.get(i);
            if (i + 1 < parts.size() && p instanceof WordPart.Param pp && !pp.braced() && pp.op() == null
                    && pp.index() == null && pp.nested() == null && !pp.name().isEmpty()
                    && parts.get(i + 1) instanceof WordPart.Literal l) {
                int n = consumed(l.text());
                if (n > 0) {
                    if (out == null) out = new ArrayList<>(parts.subList(0, i));
                    String mods = l.text().substring(1, n);
                    Span ls = l.span();
                    int cut = Math.min(ls.end(), ls.start() + n);
                    Span whole = Span.of(pp.span().start(), cut);
                    Word arg = new Word(Span.of(ls.start() + 1, cut), List.of(new WordPart.Literal(Span.of(ls.start() + 1, cut), mods)));
                    out.add(new WordPart.Param(whole, pp.name(), true, pp.prefix(), pp.zshFlags(), null, ":", arg, null,
                            null, true));
                    if (n < l.text().length()) out.add(new WordPart.Literal(Span.of(cut, ls.end()), l.text().substring(n)));
                    i++;
                    continue;
                }
            }
            if (out != null) out.add(p);
        }
        return out == null ? parts : out;
    }

    /** How many characters of {@code text} (starting with {@code :}) are modifiers; 0 when none. */
    static int consumed(String text) {
        int i = 0;
        while (i + 1 < text.length() && text.charAt(i) == ':' && LETTERS.indexOf(text.charAt(i + 1)) >= 0) {
            char m = text.charAt(i + 1);
            i += 2;
            if (m == 'g' || m == '&') continue;
            if (m == 's' || m == 'S') {
                if (i >= text.length()) return i;
                char delim = text.charAt(i);
                int seen = 0;
                i++;
                while (i < text.length() && seen < 2) {
                    if (text.charAt(i) == delim) seen++;
                    i++;
                }
                continue;
            }
            if (m == 'h' || m == 't') {
                while (i < text.length() && Character.isDigit(text.charAt(i))) i++;
            }
        }
        return i;
    }

    /** The raw text of a modifier word when it is plain literal text, else null. */
    static String text(Word w) {
        if (w == null) return null;
        StringBuilder b = new StringBuilder();
        for (WordPart p : w.parts()) {
            if (!(p instanceof WordPart.Literal l)) return null;
            b.append(l.text());
        }
        return b.toString();
    }

    /** Applies {@code t}, {@code h:h}, … to a known value; null when a modifier is not modelled. */
    static String apply(String value, String mods) {
        String v = value;
        for (String m : mods.split(":", -1)) {
            switch (m) {
                case "h" -> v = head(v);
                case "t" -> v = tail(v);
                case "r" -> {
                    int dot = v.lastIndexOf('.');
                    if (dot >= 0 && dot > v.lastIndexOf('/')) v = v.substring(0, dot);
                }
                case "e" -> {
                    int dot = v.lastIndexOf('.');
                    v = dot >= 0 && dot > v.lastIndexOf('/') ? v.substring(dot + 1) : "";
                }
                case "l" -> v = v.toLowerCase(Locale.ROOT);
                case "u" -> v = v.toUpperCase(Locale.ROOT);
                case "a" -> {
                    if (!v.startsWith("/")) return null; // relative to the working directory
                    v = normalise(v);
                }
                default -> {
                    return null;
                }
            }
        }
        return v;
    }

    private static String stripSlashes(String v) {
        int e = v.length();
        while (e > 1 && v.charAt(e - 1) == '/') e--;
        return v.substring(0, e);
    }

    private static String head(String v) {
        if (v.isEmpty()) return ".";
        String s = stripSlashes(v);
        if (s.equals("/")) return "/";
        int slash = s.lastIndexOf('/');
        if (slash < 0) return ".";
        if (slash == 0) return "/";
        return stripSlashes(s.substring(0, slash));
    }

    private static String tail(String v) {
        String s = stripSlashes(v);
        if (s.equals("/")) return "";
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private static String normalise(String v) {
        List<String> out = new ArrayList<>();
        for (String c : v.split("/")) {
            if (c.isEmpty() || c.equals(".")) continue;
            if (c.equals("..")) {
                if (!out.isEmpty()) out.remove(out.size() - 1);
            } else out.add(c);
        }
        return "/" + String.join("/", out);
    }
}
