package dev.envreach.analysis;

import dev.envreach.model.Reach;
import dev.envreach.model.Tri;
import dev.envreach.syntax.Node;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The abstract state of a shell on the paths still running: variables, functions, options, and
 * whether control is still alive (relative to the innermost branch being analysed).
 */
final class State {
    final Map<String, Var> vars = new HashMap<>();
    final Map<String, Fn> functions = new HashMap<>();
    /** Functions defined by the output of a known tool ({@code pyenv}, {@code _direnv_hook}). */
    final Map<String, ToolKnowledge.Use> toolFunctions = new HashMap<>();
    /** zsh {@code typeset -U} arrays and their tied scalars. */
    final Set<String> unique = new HashSet<>();
    /**
     * Paths that commands run so far may have created, removed or changed ({@code mkdir -p ~/.cache},
     * {@code git clone URL ~/.zplug}): facts about them and below them are no longer known. "" = any path.
     */
    final Set<String> touched = new HashSet<>();
    /** Directories {@code mkdir} may have created where nothing was: they may exist now, but hold nothing. */
    final Set<String> created = new HashSet<>();
    /** Paths that commands may have removed or whose mode they changed ({@code rm}, {@code chmod}): never created. */
    final Set<String> removed = new HashSet<>();
    Tri allexport = Tri.FALSE;
    /** zsh RCS / GLOBAL_RCS options: whether later startup files are read. */
    Tri rcs = Tri.TRUE;
    Tri globalRcs = Tri.TRUE;
    /** bash: posix mode switched on by a startup file. */
    Tri posix = Tri.FALSE;
    /** Exit status of the last command: TRUE when 0. */
    Tri status = Tri.TRUE;
    /** The exact exit status when known ({@code $?}). */
    Integer code = 0;
    /** Control is still here (YES), on some paths (MAYBE), or gone (NO). */
    Reach alive = Reach.YES;
    /** Why control may be gone, for people. */
    String aliveReason;
    /** Some unknown code ran: any variable may have changed (the names listed here are not all). */
    boolean tainted;
    String taintReason;

    /** A recorded function. */
    record Fn(Node.FunctionDef def, Frame.FileCtx file, Tri defined) {}

    State copy() {
        State s = new State();
        vars.forEach((k, v) -> s.vars.put(k, v.copy()));
        s.functions.putAll(functions);
        s.toolFunctions.putAll(toolFunctions);
        s.unique.addAll(unique);
        s.touched.addAll(touched);
        s.created.addAll(created);
        s.removed.addAll(removed);
        s.allexport = allexport;
        s.rcs = rcs;
        s.globalRcs = globalRcs;
        s.posix = posix;
        s.status = status;
        s.code = code;
        s.alive = alive;
        s.aliveReason = aliveReason;
        s.tainted = tainted;
        s.taintReason = taintReason;
        return s;
    }

    Var get(String name) {
        return vars.get(name);
    }

    Var getOrCreate(String name) {
        return vars.computeIfAbsent(name, k -> new Var());
    }

    /** The two paths of a fork come together: variables of live paths only. */
    static State merge(State a, State b) {
        if (a.alive == Reach.NO) return withAlive(b, b.alive == Reach.NO ? Reach.NO : Reach.MAYBE, a, b);
        if (b.alive == Reach.NO) return withAlive(a, Reach.MAYBE, a, b);
        State s = new State();
        Set<String> names = new TreeSet<>(a.vars.keySet());
        names.addAll(b.vars.keySet());
        for (String n : names) s.vars.put(n, Var.merge(a.vars.get(n), b.vars.get(n)));
        Set<String> fnames = new TreeSet<>(a.functions.keySet());
        fnames.addAll(b.functions.keySet());
        for (String f : fnames) {
            Fn x = a.functions.get(f);
            Fn y = b.functions.get(f);
            if (x != null && y != null && x.def() == y.def()) s.functions.put(f, new Fn(x.def(), x.file(), x.defined().join(y.defined())));
            else if (x != null && y == null) s.functions.put(f, new Fn(x.def(), x.file(), Tri.UNKNOWN));
            else if (y != null && x == null) s.functions.put(f, new Fn(y.def(), y.file(), Tri.UNKNOWN));
            else if (x != null) s.functions.put(f, new Fn(y.def(), y.file(), Tri.UNKNOWN));
        }
        s.toolFunctions.putAll(b.toolFunctions);
        s.toolFunctions.putAll(a.toolFunctions);
        s.unique.addAll(a.unique);
        s.unique.addAll(b.unique);
        s.touched.addAll(a.touched);
        s.touched.addAll(b.touched);
        s.created.addAll(a.created);
        s.created.addAll(b.created);
        s.removed.addAll(a.removed);
        s.removed.addAll(b.removed);
        s.allexport = a.allexport.join(b.allexport);
        s.rcs = a.rcs.join(b.rcs);
        s.globalRcs = a.globalRcs.join(b.globalRcs);
        s.posix = a.posix.join(b.posix);
        s.status = a.status.join(b.status);
        s.code = java.util.Objects.equals(a.code, b.code) ? a.code : null;
        s.alive = a.alive.join(b.alive);
        s.aliveReason = a.alive != Reach.YES ? a.aliveReason : b.aliveReason;
        s.tainted = a.tainted || b.tainted;
        s.taintReason = a.taintReason != null ? a.taintReason : b.taintReason;
        return s;
    }

    private static State withAlive(State live, Reach alive, State a, State b) {
        State s = live.copy();
        s.alive = alive;
        if (s.aliveReason == null) s.aliveReason = a.alive == Reach.NO ? a.aliveReason : b.aliveReason;
        if (alive == Reach.MAYBE) s.aliveReason = a.alive == Reach.NO ? a.aliveReason : b.aliveReason;
        return s;
    }
}
