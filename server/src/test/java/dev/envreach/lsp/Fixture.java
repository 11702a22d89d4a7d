package dev.envreach.lsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Several files written as one string, each headed by {@code #- ~/.bashrc} (or an absolute path,
 * which lands under the sysroot). With {@link #withCursor}, one {@code |} marks a cursor and is removed.
 */
final class Fixture {
    final Map<String, String> files = new LinkedHashMap<>();
    String cursorFile;
    int cursorOffset = -1;

    static Fixture of(String text) {
        Fixture f = new Fixture();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#- ")) {
                if (current != null) f.files.put(current, body.toString());
                current = line.substring(3).trim();
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) f.files.put(current, trimFinal(body.toString()));
        for (Map.Entry<String, String> e : f.files.entrySet()) e.setValue(trimFinal(e.getValue()));
        return f;
    }

    /** Like {@link #of}, with exactly one {@code |} marking the cursor. */
    static Fixture withCursor(String text) {
        Fixture f = of(text);
        for (Map.Entry<String, String> e : f.files.entrySet()) {
            int i = e.getValue().indexOf('|');
            if (i >= 0) {
                if (f.cursorFile != null) throw new IllegalArgumentException("two cursors");
                f.cursorFile = e.getKey();
                f.cursorOffset = i;
                e.setValue(e.getValue().substring(0, i) + e.getValue().substring(i + 1));
            }
        }
        if (f.cursorFile == null) throw new IllegalArgumentException("no | cursor in fixture");
        return f;
    }

    /** Files end with one newline, as an editor saves them. */
    private static String trimFinal(String s) {
        String t = s;
        while (t.endsWith("\n\n")) t = t.substring(0, t.length() - 1);
        return t;
    }

    /** Writes the files under {@code home} ({@code ~/x}) or {@code sysroot} (absolute paths). */
    void write(Path home, Path sysroot) {
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = resolve(home, sysroot, e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resolve(Path home, Path sysroot, String name) {
        if (name.startsWith("~/")) return home.resolve(name.substring(2));
        if (name.startsWith("/")) return sysroot.resolve(name.substring(1));
        return home.resolve(name);
    }

    String text(String name) {
        String t = files.get(name);
        if (t == null) throw new IllegalArgumentException("no file " + name + " in fixture");
        return t;
    }
}
