package dev.envreach.analysis;

import dev.envreach.model.Reach;

/**
 * A variable right after a statement that changed it, in one context.
 *
 * @param name     the variable
 * @param set      YES: set on every path that ran the statement; NO: unset there; MAYBE: on some paths only
 * @param exported whether it carries the export attribute there (YES/NO/MAYBE)
 * @param value    the abstract value where set (known text with unknown pieces), null when surely unset
 * @param before   the value just before the statement (merged over the same runs), null when it was surely unset
 */
public record ValueAfter(String name, Reach set, Reach exported, AValue value, AValue before) {

    /**
     * False when nothing is known of the value either before or after the statement (unknown code ran, or an
     * unknown value replaced another): showing it tells people nothing new.
     */
    public boolean informative() {
        return !(opaque(value) && opaque(before) && set != Reach.NO);
    }

    private static boolean opaque(AValue v) {
        if (v == null) return false;
        for (AValue.Seg s : v.segs()) if (s instanceof AValue.Lit) return false;
        return !v.segs().isEmpty();
    }

    /** The exact value, or null when unset, not surely set, or partly unknown. */
    public String exact() {
        return set == Reach.YES && value != null ? value.exact() : null;
    }

    /** For people: unknown pieces shown by their label ({@code $(brew --prefix)}), unset as {@code (unset)}. */
    public String display() {
        if (value == null || set == Reach.NO) return "(unset)";
        return value.display();
    }

    /** Unknown pieces shown as {@code ?}; {@code (unset)} when surely unset. */
    public String withQuestionMarks() {
        if (value == null || set == Reach.NO) return "(unset)";
        StringBuilder sb = new StringBuilder();
        for (AValue.Seg s : value.segs()) {
            if (s instanceof AValue.Lit l) sb.append(l.text());
            else sb.append('?');
        }
        return sb.toString();
    }
}
