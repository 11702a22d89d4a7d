package dev.envreach.analysis;

import dev.envreach.model.Reach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.envreach.analysis.Fixture.absent;
import static dev.envreach.analysis.Fixture.exported;
import static dev.envreach.analysis.Fixture.notRead;
import static dev.envreach.analysis.Fixture.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which files each mode reads (CONTEXTS.md 1a-1c), and the pitfalls of section 4. */
class StartupFilesTest {
    @TempDir
    Path tmp;

    private static final String DEBIAN_STYLE = """
            #- ~/.profile
            if [ -n "$BASH_VERSION" ]; then
                if [ -f "$HOME/.bashrc" ]; then
                    . "$HOME/.bashrc"
                fi
            fi
            export FROM_PROFILE=1
            #- ~/.bashrc
            export ABOVE_GUARD=1
            case $- in
                *i*) ;;
                  *) return;;
            esac
            export BELOW_GUARD=1
            """;

    @Test
    void loginShellsReachTheBashrcGuardThroughProfileButStopThereWhenNotInteractive() {
        // CONTEXTS.md 4.2/4.3: the Debian ~/.profile pulls in ~/.bashrc; non-interactive shells stop at its guard
        Fixture f = Fixture.of(tmp, DEBIAN_STYLE);
        ContextResult login = f.run("bash-login");
        exported(login, "FROM_PROFILE", "1");
        exported(login, "ABOVE_GUARD", "1");
        absent(login, "BELOW_GUARD");
        assertEquals(Reach.NO, f.reachAt(login, "~/.bashrc", 6));
        assertTrue(f.reasonAt(login, "~/.bashrc", 6).contains("return` on line 4"), f.reasonAt(login, "~/.bashrc", 6));

        ContextResult tty = f.run("bash-login-interactive");
        exported(tty, "BELOW_GUARD", "1");
        assertEquals(Reach.YES, f.reachAt(tty, "~/.bashrc", 6));
    }

    @Test
    void dashReadsProfileButNotBashrcBecauseBashVersionIsUnset() {
        Fixture f = Fixture.of(tmp, DEBIAN_STYLE);
        ContextResult sh = f.run("sh-login");
        exported(sh, "FROM_PROFILE", "1");
        absent(sh, "ABOVE_GUARD");
        notRead(sh, "/.bashrc");
    }

    @Test
    void interactiveNonLoginBashReadsOnlyBashrc() {
        Fixture f = Fixture.of(tmp, DEBIAN_STYLE);
        ContextResult tab = f.run("bash-interactive");
        exported(tab, "BELOW_GUARD", "1");
        absent(tab, "FROM_PROFILE");
        notRead(tab, "/.profile");
    }

    @Test
    void bashProfileHidesProfileForBashButNotForSh() {
        // CONTEXTS.md 4.1
        Fixture f = Fixture.of(tmp, """
                #- ~/.bash_profile
                export FROM_BASH_PROFILE=1
                #- ~/.bash_login
                export FROM_BASH_LOGIN=1
                #- ~/.profile
                export FROM_PROFILE=1
                """);
        ContextResult bash = f.run("bash-login");
        exported(bash, "FROM_BASH_PROFILE", "1");
        absent(bash, "FROM_BASH_LOGIN");
        absent(bash, "FROM_PROFILE");
        ContextResult sh = f.run("sh-login");
        exported(sh, "FROM_PROFILE", "1");
        absent(sh, "FROM_BASH_PROFILE");
    }

