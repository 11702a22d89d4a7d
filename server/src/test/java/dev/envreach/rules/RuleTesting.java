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

    /** The text after applying a fix's edits to one file (edits do not overlap). */
    static String apply(String text, FileEdit edit) {
        List<TextEdit> sorted = new ArrayList<>(edit.edits());
        sorted.sort((a, b) -> Integer.compare(b.span().start(), a.span().start()));
        String out = text;
        for (TextEdit e : sorted) out = out.substring(0, e.span().start()) + e.newText() + out.substring(e.span().end());
        return out;
    }
}
