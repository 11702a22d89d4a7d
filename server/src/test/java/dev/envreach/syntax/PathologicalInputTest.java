package dev.envreach.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Parsing never fails: hostile or broken input yields a tree plus errors, with no exception and no
 * {@link StackOverflowError} on the default 1 MiB thread stack, in bounded time (10 s each, far above what they take).
 */
class PathologicalInputTest {
    static final Duration LIMIT = Duration.ofSeconds(10);

    record Input(String name, Supplier<String> text, boolean mustHaveErrors) {}

    static String repeat(String s, int n) {
        return s.repeat(n);
    }

    static String binary(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static final int DEEP = 10_000;

    static List<Input> inputs() {
        List<Input> in = new ArrayList<>();
        in.add(new Input("random binary bytes", () -> binary(1, 200_000), false));
        in.add(new Input("NUL and control characters", () -> "echo \u0000\u0001\u0002 a\u0000b\nX=\u0000\n\u001b[31m\n", false));
        in.add(new Input("100,000 nested $( unclosed", () -> repeat("$(", 100_000), true));
        in.add(new Input("100,000 nested $( closed", () -> "echo " + repeat("$(echo ", 100_000) + repeat(")", 100_000) + "\n", false));
        in.add(new Input("100,000 nested ${ unclosed", () -> "echo " + repeat("${x:-", 100_000), true));
        in.add(new Input("100,000 nested backquotes and quotes", () -> repeat("\"`", 100_000), true));
        in.add(new Input("100,000 nested <( unclosed", () -> "cat " + repeat("<(", 100_000), true));
        in.add(new Input("100,000 nested $(( unclosed", () -> "echo " + repeat("$((", 100_000), true));
        in.add(new Input(DEEP + "-deep { }", () -> repeat("{ ", DEEP) + "echo" + repeat("; }", DEEP) + "\n", false));
        in.add(new Input(DEEP + "-deep { unclosed", () -> repeat("{ ", DEEP) + "echo\n", true));
        in.add(new Input(DEEP + "-deep if", () -> repeat("if true; then ", DEEP) + "echo" + repeat("; fi", DEEP) + "\n", false));
        in.add(new Input(DEEP + "-deep if unclosed", () -> repeat("if true; then\n", DEEP), true));
        in.add(new Input(DEEP + "-deep ( )", () -> repeat("( ", DEEP) + "echo" + repeat(" )", DEEP) + "\n", false));
        in.add(new Input(DEEP + "-deep ( unclosed", () -> repeat("( ", DEEP) + "echo\n", true));
        in.add(new Input(DEEP + "-deep while", () -> repeat("while a; do ", DEEP) + "b" + repeat("; done", DEEP) + "\n", false));
        in.add(new Input(DEEP + "-deep case", () -> repeat("case x in x) ", DEEP) + "b" + repeat(";; esac", DEEP) + "\n", false));
        in.add(new Input(DEEP + "-deep functions", () -> repeat("f() { ", DEEP) + "b" + repeat("; }", DEEP) + "\n", false));
        in.add(new Input(DEEP + "-long && chain", () -> "a" + repeat(" && a", DEEP * 10) + "\n", false));
        in.add(new Input(DEEP + "-long pipeline", () -> "a" + repeat(" | a", DEEP * 10) + "\n", false));
        in.add(new Input(DEEP + "-deep [[ ( ]]", () -> "[[ " + repeat("( ", DEEP) + "a" + repeat(" )", DEEP) + " ]]\n", false));
        in.add(new Input(DEEP + "-deep arithmetic parens", () -> "echo $((" + repeat("(", DEEP) + "1" + repeat(")", DEEP) + "))\n", false));
        in.add(new Input("5 MB of dotfile code", PathologicalInputTest::fiveMegabytes, false));
        in.add(new Input("5 MB single word", () -> repeat("a", 5_000_000), false));
        in.add(new Input("5 MB unterminated double quote", () -> "echo \"" + repeat("x $y ", 1_000_000), true));
        in.add(new Input("5 MB of newlines", () -> repeat("\n", 5_000_000), false));
        in.add(new Input("5 MB of ;", () -> repeat(";", 5_000_000), true));
        in.add(new Input("100,000 here-documents on one line", () -> "cat" + repeat(" <<E", 100_000) + "\n" + repeat("x\nE\n", 100_000), false));
        in.add(new Input("unterminated here-document", () -> "cat <<EOF\nline\nline\n", false));
        in.add(new Input("unterminated single quote", () -> "echo 'abc\nexport X=1\n", true));
        in.add(new Input("unterminated $'", () -> "echo $'abc\\", true));
        in.add(new Input("backslash at end of file", () -> "echo \\", false));
        for (String half : List.of("if", "if [", "if [ -n \"$x\" ]; then", "case", "case $x", "case $x in", "case $x in a)",
                "for", "for x", "for x in", "for ((", "while", "until x; do", "f()", "f() {", "function", "function f {",
                "{", "(", "$(", "${", "${x:-", "$((1+", "[[", "[[ -n", "[[ $x ==", "a &&", "a ||", "a |", "!", "x=(",
                "x=(a b", "export X=\"", "select", "repeat", "foreach x (", "() {", "echo $(( $(", "cat <<", "cat <<'")) {
            in.add(new Input("half-typed: " + half, () -> "export A=1\n" + half, false));
        }
        return in;
    }

    /** A 5 MB file built from realistic dotfile code. */
    static String fiveMegabytes() {
        String chunk = """
                # chunk
                export PATH="$HOME/bin:$PATH"
                if [ -d "$HOME/.cargo/bin" ]; then
                  PATH="$HOME/.cargo/bin:$PATH"
                fi
                case $- in *i*) ;; *) : ;; esac
                alias ll='ls -alF'
                f() { local x=${1:-default}; echo "${x#pre}" | tr a-z A-Z; }
                for d in /opt/*/bin; do [ -d "$d" ] && PATH="$d:$PATH"; done
                cat <<EOF > /dev/null
                here $USER
                EOF
                """;
        StringBuilder sb = new StringBuilder(5_200_000);
        while (sb.length() < 5_000_000) sb.append(chunk);
        return sb.toString();
    }

    @TestFactory
    Stream<DynamicTest> hostileInputsGiveATreeAndErrors() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Input input : inputs()) {
            for (Dialect d : Dialect.values()) {
                tests.add(DynamicTest.dynamicTest(input.name() + " [" + d.id() + "]", () -> {
                    String text = input.text().get();
                    ParseResult r;
                    try {
                        r = Bounded.run(LIMIT, () -> {
                            ParseResult res = Parser.parse(text, d);
                            res.assignments(); // consumers walk the tree on the same small stack
                            return res;
                        });
                    } catch (Throwable t) {
                        throw new AssertionError("[" + input.name() + " / " + d.id() + "] " + t, t);
                    }
                    assertNotNull(r);
                    assertNotNull(r.statements());
                    assertNotNull(r.errors());
                    assertEquals(text, r.text());
                    if (input.mustHaveErrors()) assertFalse(r.errors().isEmpty(), "[" + input.name() + " / " + d.id() + "] an error is reported");
                    for (SyntaxError e : r.errors()) {
                        assertTrue(e.span().start() >= 0 && e.span().start() <= e.span().end() && e.span().end() <= text.length(),
                                "error span inside the text: " + e.span());
                        assertFalse(e.message().isBlank());
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void fiveMegabytesOfValidCodeParseCleanly() {
        String text = fiveMegabytes();
        ParseResult r = Bounded.run(LIMIT, () -> Parser.parse(text, Dialect.BASH));
        assertEquals(List.of(), r.errors().subList(0, Math.min(3, r.errors().size())));
        int chunks = text.split("# chunk", -1).length - 1;
        assertEquals(chunks * 7, r.statements().size(), "seven top-level statements per chunk");
    }
}
