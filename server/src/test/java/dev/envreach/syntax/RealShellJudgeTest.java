package dev.envreach.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real shells judge the parser: every snippet of {@link ShellSnippets}, valid or not, is checked with
 * {@code bash -n}, {@code dash -n} and {@code zsh -n}, and envreach must accept it in a dialect exactly when that
 * dialect's shell does. A missing shell skips its cases, except under {@code CI=true}, where it fails.
 */
class RealShellJudgeTest {
    @TempDir
    static Path tmp;

    /** The shell that judges each dialect, and the arguments that make it only parse. */
    static final Map<Dialect, List<String>> JUDGES = Map.of(
            Dialect.BASH, List.of("bash", "--norc", "--noprofile", "-n"),
            Dialect.SH, List.of("dash", "-n"),
            Dialect.ZSH, List.of("zsh", "-f", "-n"));

    /** Where each shell is installed, or null. */
    static Path installed(String shell) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, shell);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /**
     * True when the shell of {@code dialect} parses {@code file} without error. A rejection is a non-zero exit
     * with a message: under {@code -n} zsh exits 1 silently when the last command is negated ({@code ! cmd} with
     * nothing run is "false"), which is not a syntax error.
     */
    static boolean shellAccepts(Dialect dialect, Path file, Path home) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(JUDGES.get(dialect));
        cmd.add(file.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("HOME", home.toString());
        pb.environment().put("ZDOTDIR", home.toString());
        pb.redirectErrorStream(true);
        Path log = Files.createTempFile(home, "judge", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd + " did not finish");
        }
        boolean said = Files.size(log) > 0;
        Files.delete(log);
        return p.exitValue() == 0 || !said;
    }

    static void requireShell(Dialect d) {
        String shell = JUDGES.get(d).get(0);
        if (installed(shell) != null) return;
        if ("true".equals(System.getenv("CI"))) fail(shell + " is not installed, and CI=true requires it");
        Assumptions.abort(shell + " is not installed: its judgements are skipped");
    }

    @TestFactory
    Stream<DynamicTest> envreachAgreesWithTheRealShells() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        List<DynamicTest> tests = new ArrayList<>();
        int n = 0;
        List<String[]> cases = new ArrayList<>();
        for (ShellSnippets.Valid s : ShellSnippets.VALID) cases.add(new String[] {s.id(), s.code()});
        for (ShellSnippets.Invalid s : ShellSnippets.INVALID) cases.add(new String[] {"invalid: " + s.id(), s.code()});
        for (String[] c : cases) {
            Path file = tmp.resolve("snippet" + (n++) + ".sh");
            Files.writeString(file, c[1], StandardCharsets.UTF_8);
            for (Dialect d : Dialect.values()) {
                String shell = JUDGES.get(d).get(0);
                tests.add(DynamicTest.dynamicTest(c[0] + " [" + d.id() + " vs " + shell + " -n]", () -> {
                    requireShell(d);
                    boolean shell0 = shellAccepts(d, file, home);
                    ParseResult r = Parser.parse(c[1], d);
                    boolean ours = r.errors().isEmpty();
                    assertEquals(shell0, ours, "[" + c[0] + " / " + d.id() + "] " + shell + " -n " + (shell0 ? "accepts" : "rejects") + " but envreach "
                            + (ours ? "accepts" : "rejects with " + r.errors()) + ":\n" + c[1]);
                }));
            }
        }
        return tests.stream();
    }
}
