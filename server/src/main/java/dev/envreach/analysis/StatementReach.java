package dev.envreach.analysis;

import dev.envreach.model.Reach;
import dev.envreach.syntax.Span;

import java.nio.file.Path;

/** Whether a statement runs in a context, with a one-line reason for people. */
public record StatementReach(Path file, Span span, int line, Reach reach, String reason) {}
