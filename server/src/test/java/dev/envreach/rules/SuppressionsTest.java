package dev.envreach.rules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In-file suppression comments. */
class SuppressionsTest {
    @Test
    void disableSilencesTheNextLineOnly() {
        Suppressions s = Suppressions.of("""
                # envreach: disable=ER101,ER105
                export A=1
                export B=2
                """);
        assertTrue(s.suppressed("ER101", 1));
        assertTrue(s.suppressed("ER105", 1));
        assertFalse(s.suppressed("ER101", 2), "the line after next is not silenced");
        assertFalse(s.suppressed("ER102", 1), "other rules are not silenced");
    }

    @Test
    void disableFileSilencesEveryLine() {
        Suppressions s = Suppressions.of("x=1\n\n# envreach: disable-file=er107\n");
        assertTrue(s.suppressed("ER107", 0));
        assertTrue(s.suppressed("ER107", 40));
    }

    @Test
    void aTrailingCommentAlsoCountsButHashInsideAWordDoesNot() {
        Suppressions s = Suppressions.of("x=1 # envreach: disable=ER106\ny=a#envreach:disable=ER101\nz=1\n");
        assertTrue(s.suppressed("ER106", 1));
        assertFalse(s.suppressed("ER101", 2));
    }
}
