package dev.envreach.lsp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Dotfiles repositories opened as the workspace map their files onto home targets. */
class HomeViewTest {
    @TempDir
    Path tmp;

    private Path home() throws Exception {
        return Files.createDirectories(tmp.resolve("home"));
    }

    private Path repo(String... files) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        for (String f : files) {
            Path p = repo.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "# " + f + "\n");
        }
        return repo;
    }

    @Test
    void homeAsWorkspaceMapsNothing() throws Exception {
        Path home = home();
        HomeView v = HomeView.of(home, home, new Settings.Dotfiles());
        assertFalse(v.mapped());
        assertEquals(home.resolve(".bashrc"), v.toReal(home.resolve(".bashrc")));
    }

    @Test
    void plainRepositoryMapsDottedAndUndottedNames() throws Exception {
        Path home = home();
        Path repo = repo(".bashrc", "zshrc", "README.md");
        HomeView v = HomeView.of(home, repo, new Settings.Dotfiles());
        assertEquals("plain", v.layout());
        assertEquals(repo.resolve(".bashrc"), v.toReal(home.resolve(".bashrc")));
        assertEquals(home.resolve(".zshrc"), v.toHome(repo.resolve("zshrc")));
        assertEquals(repo.resolve("README.md"), v.toHome(repo.resolve("README.md")));
    }

    @Test
    void stowPackagesMapTheirTopLevelDotfiles() throws Exception {
        Path home = home();
        Path repo = repo("bash/.bashrc", "bash/.bash_profile", "zsh/.zshenv");
        HomeView v = HomeView.of(home, repo, new Settings.Dotfiles());
        assertEquals("stow", v.layout());
        assertEquals(repo.resolve("bash/.bash_profile"), v.toReal(home.resolve(".bash_profile")));
        assertEquals(repo.resolve("zsh/.zshenv"), v.toReal(home.resolve(".zshenv")));
    }

    @Test
    void chezmoiSourceNamesLoseTheirAttributesAndTemplateSuffix() throws Exception {
        Path home = home();
        Path repo = repo("dot_bashrc", "private_dot_zshrc.tmpl", "dot_config/x");
        HomeView v = HomeView.of(home, repo, new Settings.Dotfiles());
        assertEquals("chezmoi", v.layout());
        assertEquals(repo.resolve("dot_bashrc"), v.toReal(home.resolve(".bashrc")));
        assertEquals(repo.resolve("private_dot_zshrc.tmpl"), v.toReal(home.resolve(".zshrc")));
    }

    @Test
    void settingsMappingOverridesTheLayout() throws Exception {
        Path home = home();
        Path repo = repo("shell/my-profile", ".bashrc");
        Settings.Dotfiles d = new Settings.Dotfiles();
        d.map.put("shell/my-profile", "~/.profile");
        HomeView v = HomeView.of(home, repo, d);
        assertEquals(repo.resolve("shell/my-profile"), v.toReal(home.resolve(".profile")));
        assertEquals(repo.resolve(".bashrc"), v.toReal(home.resolve(".bashrc")));
    }
}
