package dev.envreach.syntax;

import java.util.List;

/**
 * One piece of a shell word. Unquoted literal text keeps glob and brace characters; tilde
 * expansion is decided by the analysis (it depends on where the word stands).
 */
public sealed interface WordPart {
    Span span();

    /** Unquoted literal text, backslash escapes already removed from {@link Escaped} parts. */
    record Literal(Span span, String text) implements WordPart {}

    /** A backslash-escaped character outside quotes: literal, never globbed or tilde-expanded. */
    record Escaped(Span span, String text) implements WordPart {}

    /** {@code '...'}: the value is exactly the text between the quotes. */
    record SingleQuoted(Span span, String value) implements WordPart {}

    /** {@code $'...'}: ANSI-C quoting with escapes decoded. */
    record AnsiCQuoted(Span span, String value) implements WordPart {}

    /** {@code "..."} or {@code $"..."} ({@code localized}). Literal parts inside are quoted. */
    record DoubleQuoted(Span span, List<WordPart> parts, boolean localized) implements WordPart {}

    /**
     * A parameter expansion: {@code $x}, {@code ${x}}, {@code ${x:-w}}, {@code ${#x}}, {@code ${!x}},
     * {@code ${x[@]}}, zsh {@code ${(j.:.)path}}, {@code ${~x}}, {@code ${+x}}, {@code $+commands[go]}.
     *
     * @param name      the parameter: an identifier, a digit string, or one of {@code @*#?-$!0};
     *                  empty when the name is itself an expansion (zsh {@code ${${x}}})
     * @param braced    written with braces
     * @param prefix    {@code "#"} (length), {@code "!"} (indirection / keys), {@code "+"} (zsh: is set),
     *                  or "" ; zsh modifiers {@code ^ = ~} are kept in {@code zshFlags}
     * @param zshFlags  zsh flags in parentheses and {@code ^=~} modifiers, raw, "" when none
     * @param index     raw subscript text without brackets, null when none
     * @param op        the operator ({@code :- - := = :+ + :? ? # ## % %% / // /# /% ^ ^^ , ,, : @}), null when none
     * @param arg       the operator's word (for {@code /} the pattern), null when none
     * @param arg2      the replacement of {@code /}, or the length of {@code :offset:length}, null when none
     * @param nested    zsh nested expansion used as the name ({@code ${${x#a}%b}}), null when none
     * @param complex   true when envreach did not model the expansion fully (its value must be treated as unknown)
     */
    record Param(Span span, String name, boolean braced, String prefix, String zshFlags, String index,
                 String op, Word arg, Word arg2, WordPart nested, boolean complex) implements WordPart {
        public static Param simple(Span span, String name) {
            return new Param(span, name, false, "", "", null, null, null, null, null, false);
        }
    }

    /** {@code $(...)} or a backtick substitution; the body is parsed as a program. */
    record CommandSubst(Span span, List<Node.Statement> body, boolean backtick) implements WordPart {}

    /** {@code $((...))} or the deprecated {@code $[...]}; the expression is kept raw. */
    record Arith(Span span, String expression) implements WordPart {}

    /** {@code <(...)}, {@code >(...)}, zsh {@code =(...)}; {@code direction} is '<', '>' or '='. */
    record ProcessSubst(Span span, char direction, List<Node.Statement> body) implements WordPart {}
}
