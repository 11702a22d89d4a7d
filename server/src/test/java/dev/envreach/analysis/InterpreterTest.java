package dev.envreach.analysis;

import dev.envreach.model.Reach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static dev.envreach.analysis.Fixture.absent;
import static dev.envreach.analysis.Fixture.exported;
import static dev.envreach.analysis.Fixture.maybe;
import static dev.envreach.analysis.Fixture.unknownValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The constructs of issue 3 point 3, each as the real shells behave (CONTEXTS.md, bash/zsh/dash manuals). */
class InterpreterTest {
    @TempDir
    Path tmp;

    private ContextResult bashrc(String body) {
        return Fixture.of(tmp, "#- ~/.bashrc\n" + body).run("bash-interactive");
    }

    private ContextResult zshenv(String body) {
        return Fixture.of(tmp, "#- ~/.zshenv\n" + body).run("zsh-noninteractive");
    }

    @Test
    void exportForms() {
        ContextResult c = bashrc("""
                export A=1
                B=2; export B
                export C1=c1 C2=c2
                declare -x D=4
                typeset -x E=5
                F=6
                export G=7; export -n G
                readonly H=8
                export I; I=9
                declare -x J=10; declare +x J
                export K=11; unset K
                """);
        exported(c, "A", "1");
        exported(c, "B", "2");
        exported(c, "C1", "c1");
        exported(c, "C2", "c2");
        exported(c, "D", "4");
        exported(c, "E", "5");
        absent(c, "F");
        absent(c, "G");
        absent(c, "H");
        exported(c, "I", "9");
        absent(c, "J");
        absent(c, "K");
    }

    @Test
    void allexportExportsPlainAssignmentsWhileOn() {
        ContextResult c = bashrc("""
                set -a
                A=1
                set +a
                B=2
                set -o allexport
                C=3
                """);
        exported(c, "A", "1");
        absent(c, "B");
        exported(c, "C", "3");
    }

    @Test
    void functionsRunWhenCalledAndLocalsStayInside() {
        ContextResult c = bashrc("""
                setup() {
                    export FROM_CALLED=1
                    local -x LOCAL_X=1
                    declare -x DECLARED_IN_F=1
                }
                never() { export FROM_NEVER=1; }
                setup
                """);
        exported(c, "FROM_CALLED", "1");
        absent(c, "FROM_NEVER");
        absent(c, "LOCAL_X");       // local to the function
        absent(c, "DECLARED_IN_F"); // bash: declare in a function is local
    }

    @Test
    void zshTypesetXInAFunctionIsGlobal() {
        // zsh: GLOBAL_EXPORT is on by default; local -x stays local
        ContextResult c = zshenv("""
                f() { typeset -x ZG=1; local -x ZL=1; }
                f
                """);
        exported(c, "ZG", "1");
        absent(c, "ZL");
    }

    @Test
    void subshellsAndPipelinesDoNotChangeTheParentButZshRunsTheLastPartHere() {
        ContextResult b = bashrc("""
                (export IN_SUBSHELL=1)
                echo x | export IN_PIPE=1
                { export IN_GROUP=1; }
                """);
        absent(b, "IN_SUBSHELL");
        absent(b, "IN_PIPE");
        exported(b, "IN_GROUP", "1");
        ContextResult z = zshenv("echo x | export IN_PIPE=1\n");
        exported(z, "IN_PIPE", "1");
    }

    @Test
    void evalOfLiteralsIsInterpretedAndOfCommandOutputIsUnknown() {
        ContextResult c = bashrc("""
                eval 'export E1=1'
                eval export E2=2
                cmd='export E3=3'; eval "$cmd"
                export KEEP=k
                """);
        exported(c, "E1", "1");
        exported(c, "E2", "2");
        exported(c, "E3", "3");
        ContextResult missing = bashrc("""
                export KEEP=k
                eval "$(no-such-tool-xyz init -)"
                """);
        exported(missing, "KEEP", "k"); // the tool is not on PATH: its output is empty, eval does nothing
    }

    @Test
    void evalOfTheOutputOfAnInstalledToolMakesValuesUnknown() throws Exception {
        Fixture f = Fixture.of(tmp, """
                #- ~/bin/some-tool
                #!/bin/sh
                #- ~/.bashrc
                export KEEP=k
                eval "$(some-tool init -)"
                """);
        Files.setPosixFilePermissions(f.home.resolve("bin/some-tool"), PosixFilePermissions.fromString("rwxr-xr-x"));
        f.set("PATH", f.home + "/bin:/usr/bin:/bin");
        ContextResult u = f.run("bash-interactive");
        unknownValue(u, "KEEP"); // the unknown code may have changed it
        assertTrue(u.notes().stream().anyMatch(n -> n.contains("eval")), u.notes().toString());
    }

