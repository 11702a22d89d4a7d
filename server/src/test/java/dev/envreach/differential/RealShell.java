package dev.envreach.differential;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real shells for a chain of modes and returns the environment that the last shell
 * exports to the programs it starts.
 *
 * <p>Each shell starts with exactly the given environment (nothing inherited from the test's
 * JVM), stdin from {@code /dev/null}, the home as working directory and a 10 s limit. When the
 * test runs as root the shells run as {@code nobody} (via {@code setpriv}), so that startup files
 * see an ordinary user, and the home copy is handed to that user. After the startup files, the
 * shell runs {@code /usr/bin/env -0} (an absolute path, so no alias, function or PATH set by a
 * fixture can replace it) into a dump file outside the home; the trailing {@code :} keeps bash
 * and zsh from exec'ing env directly, which would lower SHLVL. In a chain, the next shell
 * starts with exactly the environment dumped by the previous one.
 */
final class RealShell {
    static final long TIMEOUT_SECONDS = 10;
    static final int NOBODY = 65534;
    private static final String[] BIN_DIRS = {"/usr/bin", "/bin"};

    private RealShell() {}

    /** Result of one chain: the final exported environment, or why there is none. */
    record Run(Map<String, String> environment, String failure, String stderr) {
        boolean ok() {
            return failure == null;
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Whether the program (bash, zsh, dash) is installed. */
    static boolean installed(String program) {
        for (String dir : BIN_DIRS) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Hands a directory tree to the unprivileged user (when running as root). */
    static void handOver(Path root) throws IOException {
        if (!isRoot()) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setAttribute(p, "unix:uid", NOBODY);
                    Files.setAttribute(p, "unix:gid", NOBODY);
                }
            }
        }
    }

    static Run runChain(List<ShellMode> chain, Map<String, String> initial, Path home, Path workDir)
            throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>(initial);
        StringBuilder stderr = new StringBuilder();
        for (int i = 0; i < chain.size(); i++) {
            ShellMode mode = chain.get(i);
            Path dump = workDir.resolve("dump-" + i);
            Path errFile = workDir.resolve("stderr-" + i);
            String command = "/usr/bin/env -0 >'" + dump + "'; :";
            List<String> argv = new ArrayList<>();
            if (isRoot()) {
                argv.addAll(List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                        "--clear-groups", "--"));
            } else {
                argv.add("/usr/bin/env");
            }
            argv.addAll(mode.argv(command));
            ProcessBuilder pb = new ProcessBuilder(argv);
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.directory(home.toFile());
            pb.redirectInput(new File("/dev/null"));
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.redirectError(errFile.toFile());
            Process p = pb.start();
            boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            String err = Files.exists(errFile) ? Files.readString(errFile, StandardCharsets.UTF_8) : "";
            if (!err.isBlank()) {
                stderr.append("[").append(mode.id).append("] ").append(err.strip()).append('\n');
            }
            if (!done) {
                return new Run(null, mode.id + " did not finish within " + TIMEOUT_SECONDS + " s", stderr.toString());
            }
            if (!Files.exists(dump)) {
                return new Run(null, mode.id + " ended during its startup files (exit status " + p.exitValue()
                        + "): no environment was dumped", stderr.toString());
            }
            env = parseEnv0(Files.readAllBytes(dump));
        }
        return new Run(env, null, stderr.toString());
    }

    /** Parses the output of {@code env -0}: NAME=VALUE entries separated by NUL bytes. */
    static Map<String, String> parseEnv0(byte[] bytes) {
        Map<String, String> env = new LinkedHashMap<>();
        String all = new String(bytes, StandardCharsets.UTF_8);
        for (String entry : all.split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }
}
