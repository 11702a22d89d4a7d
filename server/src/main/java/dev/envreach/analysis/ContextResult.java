package dev.envreach.analysis;

import dev.envreach.model.Reach;
import dev.envreach.syntax.Span;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analysis of one context.
 *
 * @param id          the name asked for (named context, mode or chain)
 * @param description for people
 * @param chain       the modes, in launch order
 * @param loginShell  bash, zsh or sh: the login shell whose chain was used
 * @param files       every file read or looked for, in order
 * @param variables   every variable that may be exported at the end, by name (sorted)
 * @param shellVariables variables set at the end but not exported (for hover), by name
 * @param statements  reach of every statement visited, by file and span
 * @param notes       what made the result less precise ("eval of unknown text at ~/.bashrc:12")
 * @param valuesAfter for each statement that ran and changed variables (by file and span): those variables
 *                    as they are right after it (see {@link #valuesAfter(Path, Span)})
 */
public record ContextResult(String id, String description, List<String> chain, String loginShell,
                            List<FileVisit> files, Map<String, VariableResult> variables,
                            Map<String, VariableResult> shellVariables,
                            Map<Path, Map<Span, StatementReach>> statements, List<String> notes,
                            Map<Path, Map<Span, Map<String, ValueAfter>>> valuesAfter) {

    /** The reach of a statement; NO with a reason when its file is not read or the statement never runs. */
    public StatementReach reach(Path file, Span span) {
        Path key = file.toAbsolutePath().normalize();
        Map<Span, StatementReach> inFile = statements.get(key);
        if (inFile == null) {
            // the file may be the target of a symlinked startup file (stow): match by resolved path
            Path real = Workspace.canonical(key);
            for (Map.Entry<Path, Map<Span, StatementReach>> e : statements.entrySet()) {
                if (Workspace.canonical(e.getKey()).equals(real)) {
                    inFile = e.getValue();
                    key = e.getKey();
                    break;
                }
            }
        }
        if (inFile == null) {
            return new StatementReach(key, span, 0, Reach.NO, "the file is not read in " + id);
        }
        StatementReach r = inFile.get(span);
        if (r != null) return r;
        return new StatementReach(key, span, 0, Reach.NO, "never runs in " + id + " (inside a function never called, or after the file stopped)");
    }

    /**
     * The variables a statement changed, as they are right after it in this context (merged over the paths
     * and runs of the last shell of the chain that ran it); empty when it changed nothing or never ran.
     */
    public Map<String, ValueAfter> valuesAfter(Path file, Span span) {
        Map<Span, Map<String, ValueAfter>> inFile = valuesAfterIn(file);
        Map<String, ValueAfter> m = inFile.get(span);
        return m == null ? Map.of() : m;
    }

    /** Every statement of a file that changed variables here, by span, in the order they first ran. */
    public Map<Span, Map<String, ValueAfter>> valuesAfterIn(Path file) {
        Path key = file.toAbsolutePath().normalize();
        Map<Span, Map<String, ValueAfter>> inFile = valuesAfter.get(key);
        if (inFile != null) return inFile;
        Path real = Workspace.canonical(key);
        for (Map.Entry<Path, Map<Span, Map<String, ValueAfter>>> e : valuesAfter.entrySet()) {
            if (Workspace.canonical(e.getKey()).equals(real)) return e.getValue();
        }
        return Map.of();
    }

    public Optional<VariableResult> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** Whether the file is read (yes/maybe) in this context. */
    public Reach fileReach(Path file) {
        Path key = file.toAbsolutePath().normalize();
        Path real = Workspace.canonical(key);
        Reach r = Reach.NO;
        for (FileVisit v : files) {
            if (v.status() == FileVisit.Status.READ && v.path() != null
                    && (key.equals(v.path()) || real.equals(Workspace.canonical(v.path())))) r = r.either(v.reach());
        }
        return r;
    }
}
