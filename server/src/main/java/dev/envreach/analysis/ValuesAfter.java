package dev.envreach.analysis;

import dev.envreach.model.Reach;
import dev.envreach.model.Tri;
import dev.envreach.syntax.Dialect;
import dev.envreach.syntax.Span;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Records, for each statement the interpreter runs, the variables it changed and their state right
 * after it. A statement is credited with a change made by itself or by the files it sources and the
 * functions it calls; a change made by a statement nested inside it in the same file (the body of an
 * {@code if}) is credited to that inner statement only. When a statement runs several times in one shell
 * (a loop, two calls), the states merge as the interpreter merges paths; a later shell of the chain
 * reading the same statement replaces what an earlier one recorded (its values are the ones that stand).
 * Statements run in a subshell (a {@code ( … )} group, a pipeline part bash forks, a background job) are
 * not recorded: what they change never reaches the shell.
 */
final class ValuesAfter {
    /** What one statement changed, as of the latest shell of the chain that ran it. */
    record Recorded(int step, Var var, Var before) {}

    /** A statement being run: the variables before it, and the names its nested statements took. */
    static final class Watch {
        final Frame.FileCtx file;
        final Span span;
        final int level;
        final Map<String, Snap> before;
        final Set<String> byNested = new HashSet<>();

        Watch(Frame.FileCtx file, Span span, int level, Map<String, Snap> before) {
            this.file = file;
            this.span = span;
            this.level = level;
            this.before = before;
        }
    }

    /** A variable's value, set-ness and array shape at one moment. */
    record Snap(AValue value, Tri set, List<AValue> array) {
        static final Snap UNSET = new Snap(null, Tri.FALSE, null);

        static Snap of(Var v) {
            if (v == null || v.set == Tri.FALSE) return UNSET;
            return new Snap(v.value, v.set, v.array == null ? null : List.copyOf(v.array));
        }

        Var toVar() {
            Var v = new Var();
            v.set = set;
            v.value = value;
            v.array = array == null ? null : new java.util.ArrayList<>(array);
            return v;
        }

        boolean sameAs(Snap o) {
            if (set != o.set) return false;
            if (set == Tri.FALSE) return true;
            return Objects.equals(value, o.value) && Objects.equals(array, o.array);
        }
    }

    private final Interpreter in;
    private final Deque<Watch> open = new ArrayDeque<>();

    ValuesAfter(Interpreter in) {
        this.in = in;
    }

    /** Null when the statement is not in a recorded file (eval text, no path). */
    Watch start(Frame.FileCtx fc, Span span, State s) {
        if (fc == null || !fc.record() || fc.path() == null || in.subshellDepth > 0) return null;
        Map<String, Snap> before = new HashMap<>();
        for (Map.Entry<String, Var> e : s.vars.entrySet()) before.put(e.getKey(), Snap.of(e.getValue()));
        Watch w = new Watch(fc, span, in.callLevel, before);
        open.push(w);
        return w;
    }

    void end(Watch w, State s) {
        if (w == null) return;
        if (open.peek() == w) open.pop();
        else open.remove(w);
        Set<String> names = new TreeSet<>(w.before.keySet());
        names.addAll(s.vars.keySet());
        Set<String> changed = new TreeSet<>();
        for (String n : names) {
            if (in.dialect() == Dialect.ZSH && Interpreter.TIED_ARRAYS.containsKey(n)) continue; // the scalar stands for it
            Snap b = w.before.getOrDefault(n, Snap.UNSET);
            if (!b.sameAs(Snap.of(s.vars.get(n)))) changed.add(n);
        }
        Watch parent = open.peek();
        if (parent != null && parent.level == w.level) parent.byNested.addAll(changed);
        changed.removeAll(w.byNested);
        if (changed.isEmpty() || s.alive == Reach.NO) return;
        Map<String, Recorded> at = in.valuesAfter
                .computeIfAbsent(w.file.path(), k -> new LinkedHashMap<>())
                .computeIfAbsent(w.span, k -> new TreeMap<>());
        for (String n : changed) {
            Var now = s.vars.get(n);
            Var v = now == null ? new Var() : now.copy();
            Var b = w.before.getOrDefault(n, Snap.UNSET).toVar();
            Recorded old = at.get(n);
            if (old == null || old.step() < in.stepIndex) at.put(n, new Recorded(in.stepIndex, v, b));
            else at.put(n, new Recorded(in.stepIndex, Var.merge(old.var(), v), Var.merge(old.before(), b)));
        }
    }

    /** The public view: file → statement span → variable → its state right after the statement. */
    static Map<Path, Map<Span, Map<String, ValueAfter>>> result(Map<Path, Map<Span, Map<String, Recorded>>> recorded) {
        Map<Path, Map<Span, Map<String, ValueAfter>>> out = new LinkedHashMap<>();
        recorded.forEach((file, bySpan) -> {
            Map<Span, Map<String, ValueAfter>> spans = new LinkedHashMap<>();
            bySpan.forEach((span, vars) -> {
                Map<String, ValueAfter> m = new TreeMap<>();
                vars.forEach((name, r) -> m.put(name, view(name, r.var(), r.before())));
                spans.put(span, Collections.unmodifiableMap(m));
            });
            out.put(file, Collections.unmodifiableMap(spans));
        });
        return Collections.unmodifiableMap(out);
    }

    private static ValueAfter view(String name, Var v, Var before) {
        return new ValueAfter(name, v.set.toReach(), v.exported.toReach(), value(name, v), value(name, before));
    }

    private static AValue value(String name, Var v) {
        return v.set == Tri.FALSE ? null : v.value != null ? v.value : AValue.unknown("$" + name);
    }
}
