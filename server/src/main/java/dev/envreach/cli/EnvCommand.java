package dev.envreach.cli;

import com.google.gson.GsonBuilder;
import dev.envreach.analysis.ContextResult;
import dev.envreach.analysis.FileVisit;
import dev.envreach.analysis.HomeAnalysis;
import dev.envreach.analysis.HomeAnalyzer;
import dev.envreach.analysis.VariableResult;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code env --home DIR --context CTX [--platform P] [--sysroot DIR] [--set NAME=VALUE]... [--pure] [--json]}:
 * every variable exported when the context's program starts, and the files read.
 */
final class EnvCommand {
    private EnvCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        HomeOptions o = HomeOptions.parse(args, List.of("--context"));
        if (!o.positional.isEmpty()) throw new UsageException("unexpected argument '" + o.positional.get(0) + "'");
        if (o.context == null) throw new UsageException("--context CTX is required (a named context, a mode or a chain a+b)");
        HomeAnalysis a;
        try {
            a = HomeAnalyzer.analyze(o.input(List.of(o.context)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ContextResult c = a.contexts().get(0);
        if (o.json) out.println(json(c));
        else human(c, o, out);
        return 0;
    }

    static String json(ContextResult c) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("context", c.id());
        root.put("chain", c.chain());
        List<Map<String, Object>> files = new ArrayList<>();
        for (FileVisit f : c.files()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.shellPath());
            m.put("mode", f.mode());
            m.put("status", f.status().id());
            if (f.reason() != null) m.put("reason", f.reason());
            files.add(m);
        }
        root.put("files", files);
        Map<String, Object> vars = new LinkedHashMap<>();
        for (VariableResult v : c.variables().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("exported", v.exported().id());
            m.put("value", v.value());
            if (v.origin() != null && v.origin().inFile()) {
                Map<String, Object> or = new LinkedHashMap<>();
                or.put("file", v.origin().shellPath());
                or.put("line", v.origin().line());
                m.put("origin", or);
            }
            vars.put(v.name(), m);
        }
        root.put("variables", vars);
        return new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting().create().toJson(root);
    }

    private static void human(ContextResult c, HomeOptions o, PrintStream out) {
        out.println("context  " + c.id() + "  (" + o.platform.id() + ", login shell " + c.loginShell() + ")");
        out.println("         " + Text.wrap(c.description(), 70, "         "));
        out.println("chain    " + (c.chain().isEmpty() ? "(no shell: no startup file)" : String.join(" + ", c.chain())));
        out.println();
        out.println("files");
        if (c.files().isEmpty()) out.println("  (none)");
        for (FileVisit f : c.files()) {
            String st = f.status().id() + (f.status() == FileVisit.Status.READ && f.reach() == dev.envreach.model.Reach.MAYBE ? "?" : "");
            String line = String.format("  %-8s %-24s %s", st, f.mode(), o.show(f.shellPath()));
            out.println(Text.clip(line, 80));
            if (f.status() != FileVisit.Status.READ && f.reason() != null) out.println(Text.clip("           " + f.reason(), 80));
        }
        out.println();
        out.println("exported variables (yes = surely, maybe = on some paths)");
        int w = 4;
        for (String n : c.variables().keySet()) w = Math.max(w, Math.min(n.length(), 22));
        for (VariableResult v : c.variables().values()) {
            String from = v.origin() == null ? "?" : v.origin().inFile() ? o.show(v.origin().shellPath()) + ":" + v.origin().line() : v.origin().shellPath();
            String value = v.value() != null ? v.value() : v.reasons().isEmpty() ? v.display() + "  (not known exactly)" : o.show(v.shape());
            String head = String.format("  %-" + w + "s %-5s ", Text.clip(v.name(), 22), v.exported().id());
            out.println(Text.clip(head + value, 80));
            if (v.value() == null) {
                // `?`: what made it unknown, in a few words, on lines of its own
                for (String r : v.reasons().size() > 2 ? v.reasons().subList(0, 2) : v.reasons()) {
                    out.println(" ".repeat(head.length()) + Text.wrap("? " + r, 80 - head.length(), " ".repeat(head.length() + 2)));
                }
            }
            out.println(Text.clip(" ".repeat(head.length()) + "from " + from, 80));
        }
        if (!c.notes().isEmpty()) {
            out.println();
            out.println("notes");
            for (String n : c.notes()) out.println("  " + Text.wrap(o.show(n), 76, "    "));
        }
    }
}
