package dev.envreach.analysis;

import dev.envreach.model.Tri;

/**
 * Shell pattern matching ({@code * ? [...]}, backslash escapes) on known strings. Patterns come
 * from {@link Expander#pattern}: quoted characters are backslash-escaped.
 */
final class Glob {
    private Glob() {}

    static boolean hasMeta(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '*' || c == '?') return true;
            if (c == '[' && pattern.indexOf(']', i + 2) > 0) return true;
        }
        return false;
    }

    /** Whether the pattern uses constructs this matcher does not model (extglob, zsh operators). */
    static boolean unsupported(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '(' || c == ')' || c == '|' || c == '#' && i > 0 || c == '^' && i == 0 || c == '~' && i > 0 || c == '<') return true;
        }
        return false;
    }

    static String unescape(String pattern) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) c = pattern.charAt(++i);
            sb.append(c);
        }
        return sb.toString();
    }

    static boolean matches(String pattern, String text) {
        return match(pattern, 0, text, 0, 0);
    }

    private static boolean match(String p, int pi, String t, int ti, int depth) {
        if (depth > 200) return false;
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') pi++;
                if (pi == p.length()) return true;
                for (int k = ti; k <= t.length(); k++) {
                    if (match(p, pi, t, k, depth + 1)) return true;
                }
                return false;
            }
            if (ti >= t.length()) return false;
            if (c == '?') {
                pi++;
                ti++;
                continue;
            }
            if (c == '[') {
                int end = classEnd(p, pi);
                if (end < 0) {
                    if (t.charAt(ti) != '[') return false;
                    pi++;
                    ti++;
                    continue;
                }
                if (!classMatches(p.substring(pi + 1, end), t.charAt(ti))) return false;
                pi = end + 1;
                ti++;
                continue;
            }
            if (c == '\\' && pi + 1 < p.length()) {
                c = p.charAt(++pi);
            }
            if (t.charAt(ti) != c) return false;
            pi++;
            ti++;
        }
        return ti == t.length();
    }

    private static int classEnd(String p, int start) {
        int i = start + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) i++;
        if (i < p.length() && p.charAt(i) == ']') i++;
        for (; i < p.length(); i++) {
            if (p.charAt(i) == ']') return i;
        }
        return -1;
    }

    private static boolean classMatches(String cls, char ch) {
        boolean negate = false;
        int i = 0;
        if (!cls.isEmpty() && (cls.charAt(0) == '!' || cls.charAt(0) == '^')) {
            negate = true;
            i = 1;
        }
        boolean found = false;
        for (; i < cls.length(); i++) {
            char a = cls.charAt(i);
            if (a == '[' && cls.startsWith("[:", i)) {
                int e = cls.indexOf(":]", i + 2);
                if (e > 0) {
                    String name = cls.substring(i + 2, e);
                    found |= switch (name) {
                        case "alpha" -> Character.isLetter(ch);
                        case "digit" -> Character.isDigit(ch);
                        case "alnum" -> Character.isLetterOrDigit(ch);
                        case "upper" -> Character.isUpperCase(ch);
                        case "lower" -> Character.isLowerCase(ch);
                        case "space" -> Character.isWhitespace(ch);
                        default -> false;
                    };
                    i = e + 1;
                    continue;
                }
            }
            if (i + 2 < cls.length() && cls.charAt(i + 1) == '-') {
                char b = cls.charAt(i + 2);
                if (ch >= a && ch <= b) found = true;
                i += 2;
            } else if (a == ch) {
                found = true;
            }
        }
        return found != negate;
    }

    /**
     * Matches a pattern against an abstract value: exact values are matched; {@code $-} flags and
     * values with a known prefix/suffix are decided when the pattern allows it.
     */
    static Tri matches(String pattern, AValue value) {
        if (pattern == null) return Tri.UNKNOWN;
        if (unsupported(pattern)) return Tri.UNKNOWN;
        String exact = value.exact();
        if (exact != null) return Tri.of(matches(pattern, exact));
        if (pattern.equals("*")) return Tri.TRUE;
        if (value.segs().size() == 1 && value.segs().get(0) instanceof AValue.Flags f) {
            // *X*  with a single letter X
            if (pattern.length() == 3 && pattern.charAt(0) == '*' && pattern.charAt(2) == '*') {
                char x = pattern.charAt(1);
                if (f.present().contains(x)) return Tri.TRUE;
                if (f.absent().contains(x)) return Tri.FALSE;
            }
            return Tri.UNKNOWN;
        }
        // known prefix and pattern "literal*"
        String prefix = value.knownPrefix();
        int star = pattern.indexOf('*');
        if (star >= 0 && !hasMeta(pattern.substring(0, star)) && pattern.substring(star).equals("*")) {
            String lit = unescape(pattern.substring(0, star));
            if (prefix.length() >= lit.length()) return Tri.of(prefix.startsWith(lit));
            if (!lit.startsWith(prefix)) return Tri.FALSE;
        }
        if (!hasMeta(pattern)) {
            String lit = unescape(pattern);
            if (!lit.startsWith(prefix)) return Tri.FALSE;
            String suffix = value.knownSuffix();
            if (!lit.endsWith(suffix)) return Tri.FALSE;
        }
        return Tri.UNKNOWN;
    }
}
