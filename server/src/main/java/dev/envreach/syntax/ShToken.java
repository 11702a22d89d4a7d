package dev.envreach.syntax;

import org.antlr.v4.runtime.CommonToken;

/** A token of the hand-written lexer: the ANTLR token plus what envreach already knows about it. */
final class ShToken extends CommonToken {
    /** Word, Node.Assignment, String[]{fd, op}, HereDocHolder, List of Word, or raw arithmetic text. */
    final Object payload;

    /** The text the token was read from (its own text is cut from it only when asked for). */
    private final String source;
    private final int localStart;

    ShToken(int type, String source, int localStart, int start, int stop, int line, int column, Object payload) {
        super(type);
        this.source = source;
        this.localStart = localStart;
        setStartIndex(start);
        setStopIndex(stop);
        setLine(line);
        setCharPositionInLine(column);
        this.payload = payload;
    }

    @Override
    public String getText() {
        if (getType() == EOF) return "<EOF>";
        int len = getStopIndex() - getStartIndex() + 1;
        if (source == null || len <= 0) return "";
        int e = Math.min(source.length(), localStart + len);
        return source.substring(Math.max(0, Math.min(localStart, e)), e);
    }

    /** An assignment word, with the plain word it would be as an ordinary argument. */
    record AssignTok(Node.Assignment assignment, Word word) {}

    /** A here-document whose body is read when the lexer reaches the end of its line. */
    static final class HereDocHolder {
        final int start;
        final String fd;
        final String op;
        final Word delimiterWord;
        final String delimiter;
        final boolean quoted;
        final boolean stripTabs;
        int bodyStart = -1;
        int bodyEnd = -1;
        String text = "";
        Word body;

        HereDocHolder(int start, String fd, String op, Word delimiterWord, String delimiter, boolean quoted) {
            this.start = start;
            this.fd = fd;
            this.op = op;
            this.delimiterWord = delimiterWord;
            this.delimiter = delimiter;
            this.quoted = quoted;
            this.stripTabs = op.equals("<<-");
        }
    }
}
