package dev.envreach.rules;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the rules look at: the parsed files of the startup graph (and open documents). */
public final class RuleInput {
    private final Map<Path, ParsedFile> files = new LinkedHashMap<>();

    public RuleInput(List<ParsedFile> files) {
        for (ParsedFile f : files) this.files.put(f.path(), f);
    }

    public List<ParsedFile> files() {
        return List.copyOf(files.values());
    }

    public Optional<ParsedFile> file(Path path) {
        return Optional.ofNullable(files.get(path));
    }
}
