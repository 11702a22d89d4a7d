package dev.envreach.lsp;

import dev.envreach.syntax.ParseResult;

import java.nio.file.Path;

/**
 * One file of an analysis: its home path (what the shell sees), the real file (differs in a dotfiles
 * repository), the URI to report on, the document version the text came from (null when read from disk).
 */
public record AnalyzedFile(Path homePath, Path realPath, String uri, Integer version, ParseResult parse) {}
