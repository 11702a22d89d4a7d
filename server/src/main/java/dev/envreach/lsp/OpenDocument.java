package dev.envreach.lsp;

import java.nio.file.Path;

/** An open document as the client last sent it. {@code uri} is the client's spelling, kept for replies. */
public record OpenDocument(String uri, Path path, String languageId, int version, String text) {}
