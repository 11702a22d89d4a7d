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
 */
public record VariableResult(String name, Reach exported, String value, String display, Origin origin,
                             List<Origin> provenance) {}
