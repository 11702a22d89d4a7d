package dev.envreach.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A typo on line 3 of a 400-line file must not hide the rest: every export on lines 10 to 400 is still in
 * {@link ParseResult#assignments()}, and the typo is reported. (An unterminated here-document is not among the
 * typos: the shells read the rest of the file as its body, so those lines are not exports at all.)
 */
class RecoveryTest {

    /** Typos a person makes while editing, each on one line. */
    static final List<String> TYPOS = List.of(
            "fi",
            "done",
            "esac",
            "then echo oops",
            "echo a )",
            "}",
            "echo a;;",
            "if [ -n \"$x\" ] then echo yes",
            "for x in a b; echo $x",
            "case $x in a) echo ;;",
            "while true do",
            "f() {",
            "echo $(ls",
            "echo ${x",
            "export PATH=\"$HOME/bin:$PATH",
            "alias ll='ls -l",
            "echo `date");

    /** Lines zsh reads without error (its short loop forms): only the survival of the exports is checked there. */
    static final Set<String> ZSH_ACCEPTS = Set.of("for x in a b; echo $x", "while true do");

    static String file(String typo) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ~/.bashrc\n");                       // line 1
        sb.append("umask 022\n");                         // line 2
        sb.append(typo).append('\n');                     // line 3
        for (int line = 4; line < 10; line++) sb.append("# filler ").append(line).append('\n');
        for (int line = 10; line <= 400; line++) {
            if (line % 50 == 0) {
                sb.append("if [ -d \"$HOME/opt" + line + "\" ]; then export OPT" + line + "=\"$HOME/opt" + line + "\"; fi\n");
            } else {
                sb.append("export VAR").append(line).append("=value").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    @TestFactory
    Stream<DynamicTest> exportsAfterATypoSurvive() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String typo : TYPOS) {
            for (Dialect d : Dialect.values()) {
                tests.add(DynamicTest.dynamicTest(typo + " [" + d.id() + "]", () -> {
                    String text = file(typo);
                    ParseResult r = Parser.parse(text, d);
                    if (!(d == Dialect.ZSH && ZSH_ACCEPTS.contains(typo))) {
                        assertFalse(r.errors().isEmpty(), "[" + typo + " / " + d.id() + "] the typo is reported");
                    }
                    Set<String> exported = new LinkedHashSet<>();
                    for (ParseResult.AssignmentSite a : r.assignments()) {
                        if (a.exported() && r.lines().line(a.span().start()) + 1 >= 10) exported.add(a.name());
                    }
                    List<String> missing = new ArrayList<>();
                    for (int line = 10; line <= 400; line++) {
                        String name = (line % 50 == 0 ? "OPT" : "VAR") + line;
                        if (!exported.contains(name)) missing.add(name);
                    }
                    assertEquals(List.of(), missing, "[" + typo + " / " + d.id() + "] exports lost after the typo on line 3 (errors: "
                            + r.errors().subList(0, Math.min(3, r.errors().size())) + ")");
                }));
            }
        }
        return tests.stream();
    }
}
