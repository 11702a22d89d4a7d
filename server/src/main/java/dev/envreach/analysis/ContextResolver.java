package dev.envreach.analysis;

import dev.envreach.model.Chain;
import dev.envreach.model.Contexts;
import dev.envreach.model.Mode;
import dev.envreach.model.NamedContext;
import dev.envreach.model.Platform;

import java.util.List;
import java.util.Optional;

/** Turns a context name (named context, mode, or chain {@code a+b}) into a chain for a login shell. */
public final class ContextResolver {
    private ContextResolver() {}

    /** A context ready to run. {@code named} is null for a mode or a chain. */
    public record Resolved(String id, String description, Chain chain, NamedContext named, String source) {}

    /** @throws IllegalArgumentException with a message for people when the name is not known */
    public static Resolved resolve(String id, Platform platform, Mode.ShellKind shell) {
        Optional<NamedContext> named = Contexts.find(id, platform.id());
        if (named.isPresent()) {
            NamedContext c = named.get();
            Chain chain = c.chainFor(shell);
            if (chain == null) chain = c.chainFor(Mode.ShellKind.BASH);
            return new Resolved(id, c.description(), chain, c, c.source());
        }
        Optional<Chain> chain = Chain.parse(id);
        if (chain.isPresent()) {
            String desc = chain.get().steps().size() == 1 ? chain.get().steps().get(0).mode().description()
                    : "the chain " + chain.get();
            return new Resolved(id, desc, chain.get(), null, "the startup rules of each mode (CONTEXTS.md section 1)");
        }
        List<String> elsewhere = Contexts.platformsOf(id);
        if (!elsewhere.isEmpty()) {
            throw new IllegalArgumentException("context '" + id + "' does not exist on " + platform.id()
                    + " (it exists on " + String.join(", ", elsewhere) + ")");
        }
        throw new IllegalArgumentException("unknown context '" + id + "': expected a named context ("
                + String.join(", ", Contexts.forPlatform(platform.id()).stream().map(NamedContext::id).distinct().toList())
                + "), a mode (" + String.join(", ", java.util.Arrays.stream(Mode.values()).map(Mode::id).toList())
                + ") or a chain such as bash-login+bash-interactive");
    }

    /** Every named context of a platform, in catalogue order. */
    public static List<String> namedIds(Platform platform) {
        return Contexts.forPlatform(platform.id()).stream().map(NamedContext::id).distinct().toList();
    }
}
