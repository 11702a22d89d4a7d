package dev.envreach.syntax;

import dev.envreach.grammar.ShParser;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;

import java.util.List;

/**
 * ANTLR's recovery (single-token insertion and deletion, resynchronisation at loops) with messages in
 * shell terms: which construct is open, where it was opened, and what closes it.
 */
final class ShErrorStrategy extends DefaultErrorStrategy {
    private final LineMap lines;
    private final List<SyntaxError> errors;

    ShErrorStrategy(LineMap lines, List<SyntaxError> errors) {
        this.lines = lines;
        this.errors = errors;
    }

    @Override
    public void reportError(org.antlr.v4.runtime.Parser recognizer, RecognitionException e) {
        Token t = e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken();
        report(recognizer, e.getCtx() instanceof ParserRuleContext p ? p : recognizer.getContext(), t);
    }

    @Override
    protected void reportUnwantedToken(org.antlr.v4.runtime.Parser recognizer) {
        report(recognizer, recognizer.getContext(), recognizer.getCurrentToken());
    }

    @Override
    protected void reportMissingToken(org.antlr.v4.runtime.Parser recognizer) {
        report(recognizer, recognizer.getContext(), recognizer.getCurrentToken());
    }

    /** One message per error condition (ANTLR stays quiet until recovery has matched a token again). */
    private void report(org.antlr.v4.runtime.Parser recognizer, ParserRuleContext ctx, Token t) {
        if (inErrorRecoveryMode(recognizer)) return;
        beginErrorCondition(recognizer);
        add(t, message(ctx, t));
    }

    /** A conjured token for single-token insertion; positioned where the missing token belongs. */
    @Override
    protected Token getMissingSymbol(org.antlr.v4.runtime.Parser recognizer) {
        Token current = recognizer.getCurrentToken();
        org.antlr.v4.runtime.misc.IntervalSet expecting = getExpectedTokens(recognizer);
        int type = expecting.isNil() ? Token.INVALID_TYPE : expecting.getMinElement();
        org.antlr.v4.runtime.CommonToken t = new org.antlr.v4.runtime.CommonToken(type, "");
        t.setStartIndex(Math.max(0, current.getStartIndex()));
        t.setStopIndex(Math.max(0, current.getStartIndex()) - 1);
        t.setLine(current.getLine());
        t.setCharPositionInLine(current.getCharPositionInLine());
        t.setTokenIndex(-1);
        return t;
    }

    /** Set when an error was found at the end of the input: some construct was never closed. */
    boolean errorAtEnd;

    private void add(Token t, String message) {
        if (t.getType() == Token.EOF) errorAtEnd = true;
        errors.add(new SyntaxError(Parser.span(t), message));
    }

    /** The message for an unexpected token {@code t} while inside {@code ctx}. */
    static String message(ParserRuleContext ctx, Token t) {
        ParserRuleContext open = innermostConstruct(ctx);
        boolean atEof = t.getType() == Token.EOF;
        Token before = previousToken(ctx, t);
        if (before != null && before.getType() == ShParser.REDIR) {
            return "the redirection " + describe(before) + " on line " + before.getLine() + " has no target (a file name or descriptor)";
        }
        if (open == null) {
            if (atEof) {
                Token prev = previousToken(ctx, t);
                if (prev != null && prev.getTokenIndex() >= 0) {
                    return "a command is expected after " + describe(prev) + " on line " + prev.getLine();
                }
                return "the file ends in the middle of a command";
            }
            return unexpected(t) + " on line " + t.getLine();
        }
        String opener = opener(open);
        String closer = closer(open);
        int line = open.getStart() != null ? open.getStart().getLine() : t.getLine();
        if (open instanceof ShParser.IfClauseContext ic && (ic.ifRest() == null || ic.ifRest().THEN() == null && ic.ifRest().braceGroup().isEmpty())) {
            return atEof ? "`if` opened on line " + line + " has no `then`"
                    : "expected `then` after the condition of the `if` on line " + line + ", found " + describe(t);
        }
        if (open instanceof ShParser.WhileClauseContext w && w.whileBody() == null
                || (open instanceof ShParser.ForClauseContext || open instanceof ShParser.SelectClauseContext)
                && !hasLoopBody(open)) {
            return atEof ? "`" + opener + "` opened on line " + line + " has no `do`"
                    : "expected `do` for the `" + opener + "` on line " + line + ", found " + describe(t);
        }
        if (open instanceof ShParser.CaseClauseContext cc && cc.IN() == null) {
            return "expected `in` after the word of the `case` on line " + line + ", found " + describe(t);
        }
        if (open instanceof ShParser.FunctionDefContext || open instanceof ShParser.FunctionBodyContext) {
            return "the function defined on line " + line + " needs a body such as `{ ...; }`, found " + describe(t);
        }
        if (atEof) {
            return "`" + opener + "` opened on line " + line + " is never closed with `" + closer + "`";
        }
        return unexpected(t) + " on line " + t.getLine() + " inside the `" + opener
                + "` opened on line " + line + " (expected `" + closer + "`)";
    }

