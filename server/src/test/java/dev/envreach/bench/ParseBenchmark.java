package dev.envreach.bench;

import dev.envreach.syntax.Dialect;
import dev.envreach.syntax.DialectDetector;
import dev.envreach.syntax.ParseCpuClock;
import dev.envreach.syntax.ParseResult;
import dev.envreach.syntax.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parse throughput over the shared corpus (not a test). Usage, from the repository root after
 * {@code mvn -q -o -DskipTests package test-compile}:
 * <pre>java -cp server/target/envreach.jar:server/target/test-classes dev.envreach.bench.ParseBenchmark [CORPUS_DIR]</pre>
 * CORPUS_DIR defaults to {@code ../shared/corpus}. Every file listed in a {@code MANIFEST.tsv} is parsed in its
 * manifest dialect ({@code ksh} as sh); throughput counts UTF-8 source bytes. Each figure is given per wall-clock
 * second and per CPU second of the parse ({@link ParseCpuClock}): on a shared machine the CPU figure is the one that does not
 * depend on what else runs.
 */
public final class ParseBenchmark {
    private ParseBenchmark() {}

    record Input(String name, String text, Dialect dialect, long bytes) {}

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus");
        List<Input> inputs = load(corpus);
        if (inputs.isEmpty()) {
            System.err.println("no corpus files under " + corpus);
            System.exit(2);
        }
        long total = inputs.stream().mapToLong(Input::bytes).sum();
        Input largest = inputs.stream().max((a, b) -> Long.compare(a.bytes(), b.bytes())).orElseThrow();
        System.out.printf("corpus: %d files, %.2f MB; largest %s (%d bytes)%n", inputs.size(), total / 1e6, largest.name(),
                largest.bytes());
        System.out.printf("java %s, %d cpus, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        // warm-up: whole-corpus passes for at least 10 s
        long warmEnd = System.nanoTime() + 10_000_000_000L;
        int warmPasses = 0;
        long sink = 0;
        while (System.nanoTime() < warmEnd) {
            for (Input in : inputs) sink += Parser.parse(in.text(), in.dialect()).statements().size();
            warmPasses++;
        }
        System.out.printf("warm-up: %d passes%n", warmPasses);

        // whole corpus: 10 measured passes, one parse at a time on one thread
        int passes = 10;
        double[] mbps = new double[passes];
        double[] cpuMbps = new double[passes];
        int errors = 0;
        for (int p = 0; p < passes; p++) {
            long t0 = System.nanoTime();
            long c0 = ParseCpuClock.now();
            for (Input in : inputs) {
                ParseResult r = Parser.parse(in.text(), in.dialect());
                sink += r.statements().size();
                if (p == 0) errors += r.errors().isEmpty() ? 0 : 1;
            }
            mbps[p] = total / 1e6 / ((System.nanoTime() - t0) / 1e9);
            cpuMbps[p] = total / 1e6 / ((ParseCpuClock.now() - c0) / 1e9);
        }
        Arrays.sort(mbps);
        Arrays.sort(cpuMbps);
        System.out.printf("whole corpus, warmed: median %.1f MB/s wall (min %.1f, max %.1f), median %.1f MB per CPU-second "
                        + "(min %.1f, max %.1f), %d passes; %d files with errors%n",
                mbps[passes / 2], mbps[0], mbps[passes - 1], cpuMbps[passes / 2], cpuMbps[0], cpuMbps[passes - 1], passes, errors);

        // largest file: 50 measured parses
        int reps = 50;
        double[] ms = new double[reps];
        double[] cpuMs = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            long c0 = ParseCpuClock.now();
            sink += Parser.parse(largest.text(), largest.dialect()).statements().size();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpuMs[i] = (ParseCpuClock.now() - c0) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpuMs);
        System.out.printf("largest file %s [%s]: median %.2f ms wall = %.1f MB/s (min %.2f ms, max %.2f ms); "
                        + "median %.2f ms CPU = %.1f MB per CPU-second%n", largest.name(), largest.dialect().id(),
                ms[reps / 2], largest.bytes() / 1e6 / (ms[reps / 2] / 1e3), ms[0], ms[reps - 1],
                cpuMs[reps / 2], largest.bytes() / 1e6 / (cpuMs[reps / 2] / 1e3));

        // the slowest file per byte, to show where time goes
        Input slowest = null;
        double worst = 0;
        for (Input in : inputs) {
            long t0 = ParseCpuClock.now();
            for (int i = 0; i < 3; i++) sink += Parser.parse(in.text(), in.dialect()).statements().size();
            double perByte = (ParseCpuClock.now() - t0) / 3.0 / Math.max(1, in.bytes());
            if (in.bytes() > 1000 && perByte > worst) {
                worst = perByte;
                slowest = in;
            }
        }
        if (slowest != null) {
            System.out.printf("slowest file (> 1 kB) per byte: %s [%s], %d bytes, %.1f MB per CPU-second%n", slowest.name(),
                    slowest.dialect().id(), slowest.bytes(), 1e3 / worst);
        }
        if (sink == 42) System.out.println();
    }

    static List<Input> load(Path corpus) throws IOException {
        List<Input> out = new ArrayList<>();
        Path dot = corpus.resolve("dotfiles");
        if (Files.isRegularFile(dot.resolve("MANIFEST.tsv"))) {
            List<String> lines = Files.readAllLines(dot.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                Path p = dot.resolve(f[0].replace("/", "__")).resolve(f[2]);
                out.add(input(f[0] + "/" + f[2], p, Dialect.fromId(f[4]).orElse(Dialect.SH)));
            }
        }
        for (String dir : List.of("tree-sitter-bash", "tree-sitter-zsh", "tree-sitter-zsh-jasonyukr")) {
            Path base = corpus.resolve(dir);
            if (!Files.isRegularFile(base.resolve("MANIFEST.tsv"))) continue;
            List<String> lines = Files.readAllLines(base.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
            Dialect d = lines.get(0).contains("bash_n") ? Dialect.BASH : Dialect.ZSH;
            for (String line : lines.subList(1, lines.size())) {
                String name = line.split("\t", -1)[0];
                out.add(input(dir + "/" + name, base.resolve(name), d));
            }
        }
        return out;
    }

    private static Input input(String name, Path p, Dialect d) throws IOException {
        byte[] b = Files.readAllBytes(p);
        return new Input(name, new String(b, StandardCharsets.UTF_8), d == null ? DialectDetector.DEFAULT : d, b.length);
    }
}
