package dev.envreach.rules;

import dev.envreach.syntax.DialectDetector;
import dev.envreach.syntax.Parser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs one rule over files given as {@code ~/name → text} (home = /home/u). */
final class RuleTesting {
    static final Path HOME = Path.of("/home/u");

    private RuleTesting() {}

    static RuleInput input(Map<String, String> files) {
        List<ParsedFile> parsed = new ArrayList<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = HOME.resolve(e.getKey().replaceFirst("^~/", ""));
            parsed.add(new ParsedFile(p, Parser.parse(e.getValue(), DialectDetector.detect(p.toString(), e.getValue()))));
        }
        return new RuleInput(parsed);
    }

    static List<Finding> run(Rule rule, String name, String text) {
        return rule.check(input(Map.of(name, text)));
    }

    /**
     * Writes {@code files} ({@code ~/name} or {@code /etc/...}) under a temporary home and sysroot, runs the
     * engine for every named context of the platform, and returns the rules' input.
     */
    static RuleInput engine(Path tmp, Map<String, String> files, String platform, String shell) {
        try {
            Path home = java.nio.file.Files.createDirectories(tmp.resolve("home"));
            Path root = java.nio.file.Files.createDirectories(tmp.resolve("root"));
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = e.getKey().startsWith("~/") ? home.resolve(e.getKey().substring(2)) : root.resolve(e.getKey().substring(1));
                java.nio.file.Files.createDirectories(p.getParent());
                java.nio.file.Files.writeString(p, e.getValue());
            }
            var facts = dev.envreach.facts.RealFacts.forMachine(home, root);
            var plat = dev.envreach.model.Platforms.byId(platform).orElseThrow();
            var kind = dev.envreach.model.Mode.ShellKind.fromShellPath(shell).orElseThrow();
            var analysis = dev.envreach.analysis.HomeAnalyzer.analyze(
                    new dev.envreach.analysis.AnalysisInput(facts, plat, Map.of(), List.of(), null, kind));
            List<ParsedFile> parsed = new ArrayList<>();
            analysis.parses().forEach((p, r) -> parsed.add(new ParsedFile(p.toAbsolutePath().normalize(), r)));
            for (String n : List.of(".profile", ".bash_profile", ".bash_login", ".bashrc", ".zshenv", ".zprofile", ".zshrc", ".zlogin")) {
                Path p = home.resolve(n);
                if (java.nio.file.Files.exists(p) && parsed.stream().noneMatch(f -> f.path().equals(p))) {
                    String t = java.nio.file.Files.readString(p);
                    parsed.add(new ParsedFile(p, Parser.parse(t, DialectDetector.detect(p.toString(), t))));
                }
            }
            return new RuleInput(parsed, new ReachData(analysis, home, platform, shell));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path home(Path tmp) {
        return tmp.resolve("home");
    }

    static List<Finding> only(List<Finding> fs, String file) {
        return fs.stream().filter(f -> f.file().getFileName().toString().equals(file)).toList();
    }

    /** The text after applying a fix's edits to one file (edits do not overlap). */
    static String apply(String text, FileEdit edit) {
        List<TextEdit> sorted = new ArrayList<>(edit.edits());
        sorted.sort((a, b) -> Integer.compare(b.span().start(), a.span().start()));
        String out = text;
        for (TextEdit e : sorted) out = out.substring(0, e.span().start()) + e.newText() + out.substring(e.span().end());
        return out;
    }
}
