package dev.envreach.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ER107: empty PATH elements mean the current directory. */
class EmptyPathElementRuleTest {
    @TempDir
    Path tmp;

    private final EmptyPathElementRule rule = new EmptyPathElementRule();

    @Test
    void aTrailingColonIsFlaggedAndRemovedByTheFix() {
        String profile = "export PATH=\"$PATH:$HOME/bin:\"\n";
        List<Finding> fs = rule.check(RuleTesting.engine(tmp, Map.of("~/.profile", profile), "debian", "bash"));
        assertEquals(1, fs.size(), fs.toString());
        assertTrue(fs.get(0).message().contains("trailing"), fs.get(0).message());
        String fixed = RuleTesting.apply(profile, fs.get(0).fixes().get(0).edits().get(0));
        assertEquals("export PATH=\"$PATH:$HOME/bin\"\n", fixed);
        assertTrue(rule.check(RuleTesting.engine(tmp.resolve("b"), Map.of("~/.profile", fixed), "debian", "bash")).isEmpty());
    }

    @Test
    void anUnsetVariableAloneBeforeAColonIsFlagged() {
        String profile = "export PATH=\"$MYTOOLS:$PATH\"\n";
        List<Finding> fs = rule.check(RuleTesting.engine(tmp, Map.of("~/.profile", profile), "debian", "bash"));
        assertEquals(1, fs.size(), fs.toString());
        assertTrue(fs.get(0).message().contains("$MYTOOLS"), fs.get(0).message());
    }

    @Test
    void aWellFormedPathIsFine() {
        String profile = "MYTOOLS=/opt/tools/bin\nexport PATH=\"$MYTOOLS:$HOME/bin:$PATH\"\n";
        assertTrue(rule.check(RuleTesting.engine(tmp, Map.of("~/.profile", profile), "debian", "bash")).isEmpty());
    }
}
