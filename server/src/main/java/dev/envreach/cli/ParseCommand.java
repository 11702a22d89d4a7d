package dev.envreach.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.envreach.syntax.Dialect;
import dev.envreach.syntax.DialectDetector;
import dev.envreach.syntax.LineMap;
import dev.envreach.syntax.ParseResult;
import dev.envreach.syntax.Parser;
import dev.envreach.syntax.SyntaxError;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code envreach parse [--dialect bash|zsh|sh] [--json] FILE...}: the dialect, the syntax errors and the
 * assignments of each file. Syntax errors are results (exit 0); a file that cannot be read is exit 2.
 */
final class ParseCommand {
    private ParseCommand() {}

    /** One parsed file, in the shape of the JSON output. */
    record FileReport(String file, String dialect, List<ErrorReport> errors, List<AssignmentReport> assignments) {}

    record ErrorReport(int line, int column, String message) {}

    record AssignmentReport(String name, boolean exported, int line) {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        Dialect override = null;
        boolean json = false;
        List<String> files = new ArrayList<>();
        boolean optionsDone = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (optionsDone || !a.startsWith("-") || a.equals("-")) {
                files.add(a);
            } else if (a.equals("--")) {
                optionsDone = true;
            } else if (a.equals("--json")) {
                json = true;
            } else if (a.equals("--dialect") || a.startsWith("--dialect=")) {
                String value;
                if (a.equals("--dialect")) {
                    if (i + 1 >= args.length) throw new UsageException("--dialect needs a value: bash, zsh or sh");
                    value = args[++i];
                } else {
                    value = a.substring("--dialect=".length());
                }
                override = switch (value) {
                    case "bash" -> Dialect.BASH;
                    case "zsh" -> Dialect.ZSH;
                    case "sh" -> Dialect.SH;
                    default -> throw new UsageException("unknown dialect '" + value + "' (expected bash, zsh or sh)");
                };
            } else {
                throw new UsageException("unknown option '" + a + "' (usage: parse [--dialect bash|zsh|sh] [--json] FILE...)");
            }
        }
        if (files.isEmpty()) throw new UsageException("no FILE given (usage: parse [--dialect bash|zsh|sh] [--json] FILE...)");

        // Read everything first, so that an unreadable file gives one line and no partial output.
        Map<String, String> texts = new LinkedHashMap<>();
        for (String f : files) {
            try {
                texts.put(f, read(f));
            } catch (UnreadableException e) {
                err.println("envreach parse: cannot read " + f + ": " + e.getMessage());
                return 2;
            }
        }

        List<FileReport> reports = new ArrayList<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            reports.add(report(e.getKey(), e.getValue(), override));
        }
        if (json) {
            Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("files", reports);
            out.println(gson.toJson(root));
        } else {
            for (FileReport r : reports) printHuman(r, out);
        }
        out.flush();
        return 0;
    }

    static FileReport report(String file, String text, Dialect override) {
        Dialect dialect = DialectDetector.detect(file, text, override);
        ParseResult result = Parser.parse(text, dialect);
        LineMap lines = result.lines();
        List<ErrorReport> errors = new ArrayList<>();
        for (SyntaxError e : result.errors()) {
            int start = e.span().start();
            errors.add(new ErrorReport(lines.line(start) + 1, lines.column(start) + 1, e.message()));
        }
        List<AssignmentReport> assignments = new ArrayList<>();
        for (ParseResult.AssignmentSite a : result.assignments()) {
            assignments.add(new AssignmentReport(a.name(), a.exported(), lines.line(a.span().start()) + 1));
        }
        return new FileReport(file, dialect.id(), errors, assignments);
    }

    private static void printHuman(FileReport r, PrintStream out) {
        out.println(r.file() + ": " + r.dialect() + ", " + count(r.errors().size(), "error") + ", "
                + count(r.assignments().size(), "assignment"));
        int width = 0;
        List<String> locations = new ArrayList<>();
        for (ErrorReport e : r.errors()) {
            String loc = e.line() + ":" + e.column();
            locations.add(loc);
            width = Math.max(width, loc.length());
        }
        for (AssignmentReport a : r.assignments()) width = Math.max(width, String.valueOf(a.line()).length());
        for (int i = 0; i < r.errors().size(); i++) {
            out.println("  " + pad(locations.get(i), width) + "  error   " + r.errors().get(i).message());
        }
        for (AssignmentReport a : r.assignments()) {
            out.println("  " + pad(String.valueOf(a.line()), width) + "  " + (a.exported() ? "export  " : "set     ") + a.name());
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    /** Reads a regular file, decoding UTF-8 leniently (invalid bytes become U+FFFD). */
    static String read(String name) throws UnreadableException {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new UnreadableException("invalid path");
        }
        if (Files.isDirectory(path)) throw new UnreadableException("is a directory");
        if (!Files.exists(path)) throw new UnreadableException("no such file");
        // FIFOs, sockets and devices would block or never end: only regular files are read.
        if (!Files.isRegularFile(path)) throw new UnreadableException("not a regular file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (AccessDeniedException e) {
            throw new UnreadableException("permission denied");
        } catch (NoSuchFileException e) {
            throw new UnreadableException("no such file");
        } catch (IOException | OutOfMemoryError e) {
            throw new UnreadableException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return decode(bytes);
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            // cannot happen with REPLACE; keep the contract of never failing on content
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    static final class UnreadableException extends Exception {
        UnreadableException(String reason) {
            super(reason);
        }
    }
}
