package dev.envreach.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ER101 on the Debian skeleton: an export appended after the guard misses ssh host cmd and the Wayland session. */
class InteractiveGuardRuleTest {
    @TempDir
    Path tmp;

    private final InteractiveGuardRule rule = new InteractiveGuardRule();

    @Test
    void anExportAppendedToTheSkeletonBashrcIsFlaggedWithTheContextsThatStopAtTheGuard() {
        String bashrc = Skel.BASHRC + "export GOPATH=\"$HOME/go\"\n";
        RuleInput in = RuleTesting.engine(tmp, Map.of("~/.bashrc", bashrc, "~/.profile", Skel.PROFILE), "debian", "bash");
        List<Finding> fs = rule.check(in);
        assertEquals(1, fs.size(), fs.toString());
        Finding f = fs.get(0);
        assertTrue(f.contexts().contains("ssh-command"), f.contexts().toString());
        assertTrue(f.contexts().contains("gnome-wayland-session"), f.contexts().toString());
        assertTrue(!f.contexts().contains("terminal-tab"), "an interactive terminal does get it");
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("ssh-command"), f.message());
        assertEquals(1, f.related().size(), "points at the guard");
        assertEquals(bashrc.indexOf("case $- in"), f.related().get(0).span().start());

        String fixed = RuleTesting.apply(bashrc, f.fixes().get(0).edits().get(0));
        assertTrue(fixed.indexOf("export GOPATH") < fixed.indexOf("# If not running interactively"), fixed);
        RuleInput again = RuleTesting.engine(tmp.resolve("again"), Map.of("~/.bashrc", fixed, "~/.profile", Skel.PROFILE), "debian", "bash");
        assertTrue(rule.check(again).isEmpty(), "after the fix nothing is missed");
    }

    @Test
    void shellOnlySettingsAfterTheGuardAndExportsAboveItAreFine() {
        String bashrc = "export EDITOR=vim\n" + Skel.BASHRC;
        RuleInput in = RuleTesting.engine(tmp, Map.of("~/.bashrc", bashrc, "~/.profile", Skel.PROFILE), "debian", "bash");
        assertTrue(rule.check(in).isEmpty(), "HISTSIZE after the guard is a shell setting, EDITOR is above it");
    }

    @Test
    void aVariableTheContextGetsFromAnotherFileIsNotReported() {
        String bashrc = Skel.BASHRC + "export GOPATH=\"$HOME/go\"\n";
        String profile = "export GOPATH=\"$HOME/go\"\n" + Skel.PROFILE;
        RuleInput in = RuleTesting.engine(tmp, Map.of("~/.bashrc", bashrc, "~/.profile", profile), "debian", "bash");
        List<Finding> fs = rule.check(in);
        assertTrue(fs.stream().noneMatch(f -> f.contexts().contains("gnome-wayland-session")),
                "the Wayland session gets GOPATH from ~/.profile: " + fs);
    }
}
