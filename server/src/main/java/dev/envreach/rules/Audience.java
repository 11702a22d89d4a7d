package dev.envreach.rules;

import dev.envreach.analysis.ContextResult;
import dev.envreach.model.Reach;

import java.util.ArrayList;
import java.util.List;

/** Which contexts a finding concerns: those the engine is sure about, and those it is not. */
final class Audience {
    final List<ContextResult> sure = new ArrayList<>();
    final List<ContextResult> maybe = new ArrayList<>();

    void add(ContextResult c, Reach missing) {
        if (missing == Reach.YES) sure.add(c);
        else if (missing == Reach.MAYBE) maybe.add(c);
    }

    boolean isEmpty() {
        return sure.isEmpty() && maybe.isEmpty();
    }

    /** Sure contexts give a warning; when only unsure ones remain, a hint. */
    Severity severity(Severity whenSure) {
        return sure.isEmpty() ? Severity.HINT : whenSure;
    }

    List<ContextResult> named() {
        return sure.isEmpty() ? maybe : sure;
    }

    List<String> ids() {
        return ids(named());
    }

    static List<String> ids(List<ContextResult> cs) {
        List<String> out = new ArrayList<>();
        for (ContextResult c : cs) if (!out.contains(c.id())) out.add(c.id());
        return out;
    }

    String list() {
        return String.join(", ", ids());
    }

    /** "miss" or "may miss". */
    String verb() {
        return sure.isEmpty() ? "may miss" : "miss";
    }

    /** The contexts where a statement surely runs, and whether a variable set there is exported there. */
    static List<ContextResult> reaching(ReachData rd, ParsedFile f, Statements.Ref ref) {
        List<ContextResult> out = new ArrayList<>();
        for (ContextResult c : rd.contexts()) if (ReachData.stmt(c, f.path(), ref.stmt().span()) == Reach.YES) out.add(c);
        return out;
    }

    /** An environment-changing set: an explicit export, or an assignment to a variable exported where the line runs. */
    static boolean matters(EnvSets.Set set, List<ContextResult> reaching) {
        if (set.explicit()) return true;
        for (ContextResult c : reaching) if (ReachData.exported(c, set.name()) == Reach.YES) return true;
        return false;
    }

    /** Whether a context misses the variable: YES when surely absent from its environment, MAYBE when unsure. */
    static Reach missing(ContextResult c, String name) {
        Reach have = ReachData.exported(c, name);
        return have == Reach.YES ? Reach.NO : have == Reach.NO ? Reach.YES : Reach.MAYBE;
    }
}
