package dev.envreach.syntax;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root (the directory holding {@code .ci}) and the shared corpus next to it. */
public final class TestPaths {
    private TestPaths() {}

    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.isDirectory(q.resolve(".ci"))) return q;
        }
        return p;
    }

    /** {@code ../shared/corpus} relative to the repository root (may not exist). */
    public static Path corpus() {
        return repoRoot().resolve("..").resolve("shared").resolve("corpus").normalize();
    }
}
