package dev.envreach.syntax;

/** A half-open range of UTF-16 offsets {@code [start, end)} into the source text. */
public record Span(int start, int end) {
    public static Span of(int start, int end) {
        return new Span(start, Math.max(start, end));
    }

    public Span to(Span other) {
        return new Span(Math.min(start, other.start), Math.max(end, other.end));
    }

    public boolean contains(int offset) {
        return offset >= start && offset <= end;
    }

    public int length() {
        return end - start;
    }
}
