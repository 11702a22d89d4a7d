package dev.envreach.syntax;

/** A {@code #} comment; {@code text} excludes the leading {@code #}. */
public record Comment(Span span, String text) {}
