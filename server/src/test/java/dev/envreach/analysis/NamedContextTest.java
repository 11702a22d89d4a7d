package dev.envreach.analysis;

import dev.envreach.facts.PureFacts;
import dev.envreach.facts.RealFacts;
import dev.envreach.model.Mode;
import dev.envreach.model.Platforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.envreach.analysis.Fixture.absent;
import static dev.envreach.analysis.Fixture.exported;
import static dev.envreach.analysis.Fixture.maybe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Named contexts with their default environments (CONTEXTS.md 1d-1f), non-shell sources, pure mode. */
class NamedContextTest {
    @TempDir
    Path tmp;

    private ContextResult run(Fixture f, String platform, String ctx, Mode.ShellKind shell) {
        AnalysisInput in = new AnalysisInput(new RealFacts(f.home, f.sysroot, 1000, "user", "linux"),
                Platforms.byId(platform).orElseThrow(), Map.of(), List.of(ctx), null, shell);
        return HomeAnalyzer.analyze(in).contexts().get(0);
    }

    @Test
    void cronReadsNoStartupFileAndHasCronsPath() {
        // CONTEXTS.md 4.17
        Fixture f = Fixture.of(tmp, """
                #- ~/.profile
                export FROM_PROFILE=1
                #- ~/.bashrc
                export FROM_BASHRC=1
                """);
        ContextResult c = run(f, "debian", "cron", Mode.ShellKind.BASH);
        assertTrue(c.files().isEmpty(), c.files().toString());
        exported(c, "PATH", "/usr/bin:/bin");
        exported(c, "SHELL", "/bin/sh");
        absent(c, "FROM_PROFILE");
        absent(c, "FROM_BASHRC");
    }

    @Test
    void sshCommandDependsOnThePlatformsBashBuild() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.bashrc
                export FROM_BASHRC=1
                """);
        exported(run(f, "debian", "ssh-command", Mode.ShellKind.BASH), "FROM_BASHRC", "1");
        exported(run(f, "fedora", "ssh-command", Mode.ShellKind.BASH), "FROM_BASHRC", "1");
        absent(run(f, "arch", "ssh-command", Mode.ShellKind.BASH), "FROM_BASHRC");
        absent(run(f, "macos", "ssh-command", Mode.ShellKind.BASH), "FROM_BASHRC");
    }

    @Test
    void theLoginShellPicksTheChain() {
        // CONTEXTS.md 4.6: a zsh user on GNOME Wayland gets ~/.zprofile, not ~/.profile
        Fixture f = Fixture.of(tmp, """
                #- ~/.profile
                export FROM_PROFILE=1
                #- ~/.zprofile
                export FROM_ZPROFILE=1
                """);
        ContextResult zsh = run(f, "debian", "gnome-wayland-session", Mode.ShellKind.ZSH);
        exported(zsh, "FROM_ZPROFILE", "1");
        absent(zsh, "FROM_PROFILE");
        ContextResult bash = run(f, "debian", "gnome-wayland-session", Mode.ShellKind.BASH);
        exported(bash, "FROM_PROFILE", "1");
        ContextResult x11 = run(f, "debian", "x11-xsession", Mode.ShellKind.ZSH);
        exported(x11, "FROM_PROFILE", "1"); // the Xsession is /bin/sh whatever the login shell
    }

    @Test
    void systemdUserServicesReadEnvironmentDNotShellFiles() {
        // CONTEXTS.md 1d environment.d rows: $X expanded, quotes stripped, ~ kept, export lines rejected
        Fixture f = Fixture.of(tmp, """
                #- ~/.config/environment.d/10-go.conf
                GOPATH=$HOME/go
                QUOTED="a b"
                TILDE=~/x
                export REJECTED=1
                #- ~/.profile
                export FROM_PROFILE=1
                """);
        ContextResult c = run(f, "debian", "systemd-user-service", Mode.ShellKind.BASH);
        exported(c, "GOPATH", f.home + "/go");
        exported(c, "QUOTED", "a b");
        exported(c, "TILDE", "~/x");
        absent(c, "REJECTED");
        absent(c, "FROM_PROFILE");
    }

    @Test
    void pamEnvironmentIsLiteralAndHashEndsTheValue() {
        // CONTEXTS.md 1d /etc/environment parsed by pam_env (RAN via sshd)
        Map<String, String> env = EnvironmentFiles.pamEnvironment("""
                export B=b
                Q="quoted"
                LIT=$HOME/x
                H=a#b
                # comment
                """);
        assertEquals("b", env.get("B"));
        assertEquals("quoted", env.get("Q"));
        assertEquals("$HOME/x", env.get("LIT"));
        assertEquals("a", env.get("H"));
    }

    @Test
    void environmentDExpandsDefaultsAndKeepsHash() {
        Map<String, String> env = new LinkedHashMap<>(Map.of("HOME", "/h"));
        EnvironmentFiles.environmentD("""
                A=${UNSET:-dflt}
                B=${HOME:+set}
                C='$HOME/single'
                D=x#y
                E=a\\ b
                """, env);
        assertEquals("dflt", env.get("A"));
        assertEquals("set", env.get("B"));
        assertEquals("/h/single", env.get("C")); // single quotes do not stop expansion (systemd 252)
        assertEquals("x#y", env.get("D"));
        assertEquals("a b", env.get("E"));
    }

    @Test
    void pureModeAnswersUnknownForTheMachine() {
        Fixture f = Fixture.of(tmp, """
                #- ~/go/
                #- ~/.bashrc
                [ -d "$HOME/go" ] && export GOPATH="$HOME/go"
                command -v go >/dev/null && export HAVE_GO=1
                export PLAIN=1
                """);
        AnalysisInput in = new AnalysisInput(new PureFacts(f.home), Platforms.byId("debian").orElseThrow(), Map.of(),
                List.of("bash-interactive"), f.env, null);
        ContextResult c = HomeAnalyzer.analyze(in).contexts().get(0);
        maybe(c, "GOPATH");
        maybe(c, "HAVE_GO");
        exported(c, "PLAIN", "1");
        assertTrue(c.files().stream().anyMatch(v -> v.shellPath().equals("/etc/bash.bashrc") && v.status() == FileVisit.Status.SKIPPED));
        assertNull(c.variables().get("PATH").value(), "system files of an unknown machine may change PATH");
    }

    @Test
    void contextNamesAreCheckedWithAMessage() {
        Fixture f = Fixture.of(tmp, "#- ~/.bashrc\n:\n");
        try {
            run(f, "debian", "macos-terminal", Mode.ShellKind.BASH);
            throw new AssertionError("macos-terminal does not exist on debian");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("macos"), e.getMessage());
        }
    }
}
