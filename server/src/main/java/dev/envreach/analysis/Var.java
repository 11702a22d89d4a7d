package dev.envreach.analysis;

import dev.envreach.model.Tri;

import java.util.ArrayList;
import java.util.List;

/** The abstract state of one shell variable. Mutable, copied when the state forks. */
final class Var {
    /** The scalar value (for arrays: the elements joined as the shell shows {@code $name}); null when unset. */
    AValue value;
    /** Array elements, null for a scalar; null elements list also when the shape is unknown. */
    List<AValue> array;
    /** Whether the variable is set (has a value). */
    Tri set = Tri.FALSE;
    /** Whether it carries the export attribute. */
    Tri exported = Tri.FALSE;
    /** Whether it is an array (bash indexed/associative, zsh array): arrays never reach the environment. */
    Tri isArray = Tri.FALSE;
    /** An associative array; for zsh its {@link #array} holds key, value, key, value... in assignment order. */
    boolean assoc;
    boolean readonly;
    Origin origin;
    List<Origin> provenance = new ArrayList<>();

    Var copy() {
        Var v = new Var();
        v.value = value;
        v.array = array == null ? null : new ArrayList<>(array);
        v.set = set;
        v.exported = exported;
        v.isArray = isArray;
        v.assoc = assoc;
        v.readonly = readonly;
        v.origin = origin;
        v.provenance = new ArrayList<>(provenance);
        return v;
    }

    /** The variable on either of two paths. */
    /** Whether the variable is in the environment of the programs the shell starts. */
    Tri inEnvironment() {
        return set.and(exported).and(isArray.not());
    }

    static Var merge(Var a, Var b) {
        if (a == null) a = new Var();
        if (b == null) b = new Var();
        Var v = new Var();
        v.set = a.set.join(b.set);
        v.exported = a.exported.join(b.exported);
        v.isArray = a.set == Tri.FALSE ? b.isArray : b.set == Tri.FALSE ? a.isArray : a.isArray.join(b.isArray);
        v.readonly = a.readonly && b.readonly;
        v.assoc = a.assoc && b.assoc;
        if (a.set == Tri.FALSE) {
            v.value = b.value;
            v.array = b.array;
            v.origin = b.origin;
        } else if (b.set == Tri.FALSE) {
            v.value = a.value;
            v.array = a.array;
            v.origin = a.origin;
        } else {
            v.value = a.value != null && a.value.equals(b.value) ? a.value : merged(a.value, b.value);
            v.array = a.array != null && a.array.equals(b.array) ? a.array : null;
            v.origin = a.origin != null && a.origin.equals(b.origin) ? a.origin : (b.origin != null ? b.origin : a.origin);
        }
        v.provenance = new ArrayList<>(a.provenance);
        for (Origin o : b.provenance) if (!v.provenance.contains(o)) v.provenance.add(o);
        return v;
    }

    /**
     * One of two values. When unknown code made either unknown, people see {@code ?} and those reasons
     * rather than a nest of both displays.
     */
    private static AValue merged(AValue a, AValue b) {
        java.util.List<String> why = new java.util.ArrayList<>(a == null ? List.of() : a.reasons());
        if (b != null) for (String r : b.reasons()) if (!why.contains(r)) why.add(r);
        if (why.isEmpty()) return AValue.unknown(mergedLabel(a, b));
        return AValue.unknownBecause("{one of several values}", why.get(0));
    }

    private static String mergedLabel(AValue a, AValue b) {
        if (a != null && a.segs().size() > 6 || b != null && b.segs().size() > 6) return "{one of several values}";
        String x = a == null ? "" : a.display();
        String y = b == null ? "" : b.display();
        String s = "{" + x + " | " + y + "}";
        return s.length() > 200 ? "{one of several values}" : s;
    }
}
