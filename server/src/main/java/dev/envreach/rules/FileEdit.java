package dev.envreach.rules;

import java.nio.file.Path;
import java.util.List;

/**
 * Edits to one file. {@code create} is true when the file does not exist yet and must be created
 * first (its edits then insert at offset 0).
 */
public record FileEdit(Path file, boolean create, List<TextEdit> edits) {}
