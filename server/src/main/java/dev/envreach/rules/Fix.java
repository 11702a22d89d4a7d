package dev.envreach.rules;

import java.util.List;

/** A quick fix: a title and the edits to apply, possibly over several files. */
public record Fix(String title, List<FileEdit> edits) {}
