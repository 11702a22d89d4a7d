package dev.envreach.model;

import java.util.List;
import java.util.Map;

/**
 * A user-facing context (JSON resource {@code envreach/contexts/contexts.json}): a launch chain per
 * login shell, the non-shell sources of its environment, and where the fact comes from.
 *
 * @param chains      per login shell ({@code bash}, {@code zsh}, {@code sh}) the chain of modes; an empty
 *                    list means no startup file is read
 * @param environment how the first process's environment is built
 * @param envSources  the non-shell sources that feed it, in words
 * @param source      where the fact is established (CONTEXTS.md row and its evidence)
 */
public record NamedContext(String id, List<String> platforms, String description,
                           Map<String, List<String>> chains, Environment environment,
                           List<String> envSources, String source) {

    /**
     * @param base           {@code login} (the platform's login environment) or {@code empty}
     * @param set            variables set on top ({@code ${HOME}}, {@code ${USER}}, {@code ${SHELL}} replaced)
     * @param unset          variables removed
     * @param pamEnvironment read {@code /etc/environment} the way pam_env does
     * @param environmentD   read the environment.d directories the way systemd's generator does
     */
    public record Environment(String base, Map<String, String> set, List<String> unset,
                              boolean pamEnvironment, boolean environmentD) {}

    public boolean appliesTo(String platformId) {
        return platforms == null || platforms.isEmpty() || platforms.contains(platformId);
    }

    /** The chain for a login shell; null when the context does not say. */
    public Chain chainFor(Mode.ShellKind shell) {
        List<String> ids = chains == null ? null : chains.get(shell.id());
        return ids == null ? null : Chain.of(ids);
    }
}
