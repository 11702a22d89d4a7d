package dev.envreach.analysis;

import dev.envreach.model.Tri;
import dev.envreach.syntax.Dialect;
import dev.envreach.syntax.Node;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The effect of evaluating a known tool's output ({@code eval "$(pyenv init -)"}, {@code source <(fzf --bash)})
 * and of calling the functions it defines: the variables named in {@code evals.json} become unknown, maybe set
 * and (for those the tool exports) maybe exported; a tool whose effect is open ends like unknown code.
 */
final class ToolEffects {
    private final Interpreter in;

    ToolEffects(Interpreter in) {
        this.in = in;
    }

    /** Statement {@code sc} evaluates the output of {@code use}. */
    State evaluate(ToolKnowledge.Use use, State s, Frame.FileCtx fc, Node.SimpleCommand sc) {
        ToolKnowledge.Tool t = use.tool();
        String stmt = Interpreter.shortText(fc.text(sc.span().start(), sc.span().end()));
        String where = in.where(fc, sc.span());
        Origin o = in.origin(fc, sc.span());
        if (t.open() != null) {
            in.havoc(s, where + ": `" + stmt + "` may set any variable: " + t.open(), stmt + " at " + where + " may change it");
        } else {
            change(s, t.sets(), t, t.exported(), o, "set by " + stmt + " at " + where);
            in.notes.add(where + ": `" + stmt + "` may set " + (t.sets().isEmpty() ? "no variable" : String.join(", ", t.sets()))
                    + " (tool knowledge)");
        }
        for (String f : use.functions()) {
            s.functions.remove(f);
            s.toolFunctions.put(f, use);
        }
        s.status = Tri.UNKNOWN;
        s.code = null;
        if (t.mayReturn() && s.alive != dev.envreach.model.Reach.NO) {
            // the output may `return`, which ends the file evaluating it
            State r = s.copy();
            in.doReturn(r, fc, sc.span(), Tri.UNKNOWN, null, false);
            if (r.alive == dev.envreach.model.Reach.NO) return State.merge(r, s);
        }
        return s;
    }

    /** A call of function {@code name} that {@code use}'s output defined. */
    State call(ToolKnowledge.Use use, String name, State s, Frame.FileCtx fc, Node.SimpleCommand sc) {
        ToolKnowledge.Tool t = use.tool();
        String where = in.where(fc, sc.span());
        String open = t.functionsOpen() != null ? t.functionsOpen() : t.open();
        if (open != null) {
            in.havoc(s, where + ": `" + name + "` (defined by `" + use.text() + "`) may set any variable: " + open,
                    "`" + name + "` at " + where + " may change it");
        } else {
            Set<String> names = new LinkedHashSet<>(t.sets());
            names.addAll(t.functionSets());
            List<String> exported = new ArrayList<>(t.exported());
            exported.addAll(t.functionSets());
            change(s, new ArrayList<>(names), t, exported, in.origin(fc, sc.span()), "set by `" + name + "` at " + where);
        }
        s.status = Tri.UNKNOWN;
        s.code = null;
        return s;
    }

    private void change(State s, List<String> names, ToolKnowledge.Tool t, List<String> exported, Origin o, String why) {
        for (String n : names) {
            String target = in.dialect() == Dialect.ZSH ? Interpreter.TIED_ARRAYS.getOrDefault(n, n) : n;
            Var v = s.getOrCreate(target);
            if (v.readonly) continue;
            v.value = AValue.unknownBecause("$" + target, why);
            v.array = null;
            // the tool may be missing or fail (and print nothing): what it sets is only maybe set
            v.set = v.set == Tri.TRUE && !t.unsets().contains(n) ? Tri.TRUE : Tri.UNKNOWN;
            if (exported.contains(n) || s.allexport != Tri.FALSE) {
                v.exported = v.exported == Tri.TRUE ? Tri.TRUE : Tri.UNKNOWN;
            }
            v.provenance.add(o);
            v.origin = o;
        }
    }
}
