package dev.envreach.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proves that the harness starts each mode the way CONTEXTS.md §1 says the real invocation does:
 * in a home where every candidate startup file logs its own name, each mode must read exactly the
 * user files of its row (e.g. a login bash only the first of ~/.bash_profile, ~/.bash_login,
 * ~/.profile; the ssh rule only while SHLVL is unset), and what a file exports must reach the
 * environment dump and flow along a chain. Without this, agreement with envreach could come
 * from a harness that never ran the right files.
 */
class HarnessSelfTest {
    private static final List<String> FILES = List.of(".bash_profile", ".bash_login", ".profile", ".bashrc",
            ".bash_logout", ".bashenv", ".envfile", ".zshenv", ".zprofile", ".zshrc", ".zlogin", ".zlogout");

    @ParameterizedTest(name = "{0} {1} reads {2}")
    @CsvSource(delimiter = ';', value = {
        "bash-login-interactive; ; .bash_profile",
        "bash-login; ; .bash_profile",
        "bash-interactive; ; .bashrc",
        "bash-noninteractive; ; ",
        "bash-noninteractive; BASH_ENV=@HOME@/.bashenv; .bashenv",
        "bash-ssh-command; ; .bashrc",
        "bash-ssh-command; SHLVL=1; ",
        "zsh-login-interactive; ; .zshenv .zprofile .zshrc .zlogin .zlogout",
        "zsh-login; ; .zshenv .zprofile .zlogin",
        "zsh-interactive; ; .zshenv .zshrc",
        "zsh-noninteractive; ; .zshenv",
        "sh-login; ; .profile",
        "sh-interactive; ENV=@HOME@/.envfile; .envfile",
        "bash-login+bash-interactive; ; .bash_profile .bashrc",
        "bash-ssh-command+bash-noninteractive; BASH_ENV=@HOME@/.bashenv; .bashrc .bashenv",
    })
    void modeReadsTheFilesOfItsRow(String context, String set, String expected) throws Exception {
        List<ShellMode> chain = ShellMode.chain(context);
        for (ShellMode m : chain) {
            if (!RealShell.installed(m.program)) {
                if ("true".equals(System.getenv("CI"))) {
                    fail(m.program + " is not installed (CI=true)");
                }
                Assumptions.abort(m.program + " is not installed: skipping " + context);
            }
        }
        Path base = Files.createTempDirectory("envreach-harness");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Path home = base.resolve("home");
            Path work = base.resolve("run");
            Files.createDirectories(home);
            Files.createDirectories(work);
            Path log = work.resolve("log");
            for (String f : FILES) {
                String var = "SEEN" + f.replaceAll("[^A-Za-z]", "_").toUpperCase();
                Files.writeString(home.resolve(f), "printf '%s\\n' " + f + " >> '" + log + "'\n"
                        + var + "=1; export " + var + "\n");
            }
            RealShell.handOver(base);
            Map<String, String> initial = new LinkedHashMap<>();
            initial.put("HOME", home.toString());
            initial.put("PATH", DifferentialSuiteTest.BASE_PATH);
            initial.putAll(chain.get(0).requiredEnvironment());
            if (set != null) {
                for (String assignment : set.trim().split("\\s+")) {
                    int eq = assignment.indexOf('=');
                    initial.put(assignment.substring(0, eq), Fixture.substitute(assignment.substring(eq + 1), home));
                }
            }
            RealShell.Run run = RealShell.runChain(chain, initial, home, work);
            assertTrue(run.ok(), () -> context + ": " + run.failure() + "\n" + run.stderr());

            List<String> want = expected == null ? List.of() : Arrays.asList(expected.trim().split("\\s+"));
            List<String> read = Files.exists(log) ? Files.readAllLines(log) : List.of();
            assertEquals(want, read, context + " must read exactly these user files, in this order");
            for (String f : FILES) {
                String var = "SEEN" + f.replaceAll("[^A-Za-z]", "_").toUpperCase();
                boolean before = want.contains(f) && !f.equals(".zlogout") && !f.equals(".bash_logout");
                assertEquals(before ? "1" : null, run.environment().get(var),
                        var + " in the dumped environment of " + context);
            }
        } finally {
            deleteTree(base);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
