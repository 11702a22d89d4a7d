package dev.envreach.syntax;

import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;

import java.util.List;

/**
 * The parser's view of a finished token list (ending with EOF). All tokens are on the default channel,
 * so unlike ANTLR's buffered streams there is nothing to fetch or skip.
 */
final class ShTokenStream implements TokenStream {
    private final List<? extends Token> tokens;
    private int p;
    private TokenSource source;

    ShTokenStream(List<? extends Token> tokens) {
        this.tokens = tokens;
    }

    @Override
    public Token LT(int k) {
        if (k == 0) return null;
        int i = k < 0 ? p + k : p + k - 1;
        if (i < 0) return null;
        return tokens.get(Math.min(i, tokens.size() - 1));
    }

    @Override
    public int LA(int i) {
        Token t = LT(i);
        return t == null ? Token.INVALID_TYPE : t.getType();
    }

    @Override
    public void consume() {
        if (LA(1) == Token.EOF) throw new IllegalStateException("cannot consume EOF");
        p++;
    }

    @Override
    public Token get(int index) {
        return tokens.get(index);
    }

    @Override
    public TokenSource getTokenSource() {
        if (source == null) source = new ListTokenSource(tokens);
        return source;
    }

    @Override
    public String getText(Interval interval) {
        StringBuilder sb = new StringBuilder();
        int stop = Math.min(interval.b, tokens.size() - 1);
        for (int i = Math.max(0, interval.a); i <= stop; i++) {
            Token t = tokens.get(i);
            if (t.getType() == Token.EOF) break;
            sb.append(t.getText());
        }
        return sb.toString();
    }

    @Override
    public String getText() {
        return getText(Interval.of(0, tokens.size() - 1));
    }

    @Override
    public String getText(RuleContext ctx) {
        return getText(ctx.getSourceInterval());
    }

    @Override
    public String getText(Token start, Token stop) {
        if (start == null || stop == null) return "";
        return getText(Interval.of(start.getTokenIndex(), stop.getTokenIndex()));
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
    }

    @Override
    public int index() {
        return p;
    }

    @Override
    public void seek(int index) {
        p = Math.max(0, Math.min(index, tokens.size() - 1));
    }

    @Override
    public int size() {
        return tokens.size();
    }

    @Override
    public String getSourceName() {
        return "envreach";
    }
}