    @Test
    void bashLoginFallsBackToBashLoginThenProfile() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.bash_login
                export FROM_BASH_LOGIN=1
                #- ~/.profile
                export FROM_PROFILE=1
                """);
        ContextResult c = f.run("bash-login-interactive");
        exported(c, "FROM_BASH_LOGIN", "1");
        absent(c, "FROM_PROFILE");
    }

    @Test
    void sshCommandReadsBashrcOnDebianOnlyWhenShlvlIsNotInherited() {
        // CONTEXTS.md 1a remote command row: SSH_SOURCE_BASHRC, the SHLVL gate
        String files = """
                #- ~/.bashrc
                export IN_BASHRC=1
                #- ~/.profile
                export IN_PROFILE=1
                """;
        Fixture f = Fixture.of(tmp, files).set("SSH_CLIENT", "127.0.0.1 50022 22");
        ContextResult c = f.run("bash-ssh-command");
        exported(c, "IN_BASHRC", "1");
        absent(c, "IN_PROFILE");
        ContextResult nested = f.set("SHLVL", "1").run("bash-ssh-command");
        absent(nested, "IN_BASHRC");
    }

    @Test
    void sshCommandReadsNothingOnArchAndMacos() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.bashrc
                export IN_BASHRC=1
                """).set("SSH_CLIENT", "127.0.0.1 50022 22");
        absent(f.platform("arch").run("bash-ssh-command"), "IN_BASHRC");
        absent(f.platform("macos").run("bash-ssh-command"), "IN_BASHRC");
    }

    @Test
    void bashEnvIsReadByNonInteractiveBashAndAfterTheProfileOfANonInteractiveLogin() {
        // CONTEXTS.md 1a: NI reads only $BASH_ENV; L+NI reads the profile then $BASH_ENV
        Fixture f = Fixture.of(tmp, """
                #- ~/.bashenv
                export FROM_BASHENV="$FROM_PROFILE-then-env"
                #- ~/.profile
                export FROM_PROFILE=profile
                """);
        f.set("BASH_ENV", f.home + "/.bashenv");
        exported(f.run("bash-noninteractive"), "FROM_BASHENV", "-then-env");
        exported(f.run("bash-login"), "FROM_BASHENV", "profile-then-env");
        absent(f.run("sh-login"), "FROM_BASHENV");
        absent(f.run("bash-interactive"), "FROM_BASHENV");
    }

    @Test
    void interactiveShReadsEnvExpanded() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.shrc
                export FROM_ENV=1
                """).set("ENV", "$HOME/.shrc");
        exported(f.run("sh-interactive"), "FROM_ENV", "1");
        absent(f.run("sh-login"), "FROM_ENV");
    }

    @Test
    void zshReadsZshenvAlwaysAndTheOtherFilesByMode() {
        // CONTEXTS.md 1c
        Fixture f = Fixture.of(tmp, """
                #- ~/.zshenv
                export ZENV=1
                #- ~/.zprofile
                export ZPROFILE=1
                #- ~/.zshrc
                export ZRC=1
                #- ~/.zlogin
                export ZLOGIN=1
                #- ~/.profile
                export PROFILE=1
                """);
        ContextResult ni = f.run("zsh-noninteractive");
        exported(ni, "ZENV", "1");
        absent(ni, "ZPROFILE");
        absent(ni, "ZRC");
        ContextResult login = f.run("zsh-login");
        exported(login, "ZPROFILE", "1");
        exported(login, "ZLOGIN", "1");
        absent(login, "ZRC");
        ContextResult tab = f.run("zsh-interactive");
        exported(tab, "ZRC", "1");
        absent(tab, "ZPROFILE");
        ContextResult all = f.run("zsh-login-interactive");
        for (String v : new String[] {"ZENV", "ZPROFILE", "ZRC", "ZLOGIN"}) exported(all, v, "1");
        absent(all, "PROFILE"); // CONTEXTS.md 4.6: zsh never reads ~/.profile
    }

    @Test
    void zdotdirSetInZshenvMovesTheLaterFiles() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.zshenv
                export ZDOTDIR="$HOME/.config/zsh"
                #- ~/.zshrc
                export HOME_ZSHRC=1
                #- ~/.config/zsh/.zshrc
                export ZDOT_ZSHRC=1
                """);
        ContextResult c = f.run("zsh-interactive");
        exported(c, "ZDOT_ZSHRC", "1");
        absent(c, "HOME_ZSHRC");
    }

    @Test
    void noRcsInZshenvStopsTheRest() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.zshenv
                setopt no_rcs
                #- ~/.zshrc
                export ZRC=1
                """);
        absent(f.run("zsh-interactive"), "ZRC");
        notRead(f.run("zsh-interactive"), "/.zshrc");
    }

    @Test
    void systemFilesComeFromTheSysrootAndDebianProfileResetsPath() {
        // CONTEXTS.md 4.4
        Fixture f = Fixture.of(tmp, """
                #- /etc/profile
                PATH="/usr/local/bin:/usr/bin:/bin:/usr/games"
                export PATH
                #- /etc/bash.bashrc
                export SYSTEM_BASHRC=1
                """).set("PATH", "/custom/bin:/usr/bin");
        ContextResult login = f.run("bash-login");
        exported(login, "PATH", "/usr/local/bin:/usr/bin:/bin:/usr/games");
        read(login, "/etc/profile");
        ContextResult tab = f.run("bash-interactive");
        exported(tab, "SYSTEM_BASHRC", "1");
        exported(tab, "PATH", "/custom/bin:/usr/bin");
        absent(f.platform("fedora").run("bash-interactive"), "SYSTEM_BASHRC"); // no SYS_BASHRC on Fedora
    }

    @Test
    void chainsRunEachShellFromThePreviousExportedEnvironment() {
        // DESIGN.md: a tmux pane is a login shell started from a login shell: prepends happen twice
        Fixture f = Fixture.of(tmp, """
                #- ~/.bash_profile
                export PATH="$HOME/bin:$PATH"
                NOT_EXPORTED=1
                """);
        ContextResult c = f.run("bash-login-interactive+bash-login-interactive");
        exported(c, "PATH", f.home + "/bin:" + f.home + "/bin:/usr/bin:/bin");
        absent(c, "NOT_EXPORTED");
        assertEquals(2, c.files().stream().filter(v -> v.status() == FileVisit.Status.READ).count());
    }

    @Test
    void argv0LoginShellsReadNothingOnMacosBash() {
        // CONTEXTS.md 1a: upstream and macOS bash lack NON_INTERACTIVE_LOGIN_SHELLS
        Fixture f = Fixture.of(tmp, """
                #- ~/.bash_profile
                export FROM_PROFILE=1
                """);
        exported(f.run("bash-login:argv0"), "FROM_PROFILE", "1");
        absent(f.platform("macos").run("bash-login:argv0"), "FROM_PROFILE");
        exported(f.platform("macos").run("bash-login"), "FROM_PROFILE", "1");
    }
}
