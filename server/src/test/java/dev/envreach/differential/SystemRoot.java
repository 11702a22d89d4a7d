package dev.envreach.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The sysroot given to envreach: a temporary copy of this machine's shell startup files.
 *
 * <p>A real shell always reads the machine's own {@code /etc/profile}, {@code /etc/bash.bashrc},
 * {@code /etc/profile.d/*.sh}, {@code /etc/zsh/*} and so on; the test cannot give it other ones.
 * So that envreach judges the same system files, the test copies those files from {@code /etc}
 * into a temporary sysroot at test time and passes it with {@code --sysroot}. The fixtures
 * themselves never depend on what those files contain beyond what every Debian machine ships.
 * ({@code passwd} is copied too, for {@code ~user}.)
 * This is the only place where the differential suite reads the machine's {@code /etc}.
 */
final class SystemRoot {
    /** Files and directories (relative to /etc) that bash, zsh and dash read at startup. */
    static final List<String> STARTUP_FILES = List.of(
            "profile", "profile.d", "bash.bashrc", "bash.bash_logout", "zsh", "zshenv", "zprofile", "zshrc",
            "zlogin", "zlogout", "environment", "debian_chroot", "os-release", "shells", "passwd");

    private SystemRoot() {}

    static Path copyFrom(Path etc, Path sysroot) throws IOException {
        Path target = sysroot.resolve("etc");
        Files.createDirectories(target);
        for (String name : STARTUP_FILES) {
            Path source = etc.resolve(name);
            if (!Files.exists(source)) {
                continue;
            }
            if (Files.isDirectory(source)) {
                Path dir = target.resolve(name);
                Files.createDirectories(dir);
                try (var entries = Files.list(source)) {
                    for (Path entry : (Iterable<Path>) entries::iterator) {
                        if (Files.isRegularFile(entry)) {
                            Files.copy(entry, dir.resolve(entry.getFileName().toString()),
                                    StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            } else if (Files.isRegularFile(source)) {
                // follows symlinks (os-release points into /usr/lib): envreach sees the content
                Files.copy(source, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return sysroot;
    }
}
