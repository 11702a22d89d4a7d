package dev.envreach.facts;

import dev.envreach.model.Tri;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Facts read from this machine: file tests under the home and elsewhere, {@code /etc} under the
 * sysroot. Never writes, never runs a process. Directory listings are only done for a directory a
 * startup file names in a glob, never for the whole home.
 */
public final class RealFacts implements Facts {
    private static final int MAX_LISTING = 1000;
    private final Path home;
    private final Path sysroot;
    private final Integer uid;
    private final String user;
    private final String os;

    public RealFacts(Path home, Path sysroot, Integer uid, String user, String os) {
        this.home = home.toAbsolutePath().normalize();
        this.sysroot = sysroot == null ? Path.of("/") : sysroot.toAbsolutePath().normalize();
        this.uid = uid;
        this.user = user;
        this.os = os;
    }

    /** Facts for a home and sysroot on this machine, with the running user's name and id. */
    public static RealFacts forMachine(Path home, Path sysroot) {
        String osName = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String user = System.getProperty("user.name");
        try {
            user = Files.getOwner(home).getName(); // the home's owner is the user whose shells are analysed
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            user = System.getProperty("user.name");
        }
        Integer uid = null;
        try {
            Object v = Files.getAttribute(home, "unix:uid");
            if (v instanceof Integer i) uid = i;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            uid = null;
        }
        return new RealFacts(home, sysroot, uid, user, osName.contains("mac") ? "macos" : "linux");
    }

    @Override public Path home() { return home; }
    @Override public Path sysroot() { return sysroot; }
    @Override public boolean pure() { return false; }

    @Override
    public Path physical(String path) {
        if (path.equals("/etc") || path.startsWith("/etc/")) {
            return sysroot.resolve(path.substring(1)).normalize();
        }
        return Path.of(path).normalize();
    }

    private Optional<Path> p(String path) {
        if (path == null || !path.startsWith("/") || path.indexOf('\0') >= 0) return Optional.empty();
        try {
            return Optional.of(physical(path));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override public Tri exists(String path) { return p(path).map(x -> Tri.of(Files.exists(x))).orElse(Tri.UNKNOWN); }
    @Override public Tri isDirectory(String path) { return p(path).map(x -> Tri.of(Files.isDirectory(x))).orElse(Tri.UNKNOWN); }
    @Override public Tri isRegularFile(String path) { return p(path).map(x -> Tri.of(Files.isRegularFile(x))).orElse(Tri.UNKNOWN); }
    @Override public Tri isReadable(String path) { return p(path).map(x -> Tri.of(Files.isReadable(x))).orElse(Tri.UNKNOWN); }
    @Override public Tri isExecutable(String path) { return p(path).map(x -> Tri.of(Files.isExecutable(x))).orElse(Tri.UNKNOWN); }
    @Override public Tri isSymlink(String path) { return p(path).map(x -> Tri.of(Files.isSymbolicLink(x))).orElse(Tri.UNKNOWN); }

    @Override
    public Tri isNonEmpty(String path) {
        return p(path).map(x -> {
            try {
                return Tri.of(Files.exists(x) && Files.size(x) > 0);
            } catch (IOException e) {
                return Tri.UNKNOWN;
            }
        }).orElse(Tri.UNKNOWN);
    }

    @Override
    public Tri commandOnPath(String name, List<String> pathDirs) {
        if (pathDirs == null || name.isEmpty()) return Tri.UNKNOWN;
        if (name.contains("/")) return name.startsWith("/") ? isExecutable(name).and(isRegularFile(name)) : Tri.UNKNOWN;
        Tri any = Tri.FALSE;
        for (String dir : pathDirs) {
            if (dir.isEmpty() || !dir.startsWith("/")) {
                any = any.or(Tri.UNKNOWN); // the current directory: not known
                continue;
            }
            String candidate = dir.endsWith("/") ? dir + name : dir + "/" + name;
            any = any.or(isExecutable(candidate).and(isRegularFile(candidate)));
            if (any.isTrue()) return Tri.TRUE;
        }
        return any;
    }

    @Override
    public Optional<List<String>> listDirectory(String dir) {
        Optional<Path> d = p(dir);
        if (d.isEmpty()) return Optional.empty();
        if (!Files.isDirectory(d.get())) return Optional.of(List.of());
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(d.get())) {
            for (Path e : ds) {
                names.add(e.getFileName().toString());
                if (names.size() > MAX_LISTING) return Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Collections.sort(names);
        return Optional.of(names);
    }

    @Override public Optional<Integer> uid() { return Optional.ofNullable(uid); }
    @Override public Optional<String> userName() { return Optional.ofNullable(user); }
    @Override public Optional<String> os() { return Optional.ofNullable(os); }

    /** True when {@code path} exists without following a final symlink. */
    static boolean existsNoFollow(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }
}
