package dev.envreach.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Startup files a shell does not read because another one takes their place are listed as skipped, with
 * the file read instead: bash's first-found rule (bash(1) INVOCATION: "the first one that exists and is
 * readable" of ~/.bash_profile, ~/.bash_login, ~/.profile) and zsh's ZDOTDIR (zsh(1) STARTUP FILES).
 */
class ShadowedStartupFilesTest {
    @TempDir
    Path tmp;

    private static List<FileVisit> user(ContextResult c, Fixture f) {
        return c.files().stream().filter(v -> v.path() != null && v.path().startsWith(f.home)).toList();
    }

    @Test
    void bashProfileShadowsBashLoginAndProfile() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.bash_profile
                export A=1
                #- ~/.bash_login
                export B=1
                #- ~/.profile
                export C=1
                """);
        ContextResult c = f.run("bash-login");
        List<FileVisit> u = user(c, f);
        assertEquals(3, u.size(), u.toString());
        assertEquals(FileVisit.Status.READ, u.get(0).status());
        assertNull(u.get(0).shadowedBy());
        for (FileVisit v : u.subList(1, 3)) {
            assertEquals(FileVisit.Status.SKIPPED, v.status(), v.toString());
            assertTrue(v.shadowed());
            assertEquals(f.physical("~/.bash_profile"), v.shadowedBy());
            assertEquals("not read: ~/.bash_profile exists and bash reads only the first of ~/.bash_profile, ~/.bash_login, ~/.profile",
                    v.reason());
        }
        assertTrue(u.get(1).shellPath().endsWith("/.bash_login") && u.get(2).shellPath().endsWith("/.profile"), u.toString());
    }

    @Test
    void withoutBashProfileBashLoginShadowsProfileAndMissingFilesAreNotSkipped() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.bash_login
                export B=1
                #- ~/.profile
                export C=1
                """);
        List<FileVisit> u = user(f.run("bash-login"), f);
        assertEquals(List.of(FileVisit.Status.MISSING, FileVisit.Status.READ, FileVisit.Status.SKIPPED),
                u.stream().map(FileVisit::status).toList(), u.toString());
        assertEquals(f.physical("~/.bash_login"), u.get(2).shadowedBy());
        assertTrue(u.get(2).reason().startsWith("not read: ~/.bash_login exists"), u.get(2).reason());

        Fixture only = Fixture.of(tmp.resolve("b"), "#- ~/.bash_profile\nexport A=1\n");
        assertTrue(user(only.run("bash-login"), only).stream().noneMatch(FileVisit::shadowed),
                "files that do not exist are not listed as skipped");
    }

    @Test
    void aProfileSourcedByBashProfileIsReadNotSkipped() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.bash_profile
                . "$HOME/.profile"
                #- ~/.profile
                export C=1
                """);
        ContextResult c = f.run("bash-login");
        assertTrue(c.files().stream().noneMatch(FileVisit::shadowed), c.files().toString());
        Fixture.read(c, "/.profile");
    }

    @Test
    void zdotdirShadowsTheHomesZshFiles() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.zshenv
                export ZDOTDIR="$HOME/.config/zsh"
                #- ~/.zshrc
                export OLD=1
                #- ~/.config/zsh/.zshrc
                export NEW=1
                """);
        ContextResult c = f.run("zsh-interactive");
        Fixture.exported(c, "NEW", "1");
        Fixture.absent(c, "OLD");
        FileVisit skipped = c.files().stream().filter(FileVisit::shadowed).findFirst().orElseThrow();
        assertEquals(f.physical("~/.zshrc"), skipped.path());
        assertEquals(f.physical("~/.config/zsh/.zshrc"), skipped.shadowedBy());
        assertEquals("not read: ZDOTDIR is ~/.config/zsh, so zsh reads ~/.config/zsh/.zshrc instead", skipped.reason());
        assertEquals(1, c.files().stream().filter(FileVisit::shadowed).count(), "~/.zshenv was read before ZDOTDIR was set: " + c.files());
    }
}
