package dev.envreach.facts;

import dev.envreach.model.Tri;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Facts for a home meant for another machine: every question about the machine is unknown. */
public final class PureFacts implements Facts {
    private final Path home;

    public PureFacts(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    @Override public Path home() { return home; }
    @Override public Path sysroot() { return Path.of("/"); }
    @Override public boolean pure() { return true; }

    @Override
    public Path physical(String path) {
        return Path.of(path);
    }

    @Override public Tri exists(String path) { return Tri.UNKNOWN; }
    @Override public Tri isDirectory(String path) { return Tri.UNKNOWN; }
    @Override public Tri isRegularFile(String path) { return Tri.UNKNOWN; }
    @Override public Tri isReadable(String path) { return Tri.UNKNOWN; }
    @Override public Tri isExecutable(String path) { return Tri.UNKNOWN; }
    @Override public Tri isSymlink(String path) { return Tri.UNKNOWN; }
    @Override public Tri isNonEmpty(String path) { return Tri.UNKNOWN; }
    @Override public Tri commandOnPath(String name, List<String> pathDirs) { return Tri.UNKNOWN; }
    @Override public Optional<List<String>> listDirectory(String dir) { return Optional.empty(); }
    @Override public Optional<Integer> uid() { return Optional.empty(); }
    @Override public Optional<String> userName() { return Optional.empty(); }
    @Override public Optional<String> os() { return Optional.empty(); }
}
