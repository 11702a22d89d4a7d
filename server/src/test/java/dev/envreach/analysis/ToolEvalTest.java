package dev.envreach.analysis;

import dev.envreach.model.Reach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static dev.envreach.analysis.Fixture.exported;
import static dev.envreach.analysis.Fixture.maybe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code eval "$(tool …)"} and {@code source <(tool …)} of tools whose init scripts are known (evals.json). The
 * expectations come from what those scripts print: {@code pyenv init -} prints {@code export PATH=…/shims:…},
 * {@code export PYENV_SHELL=…}, a completion source and the {@code pyenv()} function, and nothing else, so
 * every other variable keeps its value; an unknown tool may do anything, so nothing keeps its value.
 */
class ToolEvalTest {
    @TempDir
    Path tmp;

    /** A fixture whose {@code ~/bin} holds the named (empty, executable) tools and is first on PATH. */
    private Fixture withTools(String text, String... tools) {
        StringBuilder sb = new StringBuilder();
        for (String t : tools) sb.append("#- ~/bin/").append(t).append("\n#!/bin/sh\n");
        Fixture f = Fixture.of(tmp, sb + text);
        try {
            for (String t : tools) Files.setPosixFilePermissions(f.home.resolve("bin/" + t), PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        f.set("PATH", f.home + "/bin:/usr/bin:/bin");
        return f;
    }

    private ContextResult bashrc(String body, String... tools) {
        return withTools("#- ~/.bashrc\nexport KEEP=k\n" + body, tools).run("bash-interactive");
    }

    /** pyenv init leaves KEEP and HOME alone, makes PATH unknown (still exported) and may export PYENV_SHELL. */
    private void pyenvInitEffect(ContextResult c, Fixture f) {
        exported(c, "KEEP", "k");
        exported(c, "HOME", f.home.toString());
        VariableResult path = c.variables().get("PATH");
        assertNotNull(path);
        assertEquals(Reach.YES, path.exported(), "PATH was exported and stays so");
        assertNull(path.value(), "pyenv init rewrites PATH: its value is not known");
        maybe(c, "PYENV_SHELL");
        assertFalse(c.notes().stream().anyMatch(n -> n.startsWith("other variables may be exported")), c.notes().toString());
    }

    @Test
    void quotedUnquotedAndBacktickSubstitutionsOfPyenvInit() {
        for (String line : new String[] {"eval \"$(pyenv init -)\"", "eval $(pyenv init -)", "eval `pyenv init -`",
                "eval \"$(pyenv init - bash)\"", "eval \"$(pyenv init --path)\"", "eval \"$(pyenv init - --no-rehash zsh)\"",
                "eval \"$(command pyenv init -)\"", "eval \"$(pyenv init - 2>/dev/null)\"", "eval \"$(pyenv init - || true)\""}) {
            Fixture f = withTools("#- ~/.bashrc\nexport KEEP=k\n" + line + "\n", "pyenv");
            pyenvInitEffect(f.run("bash-interactive"), f);
        }
    }

    @Test
    void theSubcommandDecides() {
        // `pyenv virtualenv-init` is its own entry: it exports PYENV_VIRTUALENV_INIT, not PYENV_SHELL
        ContextResult c = bashrc("eval \"$(pyenv virtualenv-init -)\"\n", "pyenv");
        exported(c, "KEEP", "k");
        maybe(c, "PYENV_VIRTUALENV_INIT");
        assertFalse(c.variables().containsKey("PYENV_SHELL"), "virtualenv-init does not set PYENV_SHELL");
        // an argument the entry does not name is not enough: `pyenv version-name` prints text not known here, so
        // nothing is claimed about KEEP
        ContextResult other = bashrc("eval \"$(pyenv version-name)\"\n", "pyenv");
        assertNull(other.variables().get("KEEP").value(), "unknown output may change anything");
    }

    @Test
    void theCommandWordMayBeAFullOrComputedPath() {
        Fixture f = withTools("""
                #- ~/.linuxbrew/bin/brew
                #!/bin/sh
                #- ~/.bashrc
                export KEEP=k
                eval "$(~/.linuxbrew/bin/brew shellenv)"
                """);
        try {
            Files.setPosixFilePermissions(f.home.resolve(".linuxbrew/bin/brew"), PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ContextResult c = f.run("bash-interactive");
        exported(c, "KEEP", "k");
        maybe(c, "HOMEBREW_PREFIX");
        // `$(brew --prefix)` is not known, but the command it builds ends in /bin/brew
        ContextResult computed = bashrc("eval \"$($(brew --prefix)/bin/brew shellenv)\"\n", "brew");
        exported(computed, "KEEP", "k");
        maybe(computed, "HOMEBREW_CELLAR");
        // a quoted prefix before the name: "$HOME"/bin/brew
        ContextResult quoted = bashrc("eval \"$(\"$HOME/bin/brew\" shellenv)\"\n", "brew");
        exported(quoted, "KEEP", "k");
        maybe(quoted, "HOMEBREW_REPOSITORY");
    }

    @Test
    void sourceOfAProcessSubstitutionIsLikeEvalOfTheOutput() {
        for (String line : new String[] {"source <(fzf --bash)", ". <(fzf --bash)", "source <(kubectl completion bash)"}) {
            ContextResult c = bashrc(line + "\n", "fzf", "kubectl");
            exported(c, "KEEP", "k");
            assertFalse(c.files().stream().anyMatch(v -> v.status() == FileVisit.Status.SKIPPED && v.shellPath().contains("/dev/fd")),
                    line + ": the output of a known tool is not an unknown file");
        }
        ContextResult z = withTools("#- ~/.zshenv\nexport KEEP=k\nsource <(fzf --zsh)\n", "fzf").run("zsh-noninteractive");
        exported(z, "KEEP", "k");
    }

    @Test
    void theCondaInitBlockEvaluatesAVariableHoldingTheHookOutput() {
        // conda's hook may activate the base environment, whose activate.d scripts are any code: nothing is kept,
        // but the reason names the hook, not "unknown text"
        ContextResult c = bashrc("""
                __conda_setup="$("$HOME/bin/conda" 'shell.bash' 'hook' 2> /dev/null)"
                if [ $? -eq 0 ]; then
                    eval "$__conda_setup"
                fi
                unset __conda_setup
                """, "conda");
        VariableResult keep = c.variables().get("KEEP");
        assertNull(keep.value());
        assertTrue(keep.display().startsWith("? ("), keep.display());
        assertTrue(keep.display().contains("eval \"$__conda_setup\" at ~/.bashrc:4"), keep.display());
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("activate.d")), c.notes().toString());
    }

    @Test
    void agentsExportTheirSocketAndKillingOneMayUnsetIt() {
        ContextResult c = bashrc("eval \"$(ssh-agent -s)\"\n", "ssh-agent");
        maybe(c, "SSH_AUTH_SOCK");
        maybe(c, "SSH_AGENT_PID");
        exported(c, "KEEP", "k");
        Fixture f = withTools("#- ~/.bashrc\neval \"$(ssh-agent -k)\"\n", "ssh-agent");
        f.set("SSH_AUTH_SOCK", "/tmp/agent.sock");
        ContextResult k = f.run("bash-interactive");
        maybe(k, "SSH_AUTH_SOCK"); // `unset SSH_AUTH_SOCK`: no longer surely there
        ContextResult keychain = bashrc("eval `keychain -q --eval --agents ssh id_rsa`\n", "keychain");
        maybe(keychain, "SSH_AUTH_SOCK");
        exported(keychain, "KEEP", "k");
    }

    @Test
    void aToolThatOnlySetsShellVariablesExportsNothingNew() {
        // zoxide init prints functions and PROMPT_COMMAND=…, never `export`
        ContextResult c = bashrc("eval \"$(zoxide init bash)\"\n", "zoxide");
        assertFalse(c.variables().containsKey("PROMPT_COMMAND"), "PROMPT_COMMAND is not exported by zoxide");
        exported(c, "KEEP", "k");
    }

    @Test
    void theToolsFunctionsRunItsCodeWhenCalled() {
        // pyenv() evaluates `pyenv sh-<command>` output: a call may change anything
        ContextResult shell = bashrc("eval \"$(pyenv init -)\"\npyenv shell 3.12\n", "pyenv");
        assertNull(shell.variables().get("KEEP").value());
        assertTrue(shell.variables().get("KEEP").display().contains("`pyenv` at ~/.bashrc:3"), shell.variables().get("KEEP").display());
        // `command pyenv` skips the function: only the program runs
        ContextResult command = bashrc("eval \"$(pyenv init -)\"\ncommand pyenv rehash\n", "pyenv");
        exported(command, "KEEP", "k");
        // thefuck --alias NAME defines the function NAME
        ContextResult fk = bashrc("eval $(thefuck --alias fk)\nfk\n", "thefuck");
        assertNull(fk.variables().get("KEEP").value());
        ContextResult notCalled = bashrc("eval $(thefuck --alias fk)\n", "thefuck");
        exported(notCalled, "KEEP", "k");
    }

    @Test
    void miseActivateIsKnownButItsNotFoundHandlerRunsTheHook() {
        // mise activate exports MISE_SHELL and __MISE_ORIG_PATH and installs hooks that run at the prompt
        ContextResult z = withTools("#- ~/.zshenv\nexport KEEP=k\neval \"$(mise activate zsh)\"\n", "mise").run("zsh-noninteractive");
        exported(z, "KEEP", "k");
        maybe(z, "MISE_SHELL");
        maybe(z, "__MISE_ORIG_PATH");
        // its command_not_found_handle runs `mise hook-not-found` and then the hook: any variable may change
        ContextResult b = bashrc("eval \"$(mise activate bash)\"\nno-such-command-xyz\n", "mise");
        assertNull(b.variables().get("KEEP").value());
        // mise() evaluates the output of `mise shell …` (export MISE_<TOOL>_VERSION=…, and the config's variables)
        ContextResult shell = bashrc("eval \"$(mise activate bash)\"\nmise shell node@20\n", "mise");
        assertNull(shell.variables().get("KEEP").value());
        // `command mise` runs the program, not the function
        ContextResult program = bashrc("eval \"$(mise activate bash)\"\ncommand mise ls\n", "mise");
        exported(program, "KEEP", "k");
    }

    @Test
    void aToolWhoseOutputMayReturnEndsTheFileOnSomePaths() {
        // atuin's bash init starts with `[[ $- == *i* ]] || return 0`
        ContextResult c = bashrc("eval \"$(atuin init bash)\"\nexport AFTER=1\n", "atuin");
        maybe(c, "AFTER");
        exported(c, "KEEP", "k");
    }

    @Test
    void aPipelineTransformsTheOutputSoItIsNotTheTools() {
        ContextResult c = bashrc("eval \"$(pyenv init - | sed 's/a/b/')\"\n", "pyenv");
        assertNull(c.variables().get("KEEP").value());
    }

    @Test
    void unknownValuesSayWhyInAFewWords() {
        ContextResult c = bashrc("eval \"$(pyenv init -)\"\n", "pyenv");
        VariableResult shell = c.variables().get("PYENV_SHELL");
        assertEquals("? (set by eval \"$(pyenv init -)\" at ~/.bashrc:2)", shell.display());
        assertEquals("?", shell.shape());
        assertEquals(java.util.List.of("set by eval \"$(pyenv init -)\" at ~/.bashrc:2"), shell.reasons());
        // unknown code: every value is `?` with one short reason, never a nest of earlier reasons
        ContextResult u = bashrc("""
                eval "$(some-tool init)"
                eval "$(other-tool init)"
                . "$HOME/.cargo/env"
                """, "some-tool", "other-tool");
        VariableResult keep = u.variables().get("KEEP");
        assertNull(keep.value());
        assertEquals("? (eval \"$(some-tool init)\" at ~/.bashrc:2 may change it)", keep.display());
        assertFalse(keep.display().contains("(after"), keep.display());
    }
}
