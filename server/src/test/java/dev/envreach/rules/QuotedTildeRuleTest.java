package dev.envreach.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ER105: quoted tildes in assignments. */
class QuotedTildeRuleTest {
    private final QuotedTildeRule rule = new QuotedTildeRule();

    @Test
    void aTildeInDoubleQuotesAtTheStartIsFlaggedAndFixedWithHome() {
        String text = "export PATH=\"~/bin:$PATH\"\n";
        List<Finding> fs = RuleTesting.run(rule, "~/.bashrc", text);
        assertEquals(1, fs.size());
        assertEquals(13, fs.get(0).span().start(), "the ~ itself");
        String fixed = RuleTesting.apply(text, fs.get(0).fixes().get(0).edits().get(0));
        assertEquals("export PATH=\"$HOME/bin:$PATH\"\n", fixed);
        assertTrue(RuleTesting.run(rule, "~/.bashrc", fixed).isEmpty(), "the fix clears the finding");
    }

    @Test
    void aTildeAfterAColonInsideQuotesIsFlagged() {
        List<Finding> fs = RuleTesting.run(rule, "~/.profile", "PATH=\"$PATH:~/.local/bin\"\n");
        assertEquals(1, fs.size());
        assertTrue(fs.get(0).message().contains("PATH"));
    }

    @Test
    void aSingleQuotedTildeIsRewrittenAsDoubleQuotes() {
        String text = "GOPATH='~/go'\n";
        List<Finding> fs = RuleTesting.run(rule, "~/.bashrc", text);
        assertEquals(1, fs.size());
        assertEquals("GOPATH=\"$HOME/go\"\n", RuleTesting.apply(text, fs.get(0).fixes().get(0).edits().get(0)));
    }

    @Test
    void unquotedTildesAndTildesInTheMiddleOfAWordAreFine() {
        assertTrue(RuleTesting.run(rule, "~/.bashrc", "PATH=~/bin:$PATH\nPATH=$PATH:~/go/bin\n").isEmpty(), "unquoted ~ is expanded");
        assertTrue(RuleTesting.run(rule, "~/.bashrc", "X=\"a~/b\"\nPS1='~ '\n").isEmpty(), "not at a position bash would expand");
        assertTrue(RuleTesting.run(rule, "~/.bashrc", "echo \"~/bin\"\n").isEmpty(), "not an assignment");
    }
}
