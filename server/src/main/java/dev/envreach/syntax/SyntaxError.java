package dev.envreach.syntax;

/** A syntax error, with a message in shell terms. */
public record SyntaxError(Span span, String message) {}
