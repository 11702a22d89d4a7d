package dev.envreach.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every construct of {@link ShellSnippets} parses without errors in the dialects whose shell accepts it, into the
 * tree shape its entry describes; every deliberately invalid snippet is rejected in every dialect, with a message in
 * shell terms.
 */
class ConstructShapeTest {

    /** Words of ANTLR's default messages and token names that must never reach a user. */
    static final Pattern ANTLR_TERMS = Pattern.compile(
            "\\b(WORD|NEWLINE|ASSIGNMENT_WORD|SEMI|AMP|AND_IF|OR_IF|LPAREN|RPAREN|LBRACE|RBRACE|DSEMI|TEST_EXPR|ARITH_CMD)\\b"
                    + "|<EOF>|mismatched input|extraneous input|no viable alternative|missing '|token recognition"
                    + "|expecting \\{|rule [a-z]+ ");

    @TestFactory
    Stream<DynamicTest> validSnippetsHaveTheirShape() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ShellSnippets.Valid s : ShellSnippets.VALID) {
            for (Dialect d : s.dialects()) {
                tests.add(DynamicTest.dynamicTest(s.id() + " [" + d.id() + "]", () -> {
                    ParseResult r = Parser.parse(s.code(), d);
                    assertEquals(List.of(), r.errors(), "[" + s.id() + " / " + d.id() + "] errors for:\n" + s.code());
                    try {
                        s.shape().accept(r);
                    } catch (AssertionError e) {
                        throw new AssertionError("[" + s.id() + " / " + d.id() + "] wrong shape: " + e.getMessage(), e);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> invalidSnippetsAreRejectedInShellTerms() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ShellSnippets.Invalid s : ShellSnippets.INVALID) {
            for (Dialect d : Dialect.values()) {
                if (s.acceptedBy().contains(d)) continue;
                tests.add(DynamicTest.dynamicTest(s.id() + " [" + d.id() + "]", () -> {
                    ParseResult r = Parser.parse(s.code(), d);
                    assertFalse(r.errors().isEmpty(), "[" + s.id() + " / " + d.id() + "] no error for:\n" + s.code());
                    for (SyntaxError e : r.errors()) {
                        assertFalse(ANTLR_TERMS.matcher(e.message()).find(), "[" + s.id() + " / " + d.id() + "] parser jargon in: " + e.message());
                        assertTrue(e.span().start() >= 0 && e.span().end() <= s.code().length(), "span inside the text: " + e);
                    }
                    String first = r.errors().get(0).message();
                    assertTrue(first.contains(s.mentions()), "[" + s.id() + " / " + d.id() + "] the first message should mention " + s.mentions() + ": " + first);
                }));
            }
        }
        return tests.stream();
    }
}
