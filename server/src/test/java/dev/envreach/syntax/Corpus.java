package dev.envreach.syntax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared test corpus ({@code ../shared/corpus} next to the repository): real dotfiles and the tree-sitter test
 * inputs, each with the verdict of the real shell ({@code bash -n} / {@code zsh -n}) from its {@code MANIFEST.tsv}.
 */
final class Corpus {
    private Corpus() {}

    /**
     * One corpus file. {@code accepted} is the shell's verdict: TRUE ok, FALSE fail, null when the manifest has none
     * (the one ksh file).
     */
    record Entry(String name, Path path, Dialect dialect, Boolean accepted, long bytes) {
        String text() {
            try {
                return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Path root() {
        return TestPaths.corpus();
    }

    /** Aborts the calling test with a message when the corpus is not there. */
    static void assumePresent() {
        Assumptions.assumeTrue(Files.isRegularFile(root().resolve("dotfiles").resolve("MANIFEST.tsv")),
                "corpus not found at " + root() + ": corpus tests skipped");
    }

    /** Every file of every manifest, in manifest order. */
    static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        try {
            Path dot = root().resolve("dotfiles");
            List<String> lines = Files.readAllLines(dot.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
            Map<String, Integer> col = columns(lines.get(0));
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] f = line.split("\t", -1);
                String dialect = f[col.get("dialect")];
                Dialect d = Dialect.fromId(dialect).orElseThrow();
                String verdict = dialect.equals("zsh") ? f[col.get("zsh_n")] : f[col.get("bash_n")];
                Path p = dot.resolve(f[col.get("repo")].replace("/", "__")).resolve(f[col.get("path")]);
                out.add(new Entry("dotfiles/" + f[col.get("repo")] + "/" + f[col.get("path")], p, d, verdict(verdict),
                        Long.parseLong(f[col.get("bytes")])));
            }
            for (String dir : List.of("tree-sitter-bash", "tree-sitter-zsh", "tree-sitter-zsh-jasonyukr")) {
                Path base = root().resolve(dir);
                if (!Files.isRegularFile(base.resolve("MANIFEST.tsv"))) continue;
                List<String> ts = Files.readAllLines(base.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
                Map<String, Integer> c = columns(ts.get(0));
                boolean bash = c.containsKey("bash_n");
                for (String line : ts.subList(1, ts.size())) {
                    if (line.isBlank()) continue;
                    String[] f = line.split("\t", -1);
                    Path p = base.resolve(f[c.get("name")]);
                    out.add(new Entry(dir + "/" + f[c.get("name")], p, bash ? Dialect.BASH : Dialect.ZSH,
                            verdict(f[c.get(bash ? "bash_n" : "zsh_n")]), Files.size(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Boolean verdict(String v) {
        return switch (v) {
            case "ok" -> Boolean.TRUE;
            case "fail" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static Map<String, Integer> columns(String header) {
        String[] h = header.split("\t", -1);
        Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < h.length; i++) m.put(h[i].trim(), i);
        return m;
    }
}
