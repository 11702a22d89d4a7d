package dev.envreach.model;

/** A three-valued truth: known true, known false, or not decidable statically. */
public enum Tri {
    TRUE, FALSE, UNKNOWN;

    public static Tri of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public Tri not() {
        return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
    }

    public Tri and(Tri o) {
        if (this == FALSE || o == FALSE) return FALSE;
        if (this == TRUE && o == TRUE) return TRUE;
        return UNKNOWN;
    }

    public Tri or(Tri o) {
        if (this == TRUE || o == TRUE) return TRUE;
        if (this == FALSE && o == FALSE) return FALSE;
        return UNKNOWN;
    }

    /** The value on either of two alternative paths: known only when both agree. */
    public Tri join(Tri o) {
        return this == o ? this : UNKNOWN;
    }

    public boolean isTrue() {
        return this == TRUE;
    }

    public boolean isFalse() {
        return this == FALSE;
    }

    public Reach toReach() {
        return this == TRUE ? Reach.YES : this == FALSE ? Reach.NO : Reach.MAYBE;
    }
}