    /** The last real token matched before {@code t}, from the context's subtree. */
    private static Token previousToken(ParserRuleContext ctx, Token t) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            Token stop = c.getStop();
            if (stop != null && stop.getTokenIndex() >= 0 && stop.getTokenIndex() < t.getTokenIndex()
                    && stop.getType() != ShParser.NEWLINE) return stop;
            if (c.children != null) {
                for (int i = c.children.size() - 1; i >= 0; i--) {
                    var ch = c.children.get(i);
                    if (ch instanceof org.antlr.v4.runtime.tree.TerminalNode tn && tn.getSymbol().getTokenIndex() >= 0
                            && tn.getSymbol().getType() != Token.EOF && tn.getSymbol().getType() != ShParser.NEWLINE) {
                        return tn.getSymbol();
                    }
                }
            }
        }
        return null;
    }

    private static boolean hasLoopBody(ParserRuleContext loop) {
        ShParser.ForHeaderContext h = loop instanceof ShParser.ForClauseContext f ? f.forHeader()
                : loop instanceof ShParser.SelectClauseContext s ? s.forHeader() : null;
        return h != null && h.loopBody() != null;
    }

    private static boolean hasChild(ParserRuleContext ctx, Class<?> type) {
        if (ctx.children == null) return false;
        for (var c : ctx.children) if (type.isInstance(c)) return true;
        return false;
    }

    private static ParserRuleContext innermostConstruct(ParserRuleContext ctx) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (c instanceof ShParser.LoopBodyContext || c instanceof ShParser.WhileBodyContext
                    || c instanceof ShParser.ForHeaderContext || c instanceof ShParser.IfRestContext) {
                ParserRuleContext d = c;
                ParserRuleContext loop = d.getParent();
                while (loop != null && opener(loop) == null) loop = loop.getParent();
                if (loop != null) return loop;
                continue;
            }
            if (opener(c) != null) return c;
        }
        return null;
    }

    private static String opener(ParserRuleContext c) {
        if (c instanceof ShParser.IfClauseContext || c instanceof ShParser.ElifPartContext
                || c instanceof ShParser.ElsePartContext || c instanceof ShParser.ZshElifContext) return "if";
        if (c instanceof ShParser.ForClauseContext || c instanceof ShParser.ArithForClauseContext) return "for";
        if (c instanceof ShParser.SelectClauseContext) return "select";
        if (c instanceof ShParser.WhileClauseContext w) return w.UNTIL() != null ? "until" : "while";
        if (c instanceof ShParser.RepeatClauseContext) return "repeat";
        if (c instanceof ShParser.ForeachClauseContext) return "foreach";
        if (c instanceof ShParser.CaseClauseContext || c instanceof ShParser.CaseItemContext) return "case";
        if (c instanceof ShParser.BraceGroupContext) return "{";
        if (c instanceof ShParser.SubshellContext) return "(";

        if (c instanceof ShParser.FunctionDefContext || c instanceof ShParser.FunctionBodyContext) return "function";
        return null;
    }

    private static String closer(ParserRuleContext c) {
        String o = opener(c);
        if (o == null) return "";
        return switch (o) {
            case "if" -> "fi";
            case "for", "select", "while", "until", "repeat", "do" -> "done";
            case "foreach" -> "end";
            case "case" -> "esac";
            case "{", "function" -> "}";
            case "(" -> ")";
            default -> "";
        };
    }

    /** "unexpected `x`", "unexpected line break", "unexpected end of file". */
    static String unexpected(Token t) {
        if (t == null || t.getType() == Token.EOF) return "unexpected end of file";
        if (t.getType() == ShParser.NEWLINE) return "unexpected line break";
        return "unexpected " + describe(t);
    }

    /** A token as a person would name it. */
    static String describe(Token t) {
        if (t == null || t.getType() == Token.EOF) return "the end of the file";
        if (t.getType() == ShParser.NEWLINE) return "the line break";
        String text = t.getText();
        if (text == null) return "a word";
        if (text.length() > 24) text = text.substring(0, 21) + "...";
        text = text.replace("\n", "\\n");
        return "`" + text + "`";
    }

    /** A closing word with nothing open: `fi` without `if`. */
    static String strayMessage(Token t) {
        String opener = switch (t.getType()) {
            case ShParser.FI -> "if";
            case ShParser.THEN, ShParser.ELSE, ShParser.ELIF -> "if";
            case ShParser.DONE, ShParser.DO -> "while`, `until` or `for";
            case ShParser.ESAC, ShParser.DSEMI, ShParser.SEMI_AMP, ShParser.DSEMI_AMP, ShParser.SEMI_PIPE -> "case";
            case ShParser.RBRACE -> "{";
            case ShParser.RPAREN -> "(";
            case ShParser.END -> "foreach";
            default -> null;
        };
        if (opener == null) return unexpected(t) + " on line " + t.getLine() + " where a command should start";
        return describe(t) + " on line " + t.getLine() + " without a matching `" + opener + "`";
    }
}
