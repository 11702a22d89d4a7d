package dev.envreach.syntax;

import java.util.List;

/** A shell word: a sequence of parts with no unquoted blanks between them. */
public record Word(Span span, List<WordPart> parts) {

    /**
     * The word's value when it contains no expansion at all (quotes removed), else null.
     * Unquoted glob characters and tildes are returned as written.
     */
    public String literalValue() {
        StringBuilder sb = new StringBuilder();
        if (!appendLiteral(parts, sb)) return null;
        return sb.toString();
    }

    private static boolean appendLiteral(List<WordPart> parts, StringBuilder sb) {
        for (WordPart p : parts) {
            if (p instanceof WordPart.Literal l) sb.append(l.text());
            else if (p instanceof WordPart.Escaped e) sb.append(e.text());
            else if (p instanceof WordPart.SingleQuoted s) sb.append(s.value());
            else if (p instanceof WordPart.AnsiCQuoted a) sb.append(a.value());
            else if (p instanceof WordPart.DoubleQuoted d) {
                if (!appendLiteral(d.parts(), sb)) return false;
            } else return false;
        }
        return true;
    }

    /** True when the word is a single unquoted literal equal to {@code text}. */
    public boolean isPlain(String text) {
        return parts.size() == 1 && parts.get(0) instanceof WordPart.Literal l && l.text().equals(text);
    }

    /** True when any part is quoted or escaped. */
    public boolean hasQuotes() {
        for (WordPart p : parts) {
            if (!(p instanceof WordPart.Literal) && !(p instanceof WordPart.Param)
                    && !(p instanceof WordPart.CommandSubst) && !(p instanceof WordPart.Arith)
                    && !(p instanceof WordPart.ProcessSubst)) return true;
        }
        return false;
    }
}
