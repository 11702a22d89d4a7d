package dev.envreach.analysis;

import dev.envreach.model.Reach;

import java.util.List;

/**
 * A variable at the end of a context.
 *
 * @param name       the name
 * @param exported   YES: surely set and exported; MAYBE: only on some paths, or its export is not sure;
 *                   NO: set but not exported (not in the environment of programs)
 * @param value      the exact value, or null when not known statically
 * @param display    the value for people, unknown parts shown as {@code …} or {@code $(cmd)}
 * @param origin     the last statement that assigned it (or the environment), null when unknown
 * @param provenance the statements that built the value, oldest first
 * @param reasons    in a few words, what made the value unknown ("set by eval "$(pyenv init -)" at ~/.bashrc:3");
 *                   empty when nothing did; {@code display} ends with them in parentheses
 */
public record VariableResult(String name, Reach exported, String value, String display, Origin origin,
                             List<Origin> provenance, List<String> reasons) {
    public VariableResult {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public VariableResult(String name, Reach exported, String value, String display, Origin origin, List<Origin> provenance) {
        this(name, exported, value, display, origin, provenance, List.of());
    }

    /** The display without the reasons: known text with {@code ?} (or a label) for the unknown pieces. */
    public String shape() {
        if (display == null || reasons.isEmpty()) return display;
        int cut = display.lastIndexOf(" (" + reasons.get(0));
        return cut < 0 ? display : display.substring(0, cut);
    }
}
