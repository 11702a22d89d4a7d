package dev.envreach.lsp;

import dev.envreach.rules.Finding;
import dev.envreach.rules.SyntaxIndex;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The result of one analysis run over every file of the startup graph plus the open documents. */
public final class Snapshot {
    private final long generation;
    private final HomeView view;
    private final Settings settings;
    private final Map<Path, AnalyzedFile> byReal = new LinkedHashMap<>();
    private final Map<Path, AnalyzedFile> byHome = new LinkedHashMap<>();
    private final List<Finding> findings;
    private final dev.envreach.rules.ReachData engine;
    private final Map<Path, SyntaxIndex> indexes = new java.util.concurrent.ConcurrentHashMap<>();

    Snapshot(long generation, HomeView view, Settings settings, List<AnalyzedFile> files, List<Finding> findings, dev.envreach.rules.ReachData engine) {
        this.generation = generation;
        this.view = view;
        this.settings = settings;
        for (AnalyzedFile f : files) {
            byReal.put(f.realPath(), f);
            byHome.put(f.homePath(), f);
        }
        this.findings = List.copyOf(findings);
        this.engine = engine;
    }

    public long generation() {
        return generation;
    }

    public HomeView view() {
        return view;
    }

    public Settings settings() {
        return settings;
    }

    public List<AnalyzedFile> files() {
        return List.copyOf(byReal.values());
    }

    public Optional<AnalyzedFile> byReal(Path real) {
        return Optional.ofNullable(byReal.get(real.toAbsolutePath().normalize()));
    }

    public Optional<AnalyzedFile> byHome(Path home) {
        return Optional.ofNullable(byHome.get(home.toAbsolutePath().normalize()));
    }

    public Optional<AnalyzedFile> byUri(String uri) {
        return DocumentStore.toPath(uri).flatMap(this::byReal);
    }

    public List<Finding> findings() {
        return findings;
    }

    /** Findings located in the file with this home path. */
    public List<Finding> findingsIn(Path homePath) {
        return findings.stream().filter(f -> f.file().equals(homePath)).toList();
    }

    /** The navigation index of a file (by home path), built on first use. */
    SyntaxIndex index(AnalyzedFile f) {
        return indexes.computeIfAbsent(f.homePath(), k -> SyntaxIndex.of(f.parse()));
    }

    /** The engine's results, or null when the analysis failed (syntax findings still hold). */
    public dev.envreach.rules.ReachData reach() {
        return engine;
    }
}
