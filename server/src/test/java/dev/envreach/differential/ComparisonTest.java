package dev.envreach.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The judge's own rules: what counts as agreement, unknown and disagreement. */
class ComparisonTest {
    private static final Map<String, String> INITIAL = Map.of("HOME", "/h", "PATH", "/usr/bin:/bin");

    private static Prediction.Variable yes(String v) {
        return new Prediction.Variable(true, v);
    }

    private static Prediction.Variable maybe(String v) {
        return new Prediction.Variable(false, v);
    }

    private static List<String> problems(Comparison.Outcome o) {
        return o.disagreements().stream().map(d -> d.variable() + ": " + d.problem()).toList();
    }

    @Test
    void exactValuesAndAgreedAbsenceAreAgreements() {
        var o = Comparison.compare(Map.of("HOME", "/h", "PATH", "/usr/bin:/bin", "GOPATH", "/h/go"), Map.of(), INITIAL,
                Set.of("NOT_SET"), Set.of(), Map.of("HOME", yes("/h"), "PATH", yes("/usr/bin:/bin"), "GOPATH", yes("/h/go")));
        assertEquals(List.of(), problems(o));
        assertEquals(4, o.agreements()); // HOME, PATH, GOPATH, and NOT_SET absent on both sides
    }

    @Test
    void aWrongValueOrAFalseExportIsADisagreement() {
        var o = Comparison.compare(Map.of("HOME", "/h", "PATH", "/usr/bin:/bin"), Map.of(), INITIAL, Set.of(), Set.of(),
                Map.of("HOME", yes("/h"), "PATH", yes("/h/bin:/usr/bin:/bin"), "EDITOR", yes("vim"), "X", yes(null)));
        assertEquals(List.of("EDITOR: envreach says exported, the real shell does not export it",
                "PATH: different value",
                "X: envreach says exported, the real shell does not export it"), problems(o));
    }

    @Test
    void aVariableTheFilesSetThatEnvreachDoesNotListIsADisagreement() {
        // GOPATH differs from the empty-home run, so the fixture set it; SHLVL is the same as there
        var o = Comparison.compare(Map.of("HOME", "/h", "PATH", "/usr/bin:/bin", "GOPATH", "/h/go", "SHLVL", "1"),
                Map.of("HOME", "/h", "PATH", "/usr/bin:/bin", "SHLVL", "1"), INITIAL, Set.of(), Set.of(),
                Map.of("HOME", yes("/h"), "PATH", yes("/usr/bin:/bin")));
        assertEquals(List.of("GOPATH: the real shell exports it, envreach does not list it"), problems(o));
    }

    @Test
    void unknownsAreAllowedOnlyWhereTheFixtureDeclaresThem() {
        var real = Map.of("HOME", "/h", "PATH", "/usr/bin:/bin", "NOW", "1700000000", "EDITOR", "vim", "LS_COLORS", "");
        var o = Comparison.compare(real, Map.of(), INITIAL, Set.of(), Set.of("NOW", "LS_COLORS"),
                Map.of("HOME", yes("/h"), "PATH", yes("/usr/bin:/bin"), "NOW", yes(null), "EDITOR", maybe("vim")));
        assertEquals(List.of("EDITOR: imprecise: unknown although the fixture's files determine it"), problems(o));
        assertEquals(List.of("LS_COLORS", "NOW"), o.unknowns().stream().map(Comparison.Finding::variable).toList());
    }

    @Test
    void aMaybeWithAWrongValueIsStillWrong() {
        var o = Comparison.compare(Map.of("HOME", "/h", "PATH", "/usr/bin:/bin", "A", "2"), Map.of(), INITIAL,
                Set.of(), Set.of("A"), Map.of("HOME", yes("/h"), "PATH", yes("/usr/bin:/bin"), "A", maybe("1")));
        assertEquals(List.of("A: different value"), problems(o));
    }

    @Test
    void predictionJsonIsCheckedAgainstTheContract() {
        var ok = Prediction.parse("""
                {"context": "bash-login", "chain": ["bash-login"],
                 "files": [{"path": "/h/.profile", "mode": "bash-login", "status": "read"}],
                 "variables": {"A": {"exported": "yes", "value": "1", "origin": {"file": "/h/.profile", "line": 1}},
                               "B": {"exported": "maybe", "value": null}}}""", "bash-login");
        assertTrue(ok.ok());
        assertEquals("1", ok.variables().get("A").value());
        assertFalse(ok.variables().get("B").surelyExported());
        assertNull(ok.variables().get("B").value());

        var badStatus = Prediction.parse("""
                {"context": "c", "chain": [], "files": [{"path": "p", "mode": "m", "status": "maybe"}], "variables": {}}""", "c");
        assertFalse(badStatus.ok());
        var noValue = Prediction.parse("""
                {"context": "c", "chain": [], "files": [], "variables": {"A": {"exported": "yes"}}}""", "c");
        assertFalse(noValue.ok());
    }
}
