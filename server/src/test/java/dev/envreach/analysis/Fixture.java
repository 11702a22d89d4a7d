package dev.envreach.analysis;

import dev.envreach.facts.RealFacts;
import dev.envreach.model.Platform;
import dev.envreach.model.Platforms;
import dev.envreach.model.Reach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fixture home and sysroot written from one string: each file headed by {@code #- ~/.bashrc} or
 * {@code #- /etc/profile}; a header {@code #- ~/dir/} creates a directory. The environment of the first
 * process is exactly {@code HOME} (the fixture home) and {@code PATH=/usr/bin:/bin} unless given.
 */
final class Fixture {
    final Path root;
    final Path home;
    final Path sysroot;
    Platform platform = Platforms.byId("debian").orElseThrow();
    final Map<String, String> env = new LinkedHashMap<>();

    private Fixture(Path root) {
        this.root = root;
        this.home = root.resolve("home");
        this.sysroot = root.resolve("sysroot");
    }

    static Fixture of(Path tmp, String text) {
        Fixture f = new Fixture(tmp);
        try {
            Files.createDirectories(f.home);
            Files.createDirectories(f.sysroot.resolve("etc"));
            String current = null;
            StringBuilder body = new StringBuilder();
            for (String line : (text + "\n#- END").split("\n", -1)) {
                if (line.startsWith("#- ")) {
                    if (current != null) f.write(current, body.toString());
                    current = line.substring(3).trim();
                    body.setLength(0);
                } else if (current != null) {
                    body.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        f.env.put("HOME", f.home.toString());
        f.env.put("PATH", "/usr/bin:/bin");
        return f;
    }

    private void write(String name, String content) throws IOException {
        if (name.equals("END")) return;
        Path p = physical(name);
        if (name.endsWith("/")) {
            Files.createDirectories(p);
            return;
        }
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    Path physical(String name) {
        if (name.startsWith("~/")) return home.resolve(name.substring(2));
        if (name.startsWith("/")) return sysroot.resolve(name.substring(1));
        throw new IllegalArgumentException("fixture paths start with ~/ or /: " + name);
    }

    Fixture platform(String id) {
        platform = Platforms.byId(id).orElseThrow();
        return this;
    }

    Fixture set(String name, String value) {
        env.put(name, value);
        return this;
    }

    Fixture unset(String name) {
        env.remove(name);
        return this;
    }

    ContextResult run(String context) {
        AnalysisInput in = new AnalysisInput(new RealFacts(home, sysroot, 1000, "user", "linux"), platform, Map.of(),
                List.of(context), env, null);
        return HomeAnalyzer.analyze(in).contexts().get(0);
    }

    // ---------------------------------------------------------------- assertions

    /** The variable is surely exported with this exact value. */
    static void exported(ContextResult c, String name, String value) {
        VariableResult v = c.variables().get(name);
        assertNotNull(v, name + " should be exported in " + c.id() + "; exported: " + c.variables().keySet());
        assertEquals(Reach.YES, v.exported(), name + " should surely be exported in " + c.id());
        assertEquals(value, v.value(), "value of " + name + " in " + c.id());
    }

    /** The variable is not in the environment. */
    static void absent(ContextResult c, String name) {
        assertFalse(c.variables().containsKey(name), name + " should not be exported in " + c.id() + " but is "
                + c.variables().get(name));
    }

    /** The variable may or may not be exported. */
    static void maybe(ContextResult c, String name) {
        VariableResult v = c.variables().get(name);
        assertNotNull(v, name + " should possibly be exported in " + c.id());
        assertEquals(Reach.MAYBE, v.exported(), name + " should be 'maybe' in " + c.id());
    }

    /** The variable is exported (surely) with a value not known statically. */
    static void unknownValue(ContextResult c, String name) {
        VariableResult v = c.variables().get(name);
        assertNotNull(v, name + " should be exported in " + c.id());
        assertNull(v.value(), name + " should have no exact value in " + c.id() + " but has " + v.value());
    }

    static void read(ContextResult c, String shellPathSuffix) {
        assertTrue(c.files().stream().anyMatch(f -> f.status() == FileVisit.Status.READ && f.shellPath().endsWith(shellPathSuffix)),
                shellPathSuffix + " should be read in " + c.id() + "; files: " + c.files());
    }

    static void notRead(ContextResult c, String shellPathSuffix) {
        assertFalse(c.files().stream().anyMatch(f -> f.status() == FileVisit.Status.READ && f.shellPath().endsWith(shellPathSuffix)),
                shellPathSuffix + " should not be read in " + c.id());
    }

    /** Statement reach of the first statement on a 1-based line of a fixture file. */
    Reach reachAt(ContextResult c, String file, int line) {
        Path p = physical(file).toAbsolutePath().normalize();
        var m = c.statements().get(p);
        if (m == null) return Reach.NO;
        return m.values().stream().filter(r -> r.line() == line).map(StatementReach::reach).findFirst().orElse(Reach.NO);
    }

    String reasonAt(ContextResult c, String file, int line) {
        Path p = physical(file).toAbsolutePath().normalize();
        var m = c.statements().get(p);
        if (m == null) return "file not read";
        return m.values().stream().filter(r -> r.line() == line).map(StatementReach::reason).findFirst().orElse("not visited");
    }
}
