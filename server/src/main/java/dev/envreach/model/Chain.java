package dev.envreach.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A launch chain {@code a+b+...}: the environment exported by each shell flows into the next. */
public record Chain(List<ChainStep> steps) {

    /** Parses {@code a+b+c}; empty when any part is not a mode. */
    public static Optional<Chain> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        List<ChainStep> steps = new ArrayList<>();
        for (String part : text.split("\\+", -1)) {
            Optional<ChainStep> s = ChainStep.parse(part);
            if (s.isEmpty()) return Optional.empty();
            steps.add(s.get());
        }
        return Optional.of(new Chain(List.copyOf(steps)));
    }

    public static Chain of(List<String> ids) {
        List<ChainStep> steps = new ArrayList<>();
        for (String id : ids) {
            steps.add(ChainStep.parse(id).orElseThrow(() -> new IllegalArgumentException("unknown mode in chain: " + id)));
        }
        return new Chain(List.copyOf(steps));
    }

    public List<String> ids() {
        return steps.stream().map(ChainStep::id).toList();
    }

    @Override
    public String toString() {
        return steps.isEmpty() ? "(no shell)" : String.join("+", ids());
    }
}
