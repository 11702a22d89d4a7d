package dev.envreach.syntax;

import java.util.Arrays;

/** Converts offsets to 0-based line and UTF-16 column, and back. */
public final class LineMap {
    private final int[] lineStarts;
    private final int length;

    public LineMap(CharSequence text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
        this.length = text.length();
    }

    /** 0-based line of an offset. */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, length)));
        return i >= 0 ? i : -i - 2;
    }

    /** 0-based UTF-16 column of an offset. */
    public int column(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        return o - lineStarts[line(o)];
    }

    /** Offset of a 0-based line and column, clamped to the text. */
    public int offset(int line, int column) {
        if (line < 0) return 0;
        if (line >= lineStarts.length) return length;
        int start = lineStarts[line];
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : length;
        return Math.min(start + Math.max(0, column), end);
    }

    public int lineCount() {
        return lineStarts.length;
    }

    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length - 1))];
    }
}
