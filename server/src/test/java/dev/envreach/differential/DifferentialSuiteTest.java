package dev.envreach.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The judge of the reach engine: for every fixture home and each of its contexts, the real bash,
 * zsh and dash run the startup files and the environment they export is compared, variable by
 * variable, with what {@code envreach env} predicts (see {@link Comparison} for what counts as a
 * disagreement). Zero disagreements are allowed. Cases listed in {@value #KNOWN_GAPS} are run and
 * reported as NOT YET AGREEING without failing the build, and are never counted as agreeing.
 *
 * <p>Contexts whose shell is not installed are skipped with a message, except when {@code CI=true}:
 * then a missing shell fails the test. The report (Markdown) goes to the file named by the system
 * property {@code envreach.differential.report} or the environment variable
 * {@code ENVREACH_DIFFERENTIAL_REPORT}, by default {@code target/differential-report.md}.
 */
class DifferentialSuiteTest {
    static final String KNOWN_GAPS = "known-gaps.txt";
    static final String BASE_PATH = "/usr/bin:/bin";

    record CaseResult(Fixture fixture, Fixture.Case c, Comparison.Outcome outcome, String failure,
                      String stderr, boolean knownGap, Map<String, String> realInterest) {
        String id() {
            return fixture.name() + " @ " + c.label();
        }

        boolean agrees() {
            return failure == null && outcome.disagreements().isEmpty();
        }
    }

    @Test
    void realShellsAndEnvreachAgreeOnEveryFixture() throws Exception {
        Path fixturesDir = fixturesDir();
        List<Fixture> fixtures = loadFixtures(fixturesDir);
        assertTrue(fixtures.size() >= 40, "the suite needs at least 40 fixture homes, found " + fixtures.size());
        Set<String> gaps = knownGaps(fixturesDir.resolve(KNOWN_GAPS));

        List<String> missing = new ArrayList<>();
        for (String shell : List.of("bash", "zsh", "dash")) {
            if (!RealShell.installed(shell)) {
                missing.add(shell);
            }
        }
        if (!missing.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail("CI=true but these shells are not installed: " + missing);
        }

        Path base = Files.createTempDirectory("envreach-differential");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Path sysroot = SystemRoot.copyFrom(Path.of("/etc"), base.resolve("sysroot"));
            List<CaseResult> results = runAll(fixtures, gaps, missing, base, sysroot);
            String report = DifferentialReport.markdown(results, missing);
            Path reportFile = reportFile();
            Files.createDirectories(reportFile.toAbsolutePath().getParent());
            Files.writeString(reportFile, report);
            String summary = DifferentialReport.summary(results);
            System.out.println(DifferentialReport.console(results));
            System.out.println(summary);
            System.out.println("report: " + reportFile.toAbsolutePath());
            if (results.isEmpty()) {
                Assumptions.abort("no context could run: shells missing " + missing);
            }
            List<CaseResult> failing = results.stream().filter(r -> !r.agrees() && !r.knownGap()).toList();
            if (!failing.isEmpty()) {
                fail(summary + "\n" + DifferentialReport.failures(failing));
            }
        } finally {
            deleteTree(base);
        }
    }

    private List<CaseResult> runAll(List<Fixture> fixtures, Set<String> gaps, List<String> missing, Path base,
                                    Path sysroot) throws Exception {
        Map<String, RealShell.Run> baselines = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors() * 2));
        List<Future<CaseResult>> futures = new ArrayList<>();
        int n = 0;
        try {
            for (Fixture f : fixtures) {
                for (Fixture.Case c : f.cases()) {
                    List<ShellMode> chain = ShellMode.chain(c.context());
                    List<String> needs = chain.stream().map(m -> m.program).filter(missing::contains).distinct().toList();
                    if (!needs.isEmpty()) {
                        System.out.println("SKIPPED " + f.name() + " @ " + c.label() + ": not installed: " + needs);
                        continue;
                    }
                    Path caseDir = base.resolve(String.format("%03d-", n++) + f.name());
                    boolean gap = gaps.contains(f.name()) || gaps.contains(f.name() + " " + c.label());
                    futures.add(pool.submit(() -> runCase(f, c, chain, caseDir, base, sysroot, baselines, gap)));
                }
            }
            List<CaseResult> results = new ArrayList<>();
            for (Future<CaseResult> fu : futures) {
                results.add(fu.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static CaseResult runCase(Fixture f, Fixture.Case c, List<ShellMode> chain, Path caseDir, Path base,
                                      Path sysroot, Map<String, RealShell.Run> baselines, boolean gap)
            throws IOException, InterruptedException {
        Path home = caseDir.resolve("home");
        Path work = caseDir.resolve("run");
        Files.createDirectories(work);
        f.copyTo(home);
        RealShell.handOver(caseDir);
        Map<String, String> initial = initialEnvironment(chain, c, home);

        // envreach first, on the pristine copy; then the real shells on the same copy
        Prediction prediction = Prediction.of(home, sysroot, c.context(), initial);
        RealShell.Run real = RealShell.runChain(chain, initial, home, work);
        RealShell.Run baseline = baseline(chain, c, base, baselines);
        Map<String, String> base0 = new LinkedHashMap<>();
        if (baseline.ok()) {
            String emptyHome = baselineHome(base, chain, c).toString();
            baseline.environment().forEach((k, v) -> base0.put(k, v.replace(emptyHome, home.toString())));
        }
        Map<String, String> realInterest = new java.util.TreeMap<>();
        if (real.ok()) {
            for (String name : Comparison.interest(real.environment(), base0, initial, c.variables())) {
                realInterest.put(name, real.environment().getOrDefault(name, Comparison.NOT_EXPORTED));
            }
        }
        if (!real.ok() || !baseline.ok() || !prediction.ok()) {
            String why = !real.ok() ? "real shell: " + real.failure()
                    : !baseline.ok() ? "real shell with an empty home: " + baseline.failure()
                    : "envreach: " + prediction.failure();
            return new CaseResult(f, c, null, why, real.stderr(), gap, realInterest);
        }
        Set<String> allowed = new LinkedHashSet<>(c.unknown());
        if (chain.stream().anyMatch(ShellMode::readsEtcProfile)) {
            // Debian's /etc/profile picks PATH with $(id -u): a command static analysis does not run
            allowed.add("PATH");
        }
        Comparison.Outcome outcome = Comparison.compare(real.environment(), base0, initial, c.variables(), allowed,
                prediction.variables());
        return new CaseResult(f, c, outcome, null, real.stderr(), gap, realInterest);
    }

    static Map<String, String> initialEnvironment(List<ShellMode> chain, Fixture.Case c, Path home) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("PATH", BASE_PATH);
        env.putAll(chain.get(0).requiredEnvironment());
        c.set().forEach((k, v) -> env.put(k, Fixture.substitute(v, home)));
        return env;
    }

    /** The same context run with an empty home: what the fixture's files did not set. */
    private static RealShell.Run baseline(List<ShellMode> chain, Fixture.Case c, Path base,
                                          Map<String, RealShell.Run> cache) {
        Path home = baselineHome(base, chain, c);
        return cache.computeIfAbsent(home.getFileName().toString(), k -> {
            try {
                Path work = home.resolveSibling(k + "-run");
                Files.createDirectories(home);
                Files.createDirectories(work);
                RealShell.handOver(home);
                RealShell.handOver(work);
                return RealShell.runChain(chain, initialEnvironment(chain, c, home), home, work);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static Path baselineHome(Path base, List<ShellMode> chain, Fixture.Case c) {
        String key = c.context() + "|" + new java.util.TreeMap<>(c.set());
        return base.resolve("empty-" + Integer.toHexString(key.hashCode()));
    }

    static Path fixturesDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(".ci"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root (the directory holding .ci) not found");
        }
        return dir.resolve("server/src/test/resources/differential");
    }

    static List<Fixture> loadFixtures(Path dir) throws IOException {
        List<Fixture> fixtures = new ArrayList<>();
        try (var entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                if (Files.isRegularFile(p.resolve(Fixture.SPEC))) {
                    fixtures.add(Fixture.load(p));
                }
            }
        }
        return fixtures;
    }

    /** Lines "FIXTURE" or "FIXTURE LABEL" (see {@link Fixture.Case#label()}); '#' starts a comment. */
    static Set<String> knownGaps(Path file) throws IOException {
        Set<String> gaps = new LinkedHashSet<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String l = line.replaceAll("#.*", "").trim().replaceAll("\\s+", " ");
                if (!l.isEmpty()) {
                    gaps.add(l);
                }
            }
        }
        return gaps;
    }

    private static Path reportFile() {
        String p = System.getProperty("envreach.differential.report");
        if (p == null || p.isBlank()) {
            p = System.getenv("ENVREACH_DIFFERENTIAL_REPORT");
        }
        return Path.of(p == null || p.isBlank() ? "target/differential-report.md" : p);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
