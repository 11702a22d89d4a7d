package dev.envreach.lsp;

import dev.envreach.rules.Finding;
import dev.envreach.rules.ParsedFile;
import dev.envreach.rules.RuleInput;
import dev.envreach.rules.RuleRunner;
import dev.envreach.syntax.Dialect;
import dev.envreach.syntax.DialectDetector;
import dev.envreach.syntax.ParseResult;
import dev.envreach.syntax.Parser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs one analysis: the startup files under home and every open document, parsed, then the rules.
 * Starts from the startup files and follows what they read; never scans a folder.
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
        Map<Path, AnalyzedFile> files = new LinkedHashMap<>();
        for (String name : HomeView.STARTUP_FILES) {
            Path homePath = view.home().resolve(name);
            addFile(files, store, view, settings, homePath);
        }
        for (OpenDocument doc : store.openDocuments()) {
            addFile(files, store, view, settings, view.toHome(doc.path()));
        }
        if (cancelled.getAsBoolean()) throw new Cancelled();
        List<ParsedFile> parsed = new ArrayList<>();
        for (AnalyzedFile f : files.values()) parsed.add(new ParsedFile(f.homePath(), f.parse()));
        List<Finding> findings = rules.run(new RuleInput(parsed), settings.disabledRules,
                (rule, e) -> ServerLog.error("rule " + rule.id() + " failed", e));
        if (cancelled.getAsBoolean()) throw new Cancelled();
        return new Snapshot(generation, view, settings, List.copyOf(files.values()), findings, null);
    }

    private static void addFile(Map<Path, AnalyzedFile> files, DocumentStore store, HomeView view, Settings settings, Path homePath) {
        Path home = homePath.toAbsolutePath().normalize();
        if (files.containsKey(home)) return;
        Path real = view.toReal(home);
        Optional<OpenDocument> doc = store.get(real);
        Optional<String> text = doc.isPresent() ? Optional.of(doc.get().text()) : DocumentStore.readDisk(real);
        if (text.isEmpty()) return;
        Dialect dialect = dialect(home, doc.map(OpenDocument::languageId).orElse(null), text.get());
        ParseResult parse = Parser.parse(text.get(), dialect);
        String uri = doc.map(OpenDocument::uri).orElse(real.toUri().toString());
        files.put(home, new AnalyzedFile(home, real, uri, doc.map(OpenDocument::version).orElse(null), parse));
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
