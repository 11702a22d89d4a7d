package dev.envreach.analysis;

import dev.envreach.facts.Facts;
import dev.envreach.syntax.Dialect;
import dev.envreach.syntax.ParseResult;
import dev.envreach.syntax.Parser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * The files the analysis reads: open editor documents overlay the disk. Only files a context's
 * startup plan names or a {@code source} statement names are ever opened; nothing is listed or
 * walked. Non-regular files (FIFOs, devices, {@code /dev/stdin}) are never opened, files over
 * {@link #MAX_SIZE} are skipped, and every read is a bounded whole-file read.
 */
public final class Workspace {
    public static final long MAX_SIZE = 1024 * 1024;

    private final Facts facts;
    private final Map<Path, String> overlay;
    private final Map<Path, Loaded> cache = new HashMap<>();
    private final Map<String, ParseResult> parses = new HashMap<>();
    private final Map<Path, ParseResult> lastParse = new HashMap<>();

    public Workspace(Facts facts, Map<Path, String> openDocuments) {
        this.facts = facts;
        this.overlay = new HashMap<>();
        if (openDocuments != null) {
            openDocuments.forEach((p, t) -> overlay.put(p.toAbsolutePath().normalize(), t));
        }
    }

    /** The outcome of looking for a file. */
    public record Loaded(Path path, FileVisit.Status status, String reason, String text) {}

    /** Loads the file the shell calls {@code shellPath} (absolute). */
    public Loaded load(String shellPath) {
        Path p = facts.physical(shellPath).toAbsolutePath().normalize();
        return cache.computeIfAbsent(p, this::read);
    }

    /** The path with symlinks resolved when it exists (stow-style homes link into a dotfiles repository). */
    static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | RuntimeException e) {
            return p;
        }
    }

    private Loaded read(Path p) {
        String doc = overlay.get(p);
        if (doc == null) doc = overlay.get(canonical(p)); // an editor may have the link's target open
        if (doc != null) return new Loaded(p, FileVisit.Status.READ, "open in the editor", doc);
        if (facts.pure() && !p.startsWith(facts.home())) {
            return new Loaded(p, FileVisit.Status.SKIPPED, "pure mode: files outside the home are not known", null);
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(p, BasicFileAttributes.class); // follows symlinks
        } catch (IOException e) {
            boolean dangling = Files.exists(p, LinkOption.NOFOLLOW_LINKS);
            return new Loaded(p, FileVisit.Status.MISSING, dangling ? "dangling symlink" : "does not exist", null);
        } catch (RuntimeException e) {
            return new Loaded(p, FileVisit.Status.SKIPPED, "cannot be examined: " + e.getMessage(), null);
        }
        if (attrs.isDirectory()) return new Loaded(p, FileVisit.Status.SKIPPED, "is a directory", null);
        if (!attrs.isRegularFile()) {
            return new Loaded(p, FileVisit.Status.SKIPPED, "not a regular file (FIFO, device or socket): not opened", null);
        }
        if (attrs.size() > MAX_SIZE) {
            return new Loaded(p, FileVisit.Status.SKIPPED, "larger than 1 MB (" + attrs.size() + " bytes): not read", null);
        }
        if (!Files.isReadable(p)) return new Loaded(p, FileVisit.Status.MISSING, "not readable", null);
        try {
            byte[] bytes = Files.readAllBytes(p);
            if (bytes.length > MAX_SIZE) {
                return new Loaded(p, FileVisit.Status.SKIPPED, "larger than 1 MB: not read", null);
            }
            return new Loaded(p, FileVisit.Status.READ, null, new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return new Loaded(p, FileVisit.Status.SKIPPED, "read failed: " + e.getMessage(), null);
        }
    }

    /** The parse of a loaded file in a dialect (cached; the same text parses once per dialect). */
    public ParseResult parse(Loaded file, Dialect dialect) {
        String key = file.path() + "\0" + dialect.id();
        ParseResult r = parses.get(key);
        if (r == null || !r.text().equals(file.text())) {
            r = Parser.parse(file.text(), dialect);
            parses.put(key, r);
        }
        lastParse.putIfAbsent(file.path(), r);
        return r;
    }

    /** One parse per file read (the first dialect it was read in). */
    public Map<Path, ParseResult> parses() {
        return Map.copyOf(lastParse);
    }
}
