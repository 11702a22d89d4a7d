package dev.envreach.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ER106: PATH=$PATH:$GOPATH/bin above GOPATH=... */
class UsedBeforeSetRuleTest {
    @TempDir
    Path tmp;

    private final UsedBeforeSetRule rule = new UsedBeforeSetRule();

    @Test
    void aUseAboveTheOnlyAssignmentIsFlaggedAndTheFixMovesItBelow() {
        String profile = "export PATH=\"$PATH:$GOPATH/bin\"\nexport GOPATH=\"$HOME/go\"\n";
        RuleInput in = RuleTesting.engine(tmp, Map.of("~/.profile", profile), "debian", "bash");
        List<Finding> fs = rule.check(in);
        assertEquals(1, fs.size(), fs.toString());
        Finding f = fs.get(0);
        assertEquals(profile.indexOf("GOPATH/bin"), f.span().start());
        assertTrue(f.message().contains("~/.profile:2"), f.message());
        String fixed = RuleTesting.apply(profile, f.fixes().get(0).edits().get(0));
        assertEquals("export GOPATH=\"$HOME/go\"\nexport PATH=\"$PATH:$GOPATH/bin\"\n", fixed);
        assertTrue(rule.check(RuleTesting.engine(tmp.resolve("b"), Map.of("~/.profile", fixed), "debian", "bash")).isEmpty());
    }

    @Test
    void aDefaultExpansionOrAnEarlierAssignmentIsFine() {
        String profile = "export PATH=\"$PATH:${GOPATH:-$HOME/go}/bin\"\nexport GOPATH=\"$HOME/go\"\n";
        assertTrue(rule.check(RuleTesting.engine(tmp, Map.of("~/.profile", profile), "debian", "bash")).isEmpty());
        String ordered = "GOPATH=\"$HOME/go\"\nexport PATH=\"$PATH:$GOPATH/bin\"\nGOPATH=\"$HOME/go2\"\n";
        assertTrue(rule.check(RuleTesting.engine(tmp.resolve("b"), Map.of("~/.profile", ordered), "debian", "bash")).isEmpty());
    }
}
