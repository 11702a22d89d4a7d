package dev.envreach.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/contexts.md is generated from the JSON, and the JSON holds what the catalogue promises. */
class ContextsDocTest {
    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve(".ci"))) p = p.getParent();
        assertNotNull(p, "repository root (the directory holding .ci) not found");
        return p;
    }

    @Test
    void docsContextsMdMatchesTheJson() throws IOException {
        Path doc = repoRoot().resolve("docs/contexts.md");
        String expected = ContextsDoc.render();
        if (Boolean.getBoolean("envreach.regenerate")) Files.writeString(doc, expected);
        assertTrue(Files.exists(doc), "docs/contexts.md is missing: regenerate it");
        assertEquals(expected, Files.readString(doc), "docs/contexts.md is out of date with contexts.json: regenerate it");
    }

    @Test
    void everyContextTheIssueListsExistsWithDescriptionChainsAndSource() {
        List<String> required = List.of("ssh-login", "ssh-command", "terminal-tab", "macos-terminal", "tmux-pane",
                "gnome-wayland-session", "x11-xsession", "kde-plasma-sddm", "vscode-desktop", "vscode-terminal",
                "jetbrains-macos", "cron", "systemd-user-service", "sudo", "sudo-login", "git-hook", "make-recipe",
                "emacs-exec-path-from-shell");
        Set<String> ids = new HashSet<>();
        for (NamedContext c : Contexts.all()) {
            ids.add(c.id());
            assertFalse(c.description() == null || c.description().isBlank(), c.id() + " has no description");
            assertFalse(c.source() == null || c.source().isBlank(), c.id() + " has no source");
            for (String shell : List.of("bash", "zsh", "sh")) {
                assertNotNull(c.chains().get(shell), c.id() + " has no chain for " + shell);
                for (String step : c.chains().get(shell)) {
                    assertTrue(ChainStep.parse(step).isPresent(), c.id() + ": unknown mode " + step);
                }
            }
            for (String p : c.platforms()) assertTrue(Platforms.IDS.contains(p), c.id() + ": unknown platform " + p);
        }
        for (String r : required) assertTrue(ids.contains(r), "missing context " + r);
    }

    @Test
    void theElevenModesHaveTheirDesignNames() {
        assertEquals(List.of("bash-login-interactive", "bash-login", "bash-interactive", "bash-noninteractive",
                        "bash-ssh-command", "zsh-login-interactive", "zsh-login", "zsh-interactive", "zsh-noninteractive",
                        "sh-login", "sh-interactive"),
                Arrays.stream(Mode.values()).map(Mode::id).toList());
    }

    @Test
    void platformBuildSwitchesFollowTheCatalogue() {
        // CONTEXTS.md table 1b
        Platform debian = Platforms.byId("debian").orElseThrow();
        assertEquals("/etc/bash.bashrc", debian.bash().sysBashrc());
        assertTrue(debian.bash().sshSourceBashrc());
        assertTrue(debian.bash().nonInteractiveLoginShells());
        Platform fedora = Platforms.byId("fedora").orElseThrow();
        assertEquals(null, fedora.bash().sysBashrc());
        assertTrue(fedora.bash().sshSourceBashrc());
        Platform arch = Platforms.byId("arch").orElseThrow();
        assertFalse(arch.bash().sshSourceBashrc());
        assertTrue(arch.bash().nonInteractiveLoginShells());
        Platform mac = Platforms.byId("macos").orElseThrow();
        assertFalse(mac.bash().nonInteractiveLoginShells());
        assertFalse(mac.bash().sshSourceBashrc());
        assertEquals("/etc", mac.zshEtcDir());
        assertEquals("/etc/zsh", debian.zshEtcDir());
        assertEquals("dash", debian.binSh());
        assertEquals("bash", fedora.binSh());
    }
}
