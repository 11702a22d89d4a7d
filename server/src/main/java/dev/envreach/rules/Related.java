package dev.envreach.rules;

import dev.envreach.syntax.Span;

import java.nio.file.Path;

/** A place that explains a finding: the guard, the shadowing file. */
public record Related(Path file, Span span, String message) {}
