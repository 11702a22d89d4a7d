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
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `env` shows an unknown value as `?` with what made it unknown; JSON keeps `value: null`. */
class EnvUnknownValuesTest {
    @TempDir
    Path tmp;

    private String[] args(Path h, boolean json) {
        String[] base = {"env", "--home", h.toString(), "--context", "bash-interactive", "--sysroot", tmp.resolve("root").toString(),
                "--set", "HOME=" + h, "--set", "PATH=" + h + "/bin:/usr/bin:/bin"};
        if (!json) return base;
        String[] a = java.util.Arrays.copyOf(base, base.length + 1);
        a[base.length] = "--json";
        return a;
    }

    private static String run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        return o.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unknownValuesAreAQuestionMarkAndAShortReason() throws Exception {
        Path h = tmp.resolve("home");
        Files.createDirectories(h.resolve("bin"));
        Files.createDirectories(tmp.resolve("root/etc"));
        for (String t : new String[] {"pyenv", "mystery"}) {
            Path p = h.resolve("bin/" + t);
            Files.writeString(p, "#!/bin/sh\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(h.resolve(".bashrc"), "export KEEP=k\neval \"$(pyenv init -)\"\neval \"$(mystery setup)\"\n");
        String text = run(args(h, false));
        assertTrue(text.contains("? set by eval \"$(pyenv init -)\" at ~/.bashrc:2"), text);
        assertTrue(text.contains("? eval \"$(mystery setup)\" at ~/.bashrc:3 may change it"), text);
        assertFalse(text.contains("(after"), "no nested reasons:\n" + text);
        for (String line : text.split("\n")) assertTrue(line.length() <= 80, "line over 80 columns: " + line);
        JsonObject vars = JsonParser.parseString(run(args(h, true))).getAsJsonObject().getAsJsonObject("variables");
        assertTrue(vars.getAsJsonObject("PYENV_SHELL").get("value").isJsonNull(), "the contract: value null when not known");
        assertTrue(vars.getAsJsonObject("KEEP").get("value").isJsonNull());
    }
}
