package dev.envreach.rules;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the rules look at: the parsed files (startup graph and open documents) and the engine's results. */
public final class RuleInput {
    private final Map<Path, ParsedFile> files = new LinkedHashMap<>();
    private final ReachData reach;

    public RuleInput(List<ParsedFile> files) {
        this(files, null);
    }

    public RuleInput(List<ParsedFile> files, ReachData reach) {
        for (ParsedFile f : files) this.files.put(f.path(), f);
        this.reach = reach;
    }

    public List<ParsedFile> files() {
        return List.copyOf(files.values());
    }

    public Optional<ParsedFile> file(Path path) {
        return Optional.ofNullable(files.get(path.toAbsolutePath().normalize()));
    }

    /** The engine's results; empty when the analysis could not run (syntax rules still apply). */
    public Optional<ReachData> reach() {
        return Optional.ofNullable(reach);
    }
}
