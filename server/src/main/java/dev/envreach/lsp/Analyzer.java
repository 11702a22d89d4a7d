package dev.envreach.lsp;

import dev.envreach.analysis.AnalysisInput;
import dev.envreach.analysis.HomeAnalysis;
import dev.envreach.analysis.HomeAnalyzer;
import dev.envreach.facts.Facts;
import dev.envreach.facts.RealFacts;
import dev.envreach.model.Mode;
import dev.envreach.model.Platform;
import dev.envreach.model.Platforms;
import dev.envreach.rules.Finding;
import dev.envreach.rules.ParsedFile;
import dev.envreach.rules.ReachData;
import dev.envreach.rules.RuleInput;
import dev.envreach.rules.RuleRunner;
import dev.envreach.syntax.Dialect;
import dev.envreach.syntax.DialectDetector;
import dev.envreach.syntax.ParseResult;
import dev.envreach.syntax.Parser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs one analysis: the reach engine over the home (open documents and dotfiles-repo files overlaying
 * the disk), then the rules. The engine starts from the startup files and follows what they source;
 * nothing scans a folder.
 */
final class Analyzer {
    private final RuleRunner rules;

    Analyzer(RuleRunner rules) {
        this.rules = rules;
    }

    /** Thrown when a newer change made this run useless. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("analysis superseded", null, false, false);
        }
    }

    Snapshot analyze(long generation, DocumentStore store, HomeView view, Settings settings, BooleanSupplier cancelled) {
        Map<Path, OpenDocument> openByHome = new LinkedHashMap<>();
        for (OpenDocument doc : store.openDocuments()) openByHome.put(view.toHome(doc.path()), doc);
        Map<Path, String> overlay = new HashMap<>();
        openByHome.forEach((home, doc) -> overlay.put(home, doc.text()));
        for (Map.Entry<Path, Path> m : view.mappings().entrySet()) {
            if (!overlay.containsKey(m.getValue())) DocumentStore.readDisk(m.getKey()).ifPresent(t -> overlay.put(m.getValue(), t));
        }

        Platform platform = platform(settings);
        HomeAnalysis engine = null;
        try {
            Facts facts = RealFacts.forMachine(view.home(), settings.sysroot.isBlank() ? null : Path.of(settings.sysroot));
            Mode.ShellKind shell = Mode.ShellKind.fromShellPath(settings.loginShell).orElse(null);
            engine = HomeAnalyzer.analyze(new AnalysisInput(facts, platform, overlay, settings.contexts, null, shell));
        } catch (RuntimeException | StackOverflowError e) {
            ServerLog.error("reach analysis failed; reporting syntax only", e);
        }
        if (cancelled.getAsBoolean()) throw new Cancelled();

        Map<Path, ParseResult> parses = new LinkedHashMap<>();
        if (engine != null) engine.parses().forEach((p, r) -> parses.put(p.toAbsolutePath().normalize(), r));
        for (String name : HomeView.STARTUP_FILES) {
            Path home = view.home().resolve(name);
            if (!parses.containsKey(home)) text(home, openByHome, overlay, view).ifPresent(t -> parses.put(home, parse(home, null, t)));
        }
        for (Map.Entry<Path, OpenDocument> e : openByHome.entrySet()) {
            if (!parses.containsKey(e.getKey())) parses.put(e.getKey(), parse(e.getKey(), e.getValue().languageId(), e.getValue().text()));
        }

        List<AnalyzedFile> files = new ArrayList<>();
        List<ParsedFile> parsed = new ArrayList<>();
        for (Map.Entry<Path, ParseResult> e : parses.entrySet()) {
            Path home = e.getKey();
            parsed.add(new ParsedFile(home, e.getValue()));
            OpenDocument doc = openByHome.get(home);
            boolean mine = doc != null || home.startsWith(view.home());
            if (!mine) continue;
            if (doc != null && !doc.text().equals(e.getValue().text())) continue;
            Path real = view.toReal(home);
            String uri = doc != null ? doc.uri() : real.toUri().toString();
            files.add(new AnalyzedFile(home, real, uri, doc == null ? null : doc.version(), e.getValue()));
        }
        ReachData reach = engine == null ? null : new ReachData(engine, view.home(), platform.id(), settings.loginShell);
        List<Finding> all = rules.run(new RuleInput(parsed, reach), settings.disabledRules,
                (rule, e) -> ServerLog.error("rule " + rule.id() + " failed", e));
        java.util.Set<Path> published = new java.util.HashSet<>();
        for (AnalyzedFile f : files) published.add(f.homePath());
        List<Finding> findings = all.stream().filter(f -> published.contains(f.file())).toList();
        if (cancelled.getAsBoolean()) throw new Cancelled();
        return new Snapshot(generation, view, settings, files, findings, reach);
    }

    static Platform platform(Settings settings) {
        if (settings.platform == null || settings.platform.isBlank() || settings.platform.equals("auto")) return Platforms.host();
        return Platforms.byId(settings.platform).orElseGet(() -> {
            ServerLog.warn("unknown platform '" + settings.platform + "'; using " + Platforms.host().id());
            return Platforms.host();
        });
    }

    private static Optional<String> text(Path home, Map<Path, OpenDocument> open, Map<Path, String> overlay, HomeView view) {
        if (overlay.containsKey(home)) return Optional.of(overlay.get(home));
        return DocumentStore.readDisk(view.toReal(home));
    }

    private static ParseResult parse(Path home, String languageId, String text) {
        return Parser.parse(text, dialect(home, languageId, text));
    }

    /** The file's name and text decide; the client's language id only when they do not. */
    static Dialect dialect(Path homePath, String languageId, String text) {
        DialectDetector.Detection d = DialectDetector.explain(homePath.toString(), text, null);
        if (d.basis() == DialectDetector.Basis.DEFAULT && languageId != null) {
            return Dialect.fromId(languageId).orElse(d.dialect());
        }
        return d.dialect();
    }
}
