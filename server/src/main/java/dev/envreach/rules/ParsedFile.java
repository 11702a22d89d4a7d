package dev.envreach.rules;

import dev.envreach.syntax.ParseResult;

import java.nio.file.Path;

/** A file as the analysis saw it: its path (home-relative targets already resolved) and its parse. */
public record ParsedFile(Path path, ParseResult parse) {
    public String text() {
        return parse.text();
    }
}
