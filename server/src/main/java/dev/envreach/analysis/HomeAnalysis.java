package dev.envreach.analysis;

import dev.envreach.syntax.ParseResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@link HomeAnalyzer#analyze}: one {@link ContextResult} per context asked for, and the
 * parse of every file read (so diagnostics and the engine share one tree).
 */
public record HomeAnalysis(List<ContextResult> contexts, Map<Path, ParseResult> parses) {

    public Optional<ContextResult> context(String id) {
        return contexts.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
