package dev.envreach.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ER103: ~/.bash_profile hides ~/.profile from bash login shells. */
class ShadowedProfileRuleTest {
    @TempDir
    Path tmp;

    private final ShadowedProfileRule rule = new ShadowedProfileRule();

    @Test
    void aBashProfileThatDoesNotSourceProfileShadowsIt() {
        String bashProfile = "# added by an installer\nexport PATH=\"$HOME/.cargo/bin:$PATH\"\n";
        RuleInput in = RuleTesting.engine(tmp, Map.of("~/.profile", Skel.PROFILE, "~/.bash_profile", bashProfile,
                "~/.bashrc", Skel.BASHRC), "debian", "bash");
        List<Finding> fs = rule.check(in);
        assertEquals(1, fs.size(), fs.toString());
        Finding f = fs.get(0);
        assertEquals(".profile", f.file().getFileName().toString());
        assertTrue(f.contexts().contains("ssh-login"), f.contexts().toString());
        assertTrue(f.message().contains("x11-xsession"), "sh login shells still read it: " + f.message());
        assertEquals(".bash_profile", f.related().get(0).file().getFileName().toString());
        String fixed = RuleTesting.apply(bashProfile, f.fixes().get(0).edits().get(0));
        assertTrue(fixed.startsWith("# added by an installer\n[ -f \"$HOME/.profile\" ] && . \"$HOME/.profile\"\n"), fixed);
        RuleInput again = RuleTesting.engine(tmp.resolve("again"), Map.of("~/.profile", Skel.PROFILE, "~/.bash_profile", fixed,
                "~/.bashrc", Skel.BASHRC), "debian", "bash");
        assertTrue(rule.check(again).isEmpty(), "once sourced it is read");
    }

    @Test
    void withoutBashProfileOrWhenItSourcesProfileThereIsNothingToReport() {
        RuleInput plain = RuleTesting.engine(tmp, Map.of("~/.profile", Skel.PROFILE), "debian", "bash");
        assertTrue(rule.check(plain).isEmpty());
        RuleInput sourcing = RuleTesting.engine(tmp.resolve("b"), Map.of("~/.profile", Skel.PROFILE,
                "~/.bash_profile", ". \"$HOME/.profile\"\n"), "debian", "bash");
        assertTrue(rule.check(sourcing).isEmpty(), rule.check(sourcing).toString());
    }

    @Test
    void theRuleReportsWhatTheEngineMarkedSkippedByTheFirstFoundRule() {
        // no ~/.bash_profile: ~/.bash_login is the first that exists, so it shadows ~/.profile
        RuleInput in = RuleTesting.engine(tmp, Map.of("~/.profile", Skel.PROFILE, "~/.bash_login", "export EDITOR=vi\n",
                "~/.bashrc", Skel.BASHRC), "debian", "bash");
        var marked = in.reach().orElseThrow().contexts().stream()
                .filter(c -> c.files().stream().anyMatch(v -> v.shadowed() && v.path().getFileName().toString().equals(".profile")))
                .map(c -> c.id()).toList();
        assertTrue(marked.contains("ssh-login"), "the engine marks ~/.profile skipped in ssh-login: " + marked);
        List<Finding> fs = rule.check(in);
        assertEquals(1, fs.size(), fs.toString());
        Finding f = fs.get(0);
        assertEquals(".profile", f.file().getFileName().toString());
        assertEquals(".bash_login", f.related().get(0).file().getFileName().toString(), "the file read instead");
        assertTrue(f.message().contains("~/.bash_login exists"), f.message());
        for (String c : f.contexts()) assertTrue(marked.contains(c), c + " is named only when the engine marked the skip there");
        assertEquals(Severity.WARNING, f.severity());
    }

    @Test
    void zdotdirSkipsAreNotBashProfileShadowing() {
        RuleInput in = RuleTesting.engine(tmp, Map.of("~/.zshenv", "export ZDOTDIR=\"$HOME/.config/zsh\"\n",
                "~/.zshrc", "export OLD=1\n", "~/.config/zsh/.zshrc", "export NEW=1\n"), "debian", "zsh");
        assertTrue(rule.check(in).isEmpty(), "ER103 is about bash login shells only");
    }
}
