package dev.envreach.rules;

/** How strongly a finding is reported; {@link #HINT} is used for findings the engine is not sure about. */
public enum Severity { ERROR, WARNING, INFORMATION, HINT }
