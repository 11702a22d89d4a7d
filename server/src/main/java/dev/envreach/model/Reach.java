package dev.envreach.model;

import java.util.Locale;

/** Whether a statement runs (or a variable is present) in a context: yes, no, or maybe. */
public enum Reach {
    YES, NO, MAYBE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Both must hold (sequential composition). */
    public Reach and(Reach o) {
        if (this == NO || o == NO) return NO;
        if (this == YES && o == YES) return YES;
        return MAYBE;
    }

    /** One of two alternative paths: known only when both agree. */
    public Reach join(Reach o) {
        return this == o ? this : MAYBE;
    }

    /** Either of two separate runs (the same statement reached twice): yes if any run surely reaches it. */
    public Reach either(Reach o) {
        if (this == YES || o == YES) return YES;
        if (this == NO && o == NO) return NO;
        return MAYBE;
    }

    public Tri toTri() {
        return this == YES ? Tri.TRUE : this == NO ? Tri.FALSE : Tri.UNKNOWN;
    }
}
