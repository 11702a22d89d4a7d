package dev.envreach.lsp;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Incremental synchronisation with UTF-16 positions, and open documents overlaying the disk. */
class DocumentStoreTest {
    @TempDir
    Path tmp;

    private static TextDocumentContentChangeEvent edit(int l1, int c1, int l2, int c2, String text) {
        return new TextDocumentContentChangeEvent(new Range(new Position(l1, c1), new Position(l2, c2)), text);
    }

    @Test
    void columnsCountUtf16CodeUnitsSoAnEmojiTakesTwo() {
        DocumentStore store = new DocumentStore();
        String uri = tmp.resolve(".bashrc").toUri().toString();
        store.open(uri, "shellscript", 1, "PS1='😀 x'\n");
        // the emoji is two UTF-16 units: "PS1='" is 5, the emoji 2, the space 1, so the x is at column 8
        var doc = store.change(uri, 2, List.of(edit(0, 8, 0, 9, "y"))).orElseThrow();
        assertEquals("PS1='😀 y'\n", doc.text());
        assertEquals(2, doc.version());
    }

    @Test
    void severalChangesInOneNotificationApplyInOrder() {
        DocumentStore store = new DocumentStore();
        String uri = tmp.resolve(".profile").toUri().toString();
        store.open(uri, "sh", 1, "a\nb\n");
        var doc = store.change(uri, 2, List.of(edit(0, 0, 0, 1, "x=1"), edit(1, 0, 1, 1, "y=2"), edit(2, 0, 2, 0, "z=3\n"))).orElseThrow();
        assertEquals("x=1\ny=2\nz=3\n", doc.text());
    }

    @Test
    void aFullReplacementWithoutRangeReplacesEverythingAndCrlfBecomesLf() {
        DocumentStore store = new DocumentStore();
        String uri = tmp.resolve(".zshrc").toUri().toString();
        store.open(uri, "zsh", 1, "old\r\n");
        var doc = store.change(uri, 2, List.of(new TextDocumentContentChangeEvent("new\r\nline\r\n"))).orElseThrow();
        assertEquals("new\nline\n", doc.text());
    }

    @Test
    void anOpenDocumentOverlaysTheDiskAndClosingFallsBackToIt() throws Exception {
        Path file = tmp.resolve(".bashrc");
        Files.writeString(file, "on disk\n");
        DocumentStore store = new DocumentStore();
        store.open(file.toUri().toString(), "shellscript", 1, "in editor\n");
        assertEquals("in editor\n", store.read(file).orElseThrow());
        store.close(file.toUri().toString());
        assertEquals("on disk\n", store.read(file).orElseThrow());
    }

    @Test
    void aChangeForADocumentThatIsNotOpenChangesNothing() {
        DocumentStore store = new DocumentStore();
        assertTrue(store.change(tmp.resolve("x").toUri().toString(), 3, List.of(new TextDocumentContentChangeEvent("y"))).isEmpty());
    }

    @Test
    void aDirectoryOrMissingFileReadsAsEmpty() {
        DocumentStore store = new DocumentStore();
        assertTrue(store.read(tmp).isEmpty());
        assertTrue(store.read(tmp.resolve("missing")).isEmpty());
    }
}
