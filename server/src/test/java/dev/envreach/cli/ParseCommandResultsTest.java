package dev.envreach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code parse} reports about a file's content: its assignments and its syntax errors, 1-based. */
class ParseCommandResultsTest {
    @TempDir
    Path dir;

    private static JsonObject onlyFile(CliRun r) {
        assertEquals(0, r.exit(), r.err());
        JsonArray files = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("files");
        assertEquals(1, files.size());
        return files.get(0).getAsJsonObject();
    }

    @Test
    void assignmentsWithExportAndOneBasedLines() throws IOException {
        Path f = dir.resolve(".bashrc");
        Files.writeString(f, "# settings\nexport PATH=\"$HOME/bin:$PATH\"\nEDITOR=vim\nexport EDITOR\n", StandardCharsets.UTF_8);
        JsonObject o = onlyFile(CliRun.of("parse", "--json", f.toString()));
        assertEquals(0, o.getAsJsonArray("errors").size(), o.toString());
        JsonArray a = o.getAsJsonArray("assignments");
        assertEquals(3, a.size(), a.toString());
        assertAssignment(a.get(0).getAsJsonObject(), "PATH", true, 2);
        assertAssignment(a.get(1).getAsJsonObject(), "EDITOR", false, 3);
        assertAssignment(a.get(2).getAsJsonObject(), "EDITOR", true, 4);
    }

    private static void assertAssignment(JsonObject a, String name, boolean exported, int line) {
        assertEquals(name, a.get("name").getAsString(), a.toString());
        assertEquals(exported, a.get("exported").getAsBoolean(), a.toString());
        assertEquals(line, a.get("line").getAsInt(), a.toString());
    }

    @Test
    void syntaxErrorIsAResultWithOneBasedPosition() throws IOException {
        Path f = dir.resolve(".profile");
        Files.writeString(f, "export A=1\necho ok\n  fi\n", StandardCharsets.UTF_8);
        JsonObject o = onlyFile(CliRun.of("parse", "--json", f.toString()));
        JsonArray errors = o.getAsJsonArray("errors");
        assertEquals(1, errors.size(), errors.toString());
        JsonObject e = errors.get(0).getAsJsonObject();
        assertEquals(3, e.get("line").getAsInt());
        assertEquals(3, e.get("column").getAsInt(), "the stray `fi` starts in column 3");
        assertTrue(e.get("message").getAsString().contains("fi"), e.toString());
        assertEquals(1, o.getAsJsonArray("assignments").size(), "the export before the error is still reported");
    }

    @Test
    void dialectOverrideChangesHowTheFileIsParsed() throws IOException {
        Path f = dir.resolve(".zshrc");
        Files.writeString(f, "path=(~/bin $path)\n", StandardCharsets.UTF_8);
        JsonObject asZsh = onlyFile(CliRun.of("parse", "--json", f.toString()));
        assertEquals(0, asZsh.getAsJsonArray("errors").size(), asZsh.toString());
        JsonObject asSh = onlyFile(CliRun.of("parse", "--json", "--dialect", "sh", f.toString()));
        assertTrue(asSh.getAsJsonArray("errors").size() > 0, "an array assignment is a syntax error in sh: " + asSh);
    }

    @Test
    void humanFormListsErrorsAndAssignmentsWithAlignedColumns() throws IOException {
        Path f = dir.resolve(".profile");
        StringBuilder text = new StringBuilder("export A=1\n");
        for (int i = 2; i < 12; i++) text.append("# ").append(i).append('\n');
        text.append("B=2\nfi\n");
        Files.writeString(f, text.toString(), StandardCharsets.UTF_8);
        CliRun r = CliRun.of("parse", f.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(f + ": sh, 1 error, 2 assignments", lines.get(0));
        List<String> rows = lines.subList(1, lines.size());
        assertEquals(3, rows.size(), r.out());
        assertTrue(rows.get(0).strip().startsWith("13:1"), rows.get(0));
        assertTrue(rows.get(0).contains("error"), rows.get(0));
        assertTrue(rows.get(1).contains("export") && rows.get(1).strip().endsWith("A"), rows.get(1));
        assertTrue(rows.get(2).contains("set") && rows.get(2).strip().endsWith("B"), rows.get(2));
        int column = rows.get(0).indexOf("error");
        assertEquals(column, rows.get(1).indexOf("export"), "kinds line up:\n" + r.out());
        assertEquals(column, rows.get(2).indexOf("set"), "kinds line up:\n" + r.out());
    }
}
