package dev.envreach.analysis;

import dev.envreach.syntax.Dialect;
import dev.envreach.syntax.Node;
import dev.envreach.syntax.Parser;
import dev.envreach.syntax.WordPart;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tool knowledge file is well formed, and substitution bodies are matched to entries as documented. */
class ToolKnowledgeTest {
    @Test
    void everyEntryIsConsistentAndSaysWhereItsKnowledgeComesFrom() {
        List<ToolKnowledge.Tool> all = ToolKnowledge.all();
        assertTrue(all.size() >= 40, "entries: " + all.size());
        Set<String> commands = new HashSet<>();
        for (ToolKnowledge.Tool t : all) {
            assertTrue(commands.add(t.command()), "duplicate entry " + t.command());
            assertFalse(t.source() == null || t.source().isBlank(), t.command() + " has no source");
            assertTrue(t.sets().containsAll(t.exported()), t.command() + ": exported names must be in sets");
            assertTrue(t.sets().containsAll(t.unsets()), t.command() + ": unset names must be in sets");
            assertEquals(t.sets().size(), new HashSet<>(t.sets()).size(), t.command() + ": a name listed twice");
        }
        for (String c : List.of("pyenv init", "pyenv virtualenv-init", "rbenv init", "nodenv init", "goenv init", "jenv init",
                "fnm env", "mise activate", "rtx activate", "conda hook", "direnv hook", "starship init", "zoxide init",
                "atuin init", "mcfly init", "thefuck --alias", "keychain", "gpg-agent", "ssh-agent", "brew shellenv",
                "dircolors", "lesspipe", "opam env", "luarocks path", "fzf --bash", "fzf --zsh", "kubectl completion",
                "helm completion", "gh completion")) {
            assertTrue(commands.contains(c), "no entry for " + c);
        }
    }

    private static ToolKnowledge.Use matchOf(String line) {
        var pr = Parser.parse(line, Dialect.BASH);
        Node.SimpleCommand sc = (Node.SimpleCommand) pr.statements().get(0).command();
        WordPart p = sc.words().get(1).parts().get(0);
        if (p instanceof WordPart.DoubleQuoted d) p = d.parts().get(0);
        if (p instanceof WordPart.CommandSubst cs) return ToolKnowledge.match(cs.body(), line);
        if (p instanceof WordPart.ProcessSubst ps) return ToolKnowledge.match(ps.body(), line);
        throw new AssertionError("no substitution in " + line);
    }

    @Test
    void argumentsInAnyOrderAmongOthersAndTheMostSpecificEntryWins() {
        assertEquals("pyenv init", matchOf("eval \"$(pyenv init - zsh)\"").tool().command());
        assertEquals("pyenv init", matchOf("eval \"$(pyenv init --path)\"").tool().command());
        assertEquals("pyenv virtualenv-init", matchOf("eval \"$(pyenv virtualenv-init - bash)\"").tool().command());
        assertEquals("conda hook", matchOf("eval \"$('/opt/miniconda3/bin/conda' 'shell.zsh' 'hook' 2> /dev/null)\"").tool().command());
        assertEquals("brew shellenv", matchOf("eval \"$(/home/linuxbrew/.linuxbrew/bin/brew shellenv)\"").tool().command());
        assertEquals("brew shellenv", matchOf("eval \"$($(brew --prefix)/bin/brew shellenv)\"").tool().command());
        assertEquals("brew shellenv", matchOf("eval \"$(\"$prefix\"/bin/brew shellenv)\"").tool().command());
        assertEquals("starship init", matchOf("eval \"$(command starship init bash)\"").tool().command());
        assertEquals("lesspipe", matchOf("eval \"$(SHELL=/bin/sh lesspipe)\"").tool().command());
        assertEquals("fzf --zsh", matchOf("source <(fzf --zsh)").tool().command());
        assertEquals("kubectl completion", matchOf("source <(kubectl completion bash)").tool().command());
        assertEquals(List.of("fuck", "fk"), matchOf("eval \"$(thefuck --alias fk)\"").functions());
    }

    @Test
    void otherShapesAreNotTheTool() {
        assertNull(matchOf("eval \"$(pyenv version-name)\""), "no entry names this subcommand");
        assertNull(matchOf("eval \"$(pyenv init - | sed s/a/b/)\""), "a pipeline transforms the output");
        assertNull(matchOf("eval \"$(\"$BREW\" shellenv)\""), "the command name is not written out");
        assertNull(matchOf("eval \"$(pyenv init - && echo extra)\""), "more output follows the tool's");
        assertNull(matchOf("eval \"$(command -v pyenv)\""), "command -v prints a path");
        assertNotNull(matchOf("eval \"$(pyenv init - || :)\""), "a fallback that prints nothing keeps the match");
    }
}