    @Test
    void tildeIsExpandedUnquotedAtTheStartAndAfterColonsButNotInQuotes() {
        // CONTEXTS.md 4.8
        Fixture f = Fixture.of(tmp, """
                #- ~/.bashrc
                export T1=~/bin:~/.local/bin
                export T2="~/bin"
                export T3=a~b
                T4=~/x; export T4
                export T5=${UNSET_VAR:-~/d}
                export T6="${UNSET_VAR:-~/d}"
                """);
        ContextResult c = f.run("bash-interactive");
        String h = f.home.toString();
        exported(c, "T1", h + "/bin:" + h + "/.local/bin");
        exported(c, "T2", "~/bin");
        exported(c, "T3", "a~b");
        exported(c, "T4", h + "/x");
        exported(c, "T5", h + "/d");
        exported(c, "T6", "~/d");
    }

    @Test
    void returnEndsOnlyTheSourcedFileAndExitEndsTheShell() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.bash_profile
                . ~/.helpers
                export AFTER_SOURCE=1
                #- ~/.helpers
                export BEFORE_RETURN=1
                return
                export AFTER_RETURN=1
                """);
        ContextResult c = f.run("bash-login");
        exported(c, "BEFORE_RETURN", "1");
        exported(c, "AFTER_SOURCE", "1");
        absent(c, "AFTER_RETURN");
        assertEquals(Reach.NO, f.reachAt(c, "~/.helpers", 3));
    }

    @Test
    void anUnknownConditionMakesBothBranchesMaybe() {
        ContextResult c = bashrc("""
                if [ "$(uname -m)" = x86_64 ]; then
                    export ARCH_X=1
                else
                    export ARCH_OTHER=1
                fi
                export ALWAYS=1
                """);
        maybe(c, "ARCH_X");
        maybe(c, "ARCH_OTHER");
        exported(c, "ALWAYS", "1");
    }

    @Test
    void fileTestsAreDecidedByTheMachine() throws Exception {
        Fixture f = Fixture.of(tmp, """
                #- ~/go/
                #- ~/.bashrc
                [ -d "$HOME/go" ] && export GOPATH="$HOME/go"
                [ -d "$HOME/nothing" ] && export NOPE=1
                if [ -f ~/.bashrc ]; then export HAS_RC=1; fi
                """);
        ContextResult c = f.run("bash-interactive");
        exported(c, "GOPATH", f.home + "/go");
        absent(c, "NOPE");
        exported(c, "HAS_RC", "1");
    }

    @Test
    void commandLookupUsesTheSimulatedPath() throws Exception {
        Fixture f = Fixture.of(tmp, """
                #- ~/tools/mytool
                #!/bin/sh
                #- ~/.bashrc
                command -v mytool >/dev/null && export BEFORE=1
                export PATH="$HOME/tools:$PATH"
                command -v mytool >/dev/null && export AFTER=1
                type no-such-tool-xyz >/dev/null 2>&1 || export MISSING=1
                """);
        Files.setPosixFilePermissions(f.home.resolve("tools/mytool"), PosixFilePermissions.fromString("rwxr-xr-x"));
        f.set("PATH", f.home + "/empty");
        ContextResult c = f.run("bash-interactive");
        absent(c, "BEFORE");
        exported(c, "AFTER", "1");
        exported(c, "MISSING", "1");
    }

    @Test
    void interactivityGuards() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.bashrc
                [[ $- == *i* ]] && export DOLLAR_DASH=1
                [ -z "$PS1" ] || export HAS_PS1=1
                shopt -q login_shell && export LOGIN_SHELL=1
                [ -n "$BASH_VERSION" ] && export IS_BASH=1
                [ -n "$ZSH_VERSION" ] && export IS_ZSH=1
                """);
        ContextResult i = f.run("bash-interactive");
        exported(i, "DOLLAR_DASH", "1");
        exported(i, "HAS_PS1", "1");
        absent(i, "LOGIN_SHELL");
        exported(i, "IS_BASH", "1");
        absent(i, "IS_ZSH");
        f.set("SSH_CLIENT", "127.0.0.1 1 22");
        ContextResult ni = f.run("bash-ssh-command");
        absent(ni, "DOLLAR_DASH");
        absent(ni, "HAS_PS1"); // non-interactive bash unsets PS1
    }

    @Test
    void zshOptionGuards() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.zshenv
                [[ -o interactive ]] && export Z_INTERACTIVE=1
                [[ -o login ]] && export Z_LOGIN=1
                (( $+commands[no-such-tool-xyz] )) || export Z_NO_TOOL=1
                """);
        ContextResult ni = f.run("zsh-noninteractive");
        absent(ni, "Z_INTERACTIVE");
        absent(ni, "Z_LOGIN");
        exported(ni, "Z_NO_TOOL", "1");
        ContextResult li = f.run("zsh-login-interactive");
        exported(li, "Z_INTERACTIVE", "1");
        exported(li, "Z_LOGIN", "1");
    }

    @Test
    void loopsOverLiteralListsSourceEachExistingFile() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.path
                export FROM_PATH_FILE=1
                #- ~/.exports
                export FROM_EXPORTS=1
                #- ~/.bashrc
                for file in ~/.{path,exports,aliases}; do
                    [ -r "$file" ] && source "$file"
                done
                unset file
                """);
        ContextResult c = f.run("bash-interactive");
        exported(c, "FROM_PATH_FILE", "1");
        exported(c, "FROM_EXPORTS", "1");
    }

    @Test
    void globsInSourceLoopsGoThroughTheDirectoryTheFileNames() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.bashrc.d/10-a.sh
                export ORDER="${ORDER}a"
                #- ~/.bashrc.d/20-b.sh
                export ORDER="${ORDER}b"
                #- ~/.bashrc.d/notes.txt
                export FROM_TXT=1
                #- ~/.bashrc
                for f in ~/.bashrc.d/*.sh; do . "$f"; done
                """);
        ContextResult c = f.run("bash-interactive");
        exported(c, "ORDER", "ab");
        absent(c, "FROM_TXT");
    }

    @Test
    void zshTiedPathArrayAndTypesetUnique() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.zshenv
                typeset -U path
                path=(/opt/bin $path /opt/bin)
                path+=(/usr/bin /extra)
                """);
        exported(f.run("zsh-noninteractive"), "PATH", "/opt/bin:/usr/bin:/bin:/extra");
    }

    @Test
    void emulateShRunsTheCodeInShMode() {
        // Arch's /etc/zsh/zprofile: emulate sh -c 'source /etc/profile'
        Fixture f = Fixture.of(tmp, """
                #- ~/.zprofile
                emulate sh -c '. ~/.profile'
                #- ~/.profile
                export FROM_PROFILE_VIA_EMULATE=1
                """);
        exported(f.run("zsh-login"), "FROM_PROFILE_VIA_EMULATE", "1");
    }

    @Test
    void commandOutputIsUnknownNeverGuessed() throws Exception {
        Fixture f = Fixture.of(tmp, """
                #- ~/bin/brew
                #!/bin/sh
                #- ~/.bashrc
                export BREW=$(brew --prefix)/bin
                export NOT_INSTALLED="$(no-such-tool-xyz --prefix)/bin"
                export KNOWN=literal
                export ECHOED=$(echo hello world)
                """);
        Files.setPosixFilePermissions(f.home.resolve("bin/brew"), PosixFilePermissions.fromString("rwxr-xr-x"));
        f.set("PATH", f.home + "/bin:/usr/bin:/bin");
        ContextResult c = f.run("bash-interactive");
        Fixture.unknownValue(c, "BREW");
        exported(c, "NOT_INSTALLED", "/bin"); // command not found: empty output
        exported(c, "KNOWN", "literal");
        exported(c, "ECHOED", "hello world");
    }

    @Test
    void parameterExpansionOperators() {
        ContextResult c = bashrc("""
                X=/usr/local/bin
                export A=${UNSET:-default} B=${X#/usr} C=${X%/bin} D=${X##*/} E=${#X}
                export F=${UNSET:=assigned} G=${X:+set} H=${X/local/opt} I=$((2 * 21))
                """);
        exported(c, "A", "default");
        exported(c, "B", "/local/bin");
        exported(c, "C", "/usr/local");
        exported(c, "D", "bin");
        exported(c, "E", "14");
        exported(c, "F", "assigned");
        exported(c, "G", "set");
        exported(c, "H", "/usr/opt/bin");
        exported(c, "I", "42");
    }

    @Test
    void dashRunsBashOnlyCommandsAsNotFound() {
        // CONTEXTS.md 4.5: [[, source, shopt are "not found" in dash and the file goes on
        Fixture f = Fixture.of(tmp, """
                #- ~/.profile
                [[ -n "$HOME" ]] && export IN_BRACKETS=1
                source ~/.other
                export AFTER=1
                #- ~/.other
                export FROM_OTHER=1
                """);
        ContextResult c = f.run("sh-login");
        absent(c, "IN_BRACKETS");
        absent(c, "FROM_OTHER");
        exported(c, "AFTER", "1");
    }

    @Test
    void caseGuardOnDollarDashStopsNonInteractiveShellsWithAReason() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.bashrc
                case $- in
                    *i*) ;;
                      *) return;;
                esac
                export AFTER=1
                """).set("SSH_CLIENT", "1 2 3");
        ContextResult c = f.run("ssh-command");
        absent(c, "AFTER");
        String why = f.reasonAt(c, "~/.bashrc", 5);
        assertTrue(why.contains("line 3") && why.contains("not interactive"), why);
    }

    @Test
    void aMaybeReturnMakesWhatFollowsMaybe() {
        ContextResult c = bashrc("""
                [ "$(hostname)" = work ] && return
                export AFTER=1
                """);
        maybe(c, "AFTER");
    }
}
