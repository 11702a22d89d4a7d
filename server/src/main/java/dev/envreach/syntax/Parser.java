package dev.envreach.syntax;

import dev.envreach.grammar.ShParser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Entry point of the syntax layer: parses shell source text into envreach's tree. Never throws:
 * any input gives a tree plus errors, in bounded time and stack.
 */
public final class Parser {
    /** Constructs nested deeper than this are cut off with an error (the shells themselves stop far earlier in practice). */
    static final int MAX_NESTING = 256;

    /** How many times parsing starts again below a statement that was never closed. */
    private static final int MAX_RESTARTS = 64;

    /** Statements longer than this many tokens are re-parsed for recovery with SLL prediction, which stays linear. */
    private static final int LL_RECOVERY_LIMIT = 20_000;

    private static final long PARSER_STACK = 512L * 1024 * 1024;

    /** Inputs up to this many characters are parsed on the caller's thread. */
    private static final int SMALL_INPUT = 2048;
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ThreadLocal<Boolean> ON_PARSER_THREAD = ThreadLocal.withInitial(() -> false);
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(null, () -> {
            ON_PARSER_THREAD.set(true);
            r.run();
        }, "envreach-parser-" + THREADS.incrementAndGet(), PARSER_STACK);
        t.setDaemon(true);
        return t;
    });

    private static final Set<Integer> CLOSERS = Set.of(ShParser.FI, ShParser.DONE, ShParser.ESAC, ShParser.THEN,
            ShParser.ELSE, ShParser.ELIF, ShParser.DO, ShParser.RBRACE, ShParser.RPAREN, ShParser.DSEMI,
            ShParser.SEMI_AMP, ShParser.DSEMI_AMP, ShParser.SEMI_PIPE, ShParser.END, ShParser.AND_IF,
            ShParser.OR_IF, ShParser.PIPE, ShParser.PIPE_AMP, ShParser.IN, ShParser.ALWAYS);

    private Parser() {}


    public static ParseResult parse(String text, Dialect dialect) {
        if (text == null) text = "";
        if (dialect == null) dialect = Dialect.SH;
        if (ON_PARSER_THREAD.get()) return parseHere(text, dialect);
        if (text.length() <= SMALL_INPUT) {
            // too short to nest deeply: no hand-off to a large-stack thread, unless the stack runs out after all
            ParseResult r = parseHere(text, dialect);
            if (!r.stackExhausted()) return r;
        }
        final String t = text;
        final Dialect d = dialect;
        Future<ParseResult> f = POOL.submit(() -> parseHere(t, d));
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            return failed(text, dialect, "parsing was interrupted");
        } catch (ExecutionException e) {
            return failed(text, dialect, "internal parser error: " + e.getCause());
        }
    }

    private static ParseResult failed(String text, Dialect dialect, String message) {
        return new ParseResult(text, dialect, new LineMap(text), List.of(), List.of(),
                List.of(new SyntaxError(Span.of(0, 0), message)));
    }

    static final String STACK_EXHAUSTED = "the file is nested too deeply to be analysed";

    private static ParseResult parseHere(String text, Dialect dialect) {
        LineMap lines = new LineMap(text);
        BoundedErrors errors = new BoundedErrors();
        List<Comment> comments = new ArrayList<>();
        List<Node.Statement> statements;
        try {
            statements = parseFile(text, dialect, lines, errors, comments);
        } catch (StackOverflowError e) {
            statements = List.of();
            errors.clear();
            errors.add(new SyntaxError(Span.of(0, 0), STACK_EXHAUSTED));
        }
        errors.sort(Comparator.comparingInt((SyntaxError e) -> e.span().start()));
        List<SyntaxError> reported = dedupe(errors);
        if (errors.dropped() > 0) {
            SyntaxError last = reported.get(reported.size() - 1);
            reported.add(new SyntaxError(last.span(), errors.dropped() + " more syntax errors are not reported"));
        }
        comments.sort(Comparator.comparingInt((Comment c) -> c.span().start()));
        return new ParseResult(text, dialect, lines, statements, List.copyOf(comments), reported);
    }

    /**
     * Parses the file; when a statement swallows the rest of the file because something in it is never
     * closed (an `if` without `fi`, an unterminated quote), that statement is reported on its first line
     * and parsing starts again on the next line, so a typo does not hide the code below it.
     */
    private static List<Node.Statement> parseFile(String text, Dialect dialect, LineMap lines,
                                                  List<SyntaxError> errors, List<Comment> comments) {
        List<Node.Statement> all = new ArrayList<>();
        int from = 0;
        for (int restarts = 0; ; restarts++) {
            final int start = from;
            comments.removeIf(c -> c.span().start() >= start);
            int errorsBefore = errors.size();
            ShLexer lexer = new ShLexer(text, 0, dialect, 0, lines, errors, comments, Parser::parseTokens);
            lexer.lexAll(from, false);
            int[] swallowed = {-1};
            List<Node.Statement> sts = parseTokens(lexer.tokens(), lexer, restarts < MAX_RESTARTS ? swallowed : null);
            if (swallowed[0] < 0 || lexer.nestingCut) {
                all.addAll(sts);
                return all;
            }
            int at = swallowed[0];
            for (Node.Statement st : sts) if (st.span().start() < at) all.add(st);
            List<SyntaxError> tail = new ArrayList<>();
            for (int i = errorsBefore; i < errors.size(); i++) {
                if (errors.get(i).span().start() >= at) tail.add(errors.get(i));
            }
            errors.removeAll(tail);
            int line = lines.line(at);
            int lineEnd = line + 1 < lines.lineCount() ? lines.lineStart(line + 1) - 1 : text.length();
            String message = openingMessage(tail);
            Span where = Span.of(at, Math.max(at, lineEnd));
            errors.add(new SyntaxError(where, message));
            all.add(new Node.Statement(where, new Node.Error(where, message), false));
            if (line + 1 >= lines.lineCount()) return all;
            from = lines.lineStart(line + 1);
        }
    }

    /** Of the errors a never-closed statement produced, the one that says what was left open. */
    private static String openingMessage(List<SyntaxError> tail) {
        for (SyntaxError e : tail) {
            String m = e.message();
            if (m.contains("never closed") || m.contains(" has no ")) return m;
        }
        return tail.isEmpty() ? "this command is never completed" : tail.get(0).message();
    }

    private static List<SyntaxError> dedupe(List<SyntaxError> errors) {
        List<SyntaxError> out = new ArrayList<>();
        for (SyntaxError e : errors) {
            if (!out.isEmpty()) {
                SyntaxError last = out.get(out.size() - 1);
                if (last.span().start() == e.span().start() && last.message().equals(e.message())) continue;
            }
            out.add(e);
        }
        return out;
    }

    /** Parses one token list (a file or a command substitution body), statement by statement. */
    static List<Node.Statement> parseTokens(List<ShToken> tokens, ShLexer lexer) {
        return parseTokens(tokens, lexer, null);
    }

    /**
     * @param swallowed when non-null, parsing stops at the first statement that is still open at the end
     *                  of the input, and its start offset is stored in {@code swallowed[0]}
     */
    static List<Node.Statement> parseTokens(List<ShToken> tokens, ShLexer lexer, int[] swallowed) {
        List<? extends Token> toks = limitNesting(tokens, lexer);
        ShTokenStream stream = new ShTokenStream(toks);
        ShParser parser = new ShParser(stream);
        parser.setZsh(lexer.dialect == Dialect.ZSH);
        parser.setSh(lexer.dialect == Dialect.SH);
        parser.removeErrorListeners();
        ShErrorStrategy strategy = new ShErrorStrategy(lexer.lines(), lexer.errors());
        AstBuilder builder = new AstBuilder(lexer.lines(), lexer.errors(), lexer.dialect);
        List<Node.Statement> out = new ArrayList<>();
        boolean afterStatement = false;
        while (true) {
            Token t = stream.LT(1);
            int type = t.getType();
            if (type == Token.EOF) break;
            if (type == ShParser.NEWLINE) {
                afterStatement = false;
                stream.consume();
                continue;
            }
            if (type == ShParser.SEMI || type == ShParser.AMP) {
                if (!afterStatement && lexer.dialect != Dialect.ZSH && !(lexer.errors() instanceof BoundedErrors b && b.full())) {
                    lexer.errors().add(new SyntaxError(span(t), ShErrorStrategy.unexpected(t) + " on line "
                            + t.getLine() + ": `;` and `&` must follow a command"));
                }
                if (type == ShParser.AMP && !out.isEmpty() && afterStatement) {
                    Node.Statement last = out.remove(out.size() - 1);
                    out.add(new Node.Statement(last.span(), last.command(), true));
                }
                afterStatement = false;
                stream.consume();
                continue;
            }
            if (CLOSERS.contains(type)) {
                lexer.errors().add(new SyntaxError(span(t), ShErrorStrategy.strayMessage(t)));
                stream.consume();
                continue;
            }
            int start = stream.index();
            ShParser.StatementContext ctx;
            builder.recovered = false;
            // fast path: SLL prediction, bail at the first error; then full LL with recovery
            parser.setErrorHandler(new org.antlr.v4.runtime.BailErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            try {
                ctx = parser.statement();
            } catch (ParseCancellationException e) {
                parser.reset();
                stream.seek(start);
                parser.setErrorHandler(strategy);
                parser.getInterpreter().setPredictionMode(stream.size() - start > LL_RECOVERY_LIMIT ? PredictionMode.SLL : PredictionMode.LL);
                int before = lexer.errors().size();
                builder.recovered = true;
                ctx = parser.statement();
                if (stream.index() == start) stream.consume();
                if (lexer.errors().size() > before) {
                    // resynchronise at the end of the line: the next statement starts clean
                    while (stream.LA(1) != Token.EOF && stream.LA(1) != ShParser.NEWLINE
                            && stream.LA(1) != ShParser.SEMI) {
                        stream.consume();
                    }
                }
            }
            Node.Statement st = builder.statement(ctx);
            if (swallowed != null && stream.LA(1) == Token.EOF && (strategy.errorAtEnd || builder.recovered
                    && stream.get(start).getLine() < stream.LT(1).getLine()
                    || lexerErrorToEnd(lexer, Parser.span(stream.get(start)).start()))) {
                swallowed[0] = Parser.span(stream.get(start)).start();
                return out;
            }
            strategy.errorAtEnd = false;
            if (st != null) out.add(st);
            afterStatement = true;
            int next = stream.LA(1);
            if (next != Token.EOF && next != ShParser.NEWLINE && next != ShParser.SEMI && next != ShParser.AMP
                    && !CLOSERS.contains(next)) {
                Token t2 = stream.LT(1);
                lexer.errors().add(new SyntaxError(span(t2), "expected `;` or a line break before "
                        + ShErrorStrategy.describe(t2) + " on line " + t2.getLine()));
            }
        }
        return out;
    }

    /** Whether the lexer reported something opened at or after {@code from} that runs to the end of the text. */
    private static boolean lexerErrorToEnd(ShLexer lexer, int from) {
        int end = lexer.textLength();
        for (SyntaxError e : lexer.errors()) {
            if (e.span().start() >= from && e.span().end() >= end && e.message().contains("never closed")) return true;
        }
        return false;
    }

    /**
     * Cuts the token list at the first token nested deeper than {@link #MAX_NESTING}, so that the
     * recursive-descent parser and every tree walk stay within bounded stack.
     */
    private static List<? extends Token> limitNesting(List<ShToken> tokens, ShLexer lexer) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            int type = tokens.get(i).getType();
            switch (type) {
                case ShParser.IF, ShParser.CASE, ShParser.FOR, ShParser.SELECT, ShParser.WHILE, ShParser.UNTIL,
                        ShParser.LBRACE, ShParser.LPAREN, ShParser.FOREACH, ShParser.REPEAT -> depth++;
                case ShParser.FI, ShParser.ESAC, ShParser.DONE, ShParser.RBRACE, ShParser.RPAREN, ShParser.END ->
                        depth = Math.max(0, depth - 1);
                default -> {
                }
            }
            if (depth > MAX_NESTING) {
                lexer.nestingCut = true;
                ShToken at = tokens.get(i);
                lexer.errors().add(new SyntaxError(span(at), "constructs are nested more than " + MAX_NESTING
                        + " levels deep on line " + at.getLine() + ": the rest of the file is not analysed"));
                List<Token> cut = new ArrayList<>(tokens.subList(0, i));
                ShToken eof = tokens.get(tokens.size() - 1);
                eof.setTokenIndex(cut.size());
                cut.add(eof);
                return cut;
            }
        }
        return tokens;
    }

    static Span span(Token t) {
        int s = t.getStartIndex();
        int e = t.getStopIndex() + 1;
        if (s < 0) s = 0;
        return Span.of(s, Math.max(s, e));
    }
}
