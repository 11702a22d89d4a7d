package dev.envreach.cli;

import com.google.gson.GsonBuilder;
import dev.envreach.analysis.ContextResult;
import dev.envreach.analysis.HomeAnalysis;
import dev.envreach.analysis.HomeAnalyzer;
import dev.envreach.analysis.Origin;
import dev.envreach.analysis.VariableResult;
import dev.envreach.model.Reach;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code matrix --home DIR [--contexts a,b,...] [--json]}: which variables reach which contexts
 * (✓ surely, ? maybe, ✗ not). Variables only the shell maintains (PWD, SHLVL, OLDPWD) are left out.
 */
final class MatrixCommand {
    private MatrixCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        HomeOptions o = HomeOptions.parse(args, List.of("--contexts"));
        if (!o.positional.isEmpty()) throw new UsageException("unexpected argument '" + o.positional.get(0) + "'");
        HomeAnalysis a;
        try {
            a = HomeAnalyzer.analyze(o.input(o.contexts));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        TreeSet<String> names = new TreeSet<>();
        for (ContextResult c : a.contexts()) {
            for (VariableResult v : c.variables().values()) {
                if (v.origin() != null && Origin.SHELL.equals(v.origin().shellPath())) continue;
                names.add(v.name());
            }
        }
        if (o.json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("platform", o.platform.id());
            root.put("contexts", a.contexts().stream().map(ContextResult::id).toList());
            Map<String, Object> vars = new LinkedHashMap<>();
            for (String n : names) {
                Map<String, String> row = new LinkedHashMap<>();
                for (ContextResult c : a.contexts()) row.put(c.id(), HomeAnalyzer.presence(c, n).id());
                vars.put(n, row);
            }
            root.put("variables", vars);
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root));
            return 0;
        }
        List<ContextResult> cs = a.contexts();
        out.println("which variables reach which contexts (" + o.platform.id() + "; ✓ yes  ? maybe  ✗ no)");
        out.println();
        for (int i = 0; i < cs.size(); i++) {
            ContextResult c = cs.get(i);
            out.println(Text.clip(String.format("  %2d  %-26s %s", i + 1, c.id(),
                    c.chain().isEmpty() ? "(no shell)" : String.join("+", c.chain())), 80));
        }
        out.println();
        int nameWidth = 8;
        for (String n : names) nameWidth = Math.max(nameWidth, Math.min(22, n.length()));
        StringBuilder head = new StringBuilder(String.format("%-" + nameWidth + "s ", ""));
        for (int i = 0; i < cs.size(); i++) head.append(String.format("%3d", i + 1));
        out.println(head);
        for (String n : names) {
            StringBuilder row = new StringBuilder(String.format("%-" + nameWidth + "s ", Text.clip(n, 22)));
            for (ContextResult c : cs) {
                Reach r = HomeAnalyzer.presence(c, n);
                row.append("  ").append(r == Reach.YES ? "✓" : r == Reach.MAYBE ? "?" : "✗");
            }
            out.println(row);
        }
        if (names.isEmpty()) out.println("(no variable is exported in these contexts)");
        return 0;
    }
}
