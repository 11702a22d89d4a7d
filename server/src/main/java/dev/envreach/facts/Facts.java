package dev.envreach.facts;

import dev.envreach.model.Tri;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the analysis may ask the machine, read-only. Paths are the shell's absolute paths
 * ({@code /etc/profile}, {@code /home/u/go}); an implementation maps {@code /etc} into its sysroot.
 * Every answer may be {@link Tri#UNKNOWN}: the analysis then considers both outcomes.
 */
public interface Facts {
    /** The home directory being analysed. */
    Path home();

    /** The directory standing for {@code /} when {@code /etc} files are read or tested. */
    Path sysroot();

    /** True when nothing about the machine is known (a dotfiles repository meant for another machine). */
    boolean pure();

    /** Where the shell path {@code path} is on this machine (absolute shell paths only). */
    Path physical(String path);

    Tri exists(String path);

    Tri isDirectory(String path);

    Tri isRegularFile(String path);

    Tri isReadable(String path);

    Tri isExecutable(String path);

    Tri isSymlink(String path);

    /** {@code -s}: exists and is not empty. */
    Tri isNonEmpty(String path);

    /**
     * Whether {@code name} is found as an executable in one of the directories of {@code pathDirs}
     * (the simulated {@code PATH}); {@code pathDirs} null means PATH is not known.
     */
    Tri commandOnPath(String name, List<String> pathDirs);

    /** The names in a directory (for a glob a startup file itself names), sorted; empty when unknown. */
    Optional<List<String>> listDirectory(String dir);

    /** The user's numeric id, when known. */
    Optional<Integer> uid();

    /** The user's login name, when known. */
    Optional<String> userName();

    /** {@code linux} or {@code macos}, when known. */
    Optional<String> os();
}
