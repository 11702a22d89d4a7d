package dev.envreach.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The env / matrix / explain contract of issue 3 point 5. */
class EnvCommandTest {
    @TempDir
    Path tmp;

    record Out(int code, String out, String err) {}

    private static Out run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Out(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    private Path home() throws Exception {
        Path h = tmp.resolve("home");
        Files.createDirectories(h);
        Files.writeString(h.resolve(".bashrc"), "export GOPATH=\"$HOME/go\"\nexport SECRET_OFF=1\nexport -n SECRET_OFF\n");
        Files.createDirectories(tmp.resolve("root/etc"));
        return h;
    }

    @Test
    void jsonListsEveryExportedVariableWithTheGivenInitialEnvironment() throws Exception {
        Path h = home();
        Out r = run("env", "--home", h.toString(), "--context", "bash-interactive", "--sysroot", tmp.resolve("root").toString(),
                "--set", "HOME=" + h, "--set", "PATH=/usr/bin:/bin", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("bash-interactive", j.get("context").getAsString());
        assertEquals("bash-interactive", j.getAsJsonArray("chain").get(0).getAsString());
        JsonObject vars = j.getAsJsonObject("variables");
        JsonObject gopath = vars.getAsJsonObject("GOPATH");
        assertEquals("yes", gopath.get("exported").getAsString());
        assertEquals(h + "/go", gopath.get("value").getAsString());
        assertEquals(1, gopath.getAsJsonObject("origin").get("line").getAsInt());
        assertEquals("/usr/bin:/bin", vars.getAsJsonObject("PATH").get("value").getAsString());
        assertTrue(!vars.has("SECRET_OFF"), "export -n removes the export");
        assertTrue(!vars.has("USER"), "with --set the environment is exactly what was given");
        boolean bashrcRead = false;
        for (var f : j.getAsJsonArray("files")) {
            JsonObject fo = f.getAsJsonObject();
            if (fo.get("path").getAsString().endsWith("/.bashrc")) bashrcRead = "read".equals(fo.get("status").getAsString());
        }
        assertTrue(bashrcRead, r.out());
    }

    @Test
    void badArgumentsAndAMissingHomeExitWithTwo() throws Exception {
        Path h = home();
        Out missing = run("env", "--home", tmp.resolve("nope").toString(), "--context", "ssh-command");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        Out badCtx = run("env", "--home", h.toString(), "--context", "no-such-context");
        assertEquals(2, badCtx.code());
        assertTrue(badCtx.err().contains("unknown context"), badCtx.err());
        assertEquals(2, run("env", "--home", h.toString()).code());
        assertEquals(2, run("env", "--home", h.toString(), "--context", "cron", "--set", "novalue").code());
        assertEquals(2, run("env", "--home", h.toString(), "--context", "cron", "--platform", "beos").code());
        assertEquals(1, missing.err().strip().lines().count(), "one-line message");
    }

    @Test
    void humanOutputFitsEightyColumns() throws Exception {
        Path h = home();
        for (String[] args : new String[][] {
                {"env", "--home", h.toString(), "--context", "terminal-tab", "--platform", "debian", "--sysroot", tmp.resolve("root").toString()},
                {"matrix", "--home", h.toString(), "--platform", "debian", "--sysroot", tmp.resolve("root").toString()},
                {"explain", "--home", h.toString(), "--platform", "debian", "--sysroot", tmp.resolve("root").toString(), "GOPATH"}}) {
            Out r = run(args);
            assertEquals(0, r.code(), r.err());
            for (String line : r.out().split("\n")) assertTrue(line.length() <= 80, "too wide: " + line);
        }
    }

    @Test
    void matrixAndExplainAnswerPerContext() throws Exception {
        Path h = home();
        String root = tmp.resolve("root").toString();
        Out m = run("matrix", "--home", h.toString(), "--platform", "debian", "--sysroot", root,
                "--contexts", "bash-interactive,bash-login", "--json");
        assertEquals(0, m.code(), m.err());
        JsonObject row = JsonParser.parseString(m.out()).getAsJsonObject().getAsJsonObject("variables").getAsJsonObject("GOPATH");
        assertEquals("yes", row.get("bash-interactive").getAsString());
        assertEquals("no", row.get("bash-login").getAsString()); // a login shell without a profile never reads ~/.bashrc
        Out e = run("explain", "--home", h.toString(), "--platform", "debian", "--sysroot", root,
                "--contexts", "bash-login,bash-interactive", "GOPATH");
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("not read here"), e.out());
        assertTrue(e.out().contains("/go"), e.out());
    }
}
