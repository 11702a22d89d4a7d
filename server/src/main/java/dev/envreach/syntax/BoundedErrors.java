package dev.envreach.syntax;

import java.util.ArrayList;

/** The errors of one file, at most {@link #LIMIT}: past that they are counted, not kept. */
final class BoundedErrors extends ArrayList<SyntaxError> {
    static final int LIMIT = 1000;
    private int dropped;

    @Override
    public boolean add(SyntaxError e) {
        if (size() >= LIMIT) {
            dropped++;
            return false;
        }
        return super.add(e);
    }

    boolean full() {
        return size() >= LIMIT;
    }

    int dropped() {
        return dropped;
    }
}
