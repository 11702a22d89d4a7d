package dev.envreach.rules;

import dev.envreach.analysis.ContextResult;
import dev.envreach.analysis.FileVisit;
import dev.envreach.analysis.HomeAnalysis;
import dev.envreach.analysis.Origin;
import dev.envreach.analysis.VariableResult;
import dev.envreach.model.Reach;
import dev.envreach.syntax.Span;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's results as the rules read them: per context, files read, statement reach and the
 * final variables. Helpers only look things up; they never re-derive shell semantics.
 */
public record ReachData(HomeAnalysis analysis, Path home, String platformId, String loginShell) {

    public List<ContextResult> contexts() {
        return analysis.contexts();
    }

    public static Reach stmt(ContextResult c, Path file, Span span) {
        return c.reach(file, span).reach();
    }

    public static String reason(ContextResult c, Path file, Span span) {
        return c.reach(file, span).reason();
    }

    /** Whether the variable is exported when the context's program starts. */
    public static Reach exported(ContextResult c, String name) {
        return c.variable(name).map(VariableResult::exported).orElse(Reach.NO);
    }

    /** True when some step of the context's chain is a mode starting with {@code prefix} ({@code bash-login}, {@code zsh}). */
    public static boolean hasStep(ContextResult c, String prefix) {
        for (String m : c.chain()) if (m.startsWith(prefix)) return true;
        return false;
    }

    /** True when the variable's value comes (partly) from the initial environment or the shell itself. */
    public static boolean fromOutside(ContextResult c, String name) {
        VariableResult v = c.variables().get(name);
        if (v == null && c.shellVariables() != null) v = c.shellVariables().get(name);
        if (v == null) return false;
        if (v.origin() != null && !v.origin().inFile()) return true;
        if (v.provenance() != null) for (Origin o : v.provenance()) if (!o.inFile()) return true;
        return false;
    }

    /** The order in which a context first reads each file (files never read are absent). */
    public static Map<Path, Integer> readOrder(ContextResult c) {
        Map<Path, Integer> out = new HashMap<>();
        int i = 0;
        for (FileVisit v : c.files()) {
            if (v.status() == FileVisit.Status.READ && v.path() != null) out.putIfAbsent(v.path().toAbsolutePath().normalize(), i);
            i++;
        }
        return out;
    }

    /** {@code ~/.bashrc} for a file under home, else the path. */
    public String display(Path p) {
        if (p.startsWith(home)) return "~/" + home.relativize(p);
        return p.toString();
    }

    public Optional<ContextResult> context(String id) {
        return analysis.context(id);
    }
}
