package dev.envreach.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ER104: ~/.bashrc exports that login shells never reach because no profile sources ~/.bashrc. */
class BashrcOnlyRuleTest {
    @TempDir
    Path tmp;

    private final BashrcOnlyRule rule = new BashrcOnlyRule();

    @Test
    void anExportInBashrcIsMissedWhenTheBashProfileDoesNotSourceIt() {
        String bashrc = "export GOPATH=\"$HOME/go\"\n";
        String bashProfile = "export EDITOR=vim\n";
        RuleInput in = RuleTesting.engine(tmp, Map.of("~/.bashrc", bashrc, "~/.bash_profile", bashProfile), "debian", "bash");
        List<Finding> fs = rule.check(in);
        assertEquals(1, fs.size(), fs.toString());
        Finding f = fs.get(0);
        assertTrue(f.contexts().contains("ssh-login"), f.contexts().toString());
        assertTrue(f.message().contains("~/.bash_profile"), "the fix target is the profile login shells read: " + f.message());
        Fix fix = f.fixes().get(0);
        assertEquals("export EDITOR=vim\nexport GOPATH=\"$HOME/go\"\n", RuleTesting.apply(bashProfile, fix.edits().get(0)));
        assertEquals("", RuleTesting.apply(bashrc, fix.edits().get(1)));
    }

    @Test
    void theDebianSkeletonProfileSourcesBashrcSoLoginShellsReachIt() {
        RuleInput in = RuleTesting.engine(tmp, Map.of("~/.bashrc", "export GOPATH=\"$HOME/go\"\n", "~/.profile", Skel.PROFILE),
                "debian", "bash");
        assertTrue(rule.check(in).isEmpty(), rule.check(in).toString());
    }
}
