package dev.envreach.cli;

import com.google.gson.GsonBuilder;
import dev.envreach.analysis.ContextResult;
import dev.envreach.analysis.HomeAnalysis;
import dev.envreach.analysis.HomeAnalyzer;
import dev.envreach.analysis.Origin;
import dev.envreach.analysis.StatementReach;
import dev.envreach.analysis.VariableResult;
import dev.envreach.model.Reach;
import dev.envreach.syntax.ParseResult;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code explain --home DIR NAME [--contexts a,b,...]}: per context, the value of NAME and the statements
 * that built it, or why it is absent there.
 */
final class ExplainCommand {
    private ExplainCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        HomeOptions o = HomeOptions.parse(args, List.of("--contexts"));
        if (o.positional.size() != 1) throw new UsageException("expected one variable NAME, got " + o.positional.size() + " arguments");
        String name = o.positional.get(0);
        if (!dev.envreach.syntax.TreeWalk.isName(name)) throw new UsageException("'" + name + "' is not a variable name");
        HomeAnalysis a;
        try {
            a = HomeAnalyzer.analyze(o.input(o.contexts));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ContextResult c : a.contexts()) rows.add(explain(c, name, a, o));
        if (o.json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("variable", name);
            root.put("platform", o.platform.id());
            root.put("contexts", rows);
            out.println(new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(root));
            return 0;
        }
        out.println(name + " on " + o.platform.id());
        for (Map<String, Object> r : rows) {
            out.println();
            out.println(Text.clip(r.get("context") + "  (" + r.get("chain") + ")", 80));
            out.println("  " + Text.wrap(String.valueOf(r.get("summary")), 76, "    "));
            @SuppressWarnings("unchecked")
            List<String> steps = (List<String>) r.get("steps");
            for (String s : steps) out.println("    " + Text.wrap(s, 74, "      "));
        }
        return 0;
    }

    private static Map<String, Object> explain(ContextResult c, String name, HomeAnalysis a, HomeOptions o) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("context", c.id());
        r.put("chain", c.chain().isEmpty() ? "no shell" : String.join("+", c.chain()));
        List<String> steps = new ArrayList<>();
        VariableResult v = c.variables().get(name);
        if (v != null) {
            r.put("exported", v.exported().id());
            r.put("value", v.value());
            String value = v.value() != null ? "= " + v.value() : "= " + v.display() + (v.reasons().isEmpty() ? " (not known exactly)" : "");
            r.put("summary", (v.exported() == Reach.YES ? "exported " : "maybe exported ") + value);
            for (Origin p : v.provenance()) steps.add(describe(p, o));
        } else {
            r.put("exported", "no");
            r.put("value", null);
            VariableResult local = c.shellVariables().get(name);
            if (local != null) {
                r.put("summary", "set but not exported (" + describe(local.origin(), o) + ")");
            } else {
                r.put("summary", "not in the environment here");
            }
            // statements that would set it, and why they do not count here
            for (Map.Entry<Path, ParseResult> e : a.parses().entrySet()) {
                for (ParseResult.AssignmentSite site : e.getValue().assignments()) {
                    if (!site.name().equals(name)) continue;
                    StatementReach sr = statementAt(c, e.getKey(), site.span().start());
                    int line = e.getValue().lines().line(site.span().start()) + 1;
                    String where = o.show(e.getKey().toString()) + ":" + line;
                    steps.add(where + (site.exported() ? " (export)" : "") + ": " + (sr == null ? "the file is not read here"
                            : sr.reach() == Reach.NO ? "never runs: " + sr.reason()
                            : sr.reach() == Reach.MAYBE ? "runs only on some paths: " + sr.reason() : "runs, but a later statement removes it"));
                }
            }
            if (steps.isEmpty()) steps.add("no file read here sets " + name);
        }
        r.put("steps", steps);
        return r;
    }

    private static StatementReach statementAt(ContextResult c, Path file, int offset) {
        Map<dev.envreach.syntax.Span, StatementReach> m = c.statements().get(file.toAbsolutePath().normalize());
        if (m == null) return null;
        StatementReach best = null;
        for (StatementReach sr : m.values()) {
            if (sr.span().start() <= offset && offset < Math.max(sr.span().end(), sr.span().start() + 1)) {
                if (best == null || sr.span().length() < best.span().length()) best = sr;
            }
        }
        return best;
    }

    private static String describe(Origin p, HomeOptions o) {
        if (p == null) return "?";
        if (!p.inFile()) return p.shellPath() + (p.text() == null || p.text().isEmpty() ? "" : ": " + p.text());
        return o.show(p.shellPath()) + ":" + p.line() + ": " + p.text();
    }
}
