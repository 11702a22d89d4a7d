package dev.envreach.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ER102: exports only in ~/.zshrc miss zsh -c, zsh scripts and the login session. */
class ZshrcOnlyRuleTest {
    @TempDir
    Path tmp;

    private final ZshrcOnlyRule rule = new ZshrcOnlyRule();

    @Test
    void anExportOnlyInZshrcIsFlaggedAndTheFixCreatesZshenv() {
        String zshrc = "# Go\nexport GOPATH=\"$HOME/go\"\nbindkey -e\n";
        RuleInput in = RuleTesting.engine(tmp, Map.of("~/.zshrc", zshrc), "debian", "zsh");
        List<Finding> fs = rule.check(in);
        assertEquals(1, fs.size(), fs.toString());
        Finding f = fs.get(0);
        assertTrue(f.contexts().contains("ssh-command"), "ssh host cmd runs zsh -c: " + f.contexts());
        assertTrue(f.message().contains("~/.zshenv"), f.message());
        Fix fix = f.fixes().get(0);
        FileEdit create = fix.edits().get(0);
        assertTrue(create.create(), "~/.zshenv does not exist: it is created");
        assertEquals("# Go\nexport GOPATH=\"$HOME/go\"\n", create.edits().get(0).newText(), "the comment line above moves along");
        assertEquals("bindkey -e\n", RuleTesting.apply(zshrc, fix.edits().get(1)));
    }

    @Test
    void anExistingZshenvKeepsItsContentAndOnMacosTheTargetIsZprofile() {
        String zshrc = "export GOPATH=\"$HOME/go\"\n";
        RuleInput in = RuleTesting.engine(tmp, Map.of("~/.zshrc", zshrc, "~/.zshenv", "export LANG=C.UTF-8\n"), "debian", "zsh");
        Fix fix = rule.check(in).get(0).fixes().get(0);
        assertTrue(!fix.edits().get(0).create());
        assertEquals("export LANG=C.UTF-8\nexport GOPATH=\"$HOME/go\"\n", RuleTesting.apply("export LANG=C.UTF-8\n", fix.edits().get(0)));

        RuleInput mac = RuleTesting.engine(tmp.resolve("mac"), Map.of("~/.zshrc", zshrc), "macos", "zsh");
        List<Finding> fs = rule.check(mac);
        assertTrue(!fs.isEmpty() && fs.get(0).message().contains("~/.zprofile"), fs.toString());
    }

    @Test
    void anExportAlsoInZshenvOrAShellSettingIsFine() {
        RuleInput in = RuleTesting.engine(tmp, Map.of("~/.zshrc", "export GOPATH=\"$HOME/go\"\nHISTSIZE=1000\n",
                "~/.zshenv", "export GOPATH=\"$HOME/go\"\n"), "debian", "zsh");
        assertTrue(rule.check(in).isEmpty(), rule.check(in).toString());
    }
}
