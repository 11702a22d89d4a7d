package dev.envreach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code parse} command's contract: options, exit codes, JSON shape, reading files safely. */
class ParseCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static Set<String> keys(JsonObject o) {
        return new TreeSet<>(o.keySet());
    }

    @Test
    void jsonHasExactlyTheDocumentedShapeForEveryFile() throws IOException {
        Path zshrc = write(".zshrc", "export EDITOR=vim\n");
        Path bashrc = write("home/.bashrc", "PATH=$HOME/bin:$PATH\n");
        CliRun r = CliRun.of("parse", "--json", zshrc.toString(), bashrc.toString());
        assertEquals(0, r.exit(), r.err());
        JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(Set.of("files"), keys(root));
        JsonArray files = root.getAsJsonArray("files");
        assertEquals(2, files.size());
        for (JsonElement f : files) {
            JsonObject o = f.getAsJsonObject();
            assertEquals(new TreeSet<>(Set.of("file", "dialect", "errors", "assignments")), keys(o));
            assertTrue(o.get("errors").isJsonArray());
            assertTrue(o.get("assignments").isJsonArray());
        }
        assertEquals(zshrc.toString(), files.get(0).getAsJsonObject().get("file").getAsString());
        assertEquals("zsh", files.get(0).getAsJsonObject().get("dialect").getAsString());
        assertEquals(bashrc.toString(), files.get(1).getAsJsonObject().get("file").getAsString());
        assertEquals("bash", files.get(1).getAsJsonObject().get("dialect").getAsString());
    }

    @Test
    void dialectOptionOverridesDetection() throws IOException {
        Path zshrc = write(".zshrc", "echo hi\n");
        for (String[] args : new String[][] {
                {"parse", "--dialect", "sh", "--json", zshrc.toString()},
                {"parse", "--json", "--dialect=sh", zshrc.toString()}}) {
            CliRun r = CliRun.of(args);
            assertEquals(0, r.exit(), r.err());
            JsonObject f = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("files").get(0).getAsJsonObject();
            assertEquals("sh", f.get("dialect").getAsString());
        }
    }

    @Test
    void missingFileIsExit2WithOneLineNamingThePath() throws IOException {
        Path ok = write(".profile", "PATH=/bin\n");
        Path missing = dir.resolve("no-such-file");
        CliRun r = CliRun.of("parse", "--json", ok.toString(), missing.toString());
        assertEquals(2, r.exit());
        assertEquals("", r.out(), "no partial output when a file cannot be read");
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(missing.toString()), r.err());
    }

    @Test
    void directoryIsExit2() {
        CliRun r = CliRun.of("parse", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(dir.toString()) && r.err().contains("directory"), r.err());
    }

    @Test
    void fifoIsRefusedWithoutHanging() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo not available: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRun.of("parse", fifo.toString()));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(fifo.toString()) && r.err().contains("not a regular file"), r.err());
    }

    @Test
    void unreadableFileIsExit2() throws IOException {
        Path secret = write("secret.sh", "X=1\n");
        try {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("no POSIX permissions on this file system");
        }
        Assumptions.assumeFalse(Files.isReadable(secret), "running as a user who can read any file (root): skipped");
        CliRun r = CliRun.of("parse", secret.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(secret.toString()), r.err());
    }

    @Test
    void invalidUtf8IsDecodedLenientlyAndParsed() throws IOException {
        Path bin = dir.resolve(".bashrc");
        Files.write(bin, new byte[] {'X', '=', (byte) 0xC3, (byte) 0x28, '\n', (byte) 0xFF, (byte) 0xFE, 0, 1, '\n'});
        CliRun r = CliRun.of("parse", "--json", bin.toString());
        assertEquals(0, r.exit(), r.err());
        JsonObject f = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("files").get(0).getAsJsonObject();
        assertEquals("bash", f.get("dialect").getAsString());
        assertEquals("X=\uFFFD(\n", ParseCommand.decode(new byte[] {'X', '=', (byte) 0xC3, (byte) 0x28, '\n'}));
    }

    @Test
    void humanFormStartsEachFileWithItsNameAndDialect() throws IOException {
        Path a = write("a/.zprofile", "path=(~/bin $path)\n");
        Path b = write("b/.profile", "PATH=/bin\n");
        CliRun r = CliRun.of("parse", a.toString(), b.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(a + ": zsh, ")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(b + ": sh, ")), r.out());
    }

    @Test
    void badArgumentsAreExit2() {
        assertEquals(2, CliRun.of("parse").exit());
        assertEquals(2, CliRun.of("parse", "--dialect", "fish", "x").exit());
        assertEquals(2, CliRun.of("parse", "--dialect").exit());
        assertEquals(2, CliRun.of("parse", "--frobnicate", "x").exit());
        CliRun r = CliRun.of("parse", "--dialect", "fish", "x");
        assertTrue(r.err().contains("fish"), r.err());
    }

    @Test
    void doubleDashEndsOptions() {
        CliRun r = CliRun.of("parse", "--", "--json");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("cannot read --json"), "--json after -- is a file name: " + r.err());
    }
}
