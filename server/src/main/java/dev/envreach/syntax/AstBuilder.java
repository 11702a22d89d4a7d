package dev.envreach.syntax;

import dev.envreach.grammar.ShParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns ANTLR's parse tree into envreach's {@link Node} tree. Works on trees that error recovery left
 * incomplete: missing children are skipped, never dereferenced.
 */
final class AstBuilder {
    private static final Set<String> DECL_BUILTINS = Set.of(
            "export", "declare", "typeset", "local", "readonly", "integer", "float");

    private final LineMap lines;
    private final List<SyntaxError> errors;
    private final Dialect dialect;
    /** Set while building a statement that error recovery repaired: its empty lists are not reported again. */
    boolean recovered;

    AstBuilder(LineMap lines, List<SyntaxError> errors, Dialect dialect) {
        this.lines = lines;
        this.errors = errors;
        this.dialect = dialect;
    }

    // ------------------------------------------------------------------ helpers

    private static Span span(ParserRuleContext ctx) {
        Token a = ctx.getStart();
        Token b = ctx.getStop();
        if (a == null) return Span.of(0, 0);
        int s = Math.max(0, a.getStartIndex());
        int e = b == null ? s : b.getStopIndex() + 1;
        if (b != null && b.getType() == Token.EOF) e = b.getStartIndex();
        return Span.of(s, Math.max(s, e));
    }

    private static Object payload(TerminalNode n) {
        Token t = n.getSymbol();
        return t instanceof ShToken st ? st.payload : null;
    }

    private static Word word(TerminalNode n) {
        Object p = payload(n);
        if (p instanceof Word w) return w;
        if (p instanceof ShToken.AssignTok a) return a.word();
        Token t = n.getSymbol();
        Span s = Parser.span(t);
        String text = t.getText() == null || t.getType() == Token.EOF ? "" : t.getText();
        return new Word(s, text.isEmpty() ? List.of() : List.of(new WordPart.Literal(s, text)));
    }

    private static boolean isType(ParseTree t, int type) {
        return t instanceof TerminalNode n && n.getSymbol().getType() == type;
    }

    private static boolean missing(TerminalNode n) {
        return n.getSymbol().getTokenIndex() < 0 || n instanceof org.antlr.v4.runtime.tree.ErrorNode;
    }

    // ------------------------------------------------------------------ lists

    Node.Statement statement(ShParser.StatementContext ctx) {
        if (ctx == null || ctx.andOr() == null) return null;
        Node.Command c = andOr(ctx.andOr());
        if (c == null) return null;
        return new Node.Statement(c.span(), c, false);
    }

    /** A list that bash and sh require to hold a command (zsh accepts empty bodies). */
    private List<Node.Statement> list(ShParser.CompoundListContext ctx) {
        List<Node.Statement> out = listMaybeEmpty(ctx);
        if (out.isEmpty() && dialect != Dialect.ZSH && ctx != null && !recovered) {
            ParserRuleContext parent = ctx.getParent();
            Token at = ctx.getStart();
            if (parent != null && at != null && !(at.getTokenIndex() < 0)) {
                errors.add(new SyntaxError(Parser.span(at), "expected a command before " + ShErrorStrategy.describe(at)
                        + " on line " + at.getLine() + " (" + dialect.id() + " does not allow an empty body here)"));
            }
        }
        return out;
    }

    private List<Node.Statement> listMaybeEmpty(ParserRuleContext ctx) {
        List<Node.Statement> out = new ArrayList<>();
        collect(ctx, out);
        return out;
    }

    /** Statements among the children of {@code ctx} (a subshell holds one and then a list), `&` marking the one before it. */
    private void collect(ParserRuleContext ctx, List<Node.Statement> out) {
        if (ctx == null || ctx.children == null) return;
        // a subshell's first statement sits before its list
        boolean afterStatement = ctx instanceof ShParser.CompoundListContext
                && ctx.getParent() instanceof ShParser.SubshellContext;
        for (ParseTree child : ctx.children) {
            if (child instanceof ShParser.StatementContext sc) {
                Node.Statement st = statement(sc);
                if (st != null) out.add(st);
                afterStatement = true;
            } else if (child instanceof ShParser.SepContext sep) {
                if (sep.NEWLINE() == null) {
                    if (!afterStatement && dialect != Dialect.ZSH && !recovered) {
                        Token t = sep.getStart();
                        errors.add(new SyntaxError(Parser.span(t), ShErrorStrategy.unexpected(t) + " on line "
                                + t.getLine() + ": `;` and `&` must follow a command"));
                    }
                    if (sep.AMP() != null && !out.isEmpty() && afterStatement) {
                        Node.Statement last = out.remove(out.size() - 1);
                        out.add(new Node.Statement(last.span(), last.command(), true));
                    }
                }
                afterStatement = false;
            } else if (child instanceof ShParser.CompoundListContext inner) {
                collect(inner, out);
            }
        }
    }

    private Node.Command andOr(ShParser.AndOrContext ctx) {
        List<Node.Command> items = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        if (ctx.children == null) return null;
        for (ParseTree child : ctx.children) {
            if (child instanceof ShParser.PipelineContext p) {
                Node.Command c = pipeline(p);
                if (c != null) items.add(c);
            } else if (isType(child, ShParser.AND_IF)) ops.add("&&");
            else if (isType(child, ShParser.OR_IF)) ops.add("||");
        }
        if (items.isEmpty()) return null;
        while (ops.size() > items.size() - 1) ops.remove(ops.size() - 1);
        if (items.size() == 1) return items.get(0);
        return new Node.AndOr(span(ctx), items, ops);
    }

    private Node.Command pipeline(ShParser.PipelineContext ctx) {
        List<Node.Command> cmds = new ArrayList<>();
        List<Boolean> amp = new ArrayList<>();
        boolean negated = ctx.BANG() != null;
        if (ctx.children == null) return null;
        for (ParseTree child : ctx.children) {
            if (child instanceof ShParser.CommandContext c) {
                Node.Command cmd = command(c);
                if (cmd != null) cmds.add(cmd);
            } else if (isType(child, ShParser.PIPE)) amp.add(false);
            else if (isType(child, ShParser.PIPE_AMP)) amp.add(true);
        }
        if (cmds.isEmpty()) {
            if (ctx.TIME() != null) {
                return new Node.SimpleCommand(span(ctx), List.of(), List.of(word(ctx.TIME())), List.of(), null);
            }
            return null;
        }
        while (amp.size() > cmds.size() - 1) amp.remove(amp.size() - 1);
        if (cmds.size() == 1 && !negated) return cmds.get(0);
        return new Node.Pipeline(span(ctx), negated, cmds, amp);
    }

    /** A zsh short-loop body: an and-or list of pipelines of simple commands without redirections. */
    private Node.Command shortSublist(ShParser.ShortSublistContext ctx) {
        List<Node.Command> items = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        for (ParseTree child : ctx.children) {
            if (child instanceof ShParser.ShortPipelineContext p) {
                List<Node.Command> cmds = new ArrayList<>();
                List<Boolean> amp = new ArrayList<>();
                for (ParseTree pc : p.children) {
                    if (pc instanceof ShParser.ShortCommandContext sc) cmds.add(simpleCommand(sc));
                    else if (isType(pc, ShParser.PIPE)) amp.add(false);
                    else if (isType(pc, ShParser.PIPE_AMP)) amp.add(true);
                }
                if (cmds.isEmpty()) continue;
                while (amp.size() > cmds.size() - 1) amp.remove(amp.size() - 1);
                items.add(cmds.size() == 1 && p.BANG() == null ? cmds.get(0)
                        : new Node.Pipeline(span(p), p.BANG() != null, cmds, amp));
            } else if (isType(child, ShParser.AND_IF)) ops.add("&&");
            else if (isType(child, ShParser.OR_IF)) ops.add("||");
        }
        if (items.isEmpty()) return null;
        while (ops.size() > items.size() - 1) ops.remove(ops.size() - 1);
        return items.size() == 1 ? items.get(0) : new Node.AndOr(span(ctx), items, ops);
    }

    private Node.Command command(ShParser.CommandContext ctx) {
        try {
            if (ctx.functionDef() != null) return functionDef(ctx.functionDef());
            if (ctx.simpleCommand() != null) return simpleCommand(ctx.simpleCommand());
            if (ctx.compoundCommand() != null) {
                return compound(ctx.compoundCommand(), redirects(ctx.redirect()));
            }
        } catch (RuntimeException e) {
            // a tree left inconsistent by error recovery: keep an error node, not an exception
            return new Node.Error(span(ctx), "could not read this command");
        }
        return null;
    }

    // ------------------------------------------------------------------ simple commands

    private Node.Command simpleCommand(ShParser.SimpleCommandContext ctx) {
        List<ParseTree> items = new ArrayList<>();
        if (ctx.prefix() != null && ctx.prefix().children != null) items.addAll(ctx.prefix().children);
        if (ctx.commandWord() != null) items.add(ctx.commandWord());
        for (ShParser.SuffixContext s : ctx.suffix()) {
            if (s.children != null) items.addAll(s.children);
        }
        return simpleCommand(ctx, items);
    }

    private Node.Command simpleCommand(ShParser.ShortCommandContext ctx) {
        if (ctx.compoundCommand() != null) return compound(ctx.compoundCommand(), List.of());
        return simpleCommand(ctx, ctx.children == null ? List.of() : ctx.children);
    }

    /** A simple command from its items in order: assignments, redirections, the command word, arguments. */
    private Node.Command simpleCommand(ParserRuleContext ctx, List<ParseTree> items) {
        List<Node.Assignment> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Node.Redirect> redirects = new ArrayList<>();
        List<Node.DeclOperand> decl = null;
        for (ParseTree item : items) {
            if (item instanceof ShParser.RedirectContext r) {
                Node.Redirect red = redirect(r);
                if (red != null) redirects.add(red);
            } else if (item instanceof ShParser.CommandWordContext cw) {
                if (cw.WORD() != null && !missing(cw.WORD())) {
                    words.add(word(cw.WORD()));
                    String name = words.size() == 1 ? words.get(0).literalValue() : null;
                    if (name != null && DECL_BUILTINS.contains(name)) decl = new ArrayList<>();
                }

            } else if (item instanceof TerminalNode t) {
                if (missing(t)) continue;
                Object p = payload(t);
                if (p instanceof ShToken.AssignTok a) {
                    if (words.isEmpty()) assignments.add(a.assignment());
                    else {
                        if (decl != null) decl.add(new Node.DeclOperand(a.assignment(), null));
                        words.add(a.word());
                        continue;
                    }
                } else if (t.getSymbol().getType() != Token.EOF) {
                    words.add(word(t));
                    if (words.size() == 1) {
                        String name = words.get(0).literalValue();
                        if (name != null && DECL_BUILTINS.contains(name)) decl = new ArrayList<>();
                    } else if (decl != null) {
                        decl.add(new Node.DeclOperand(null, words.get(words.size() - 1)));
                    }
                }
            }
        }
        return new Node.SimpleCommand(span(ctx), assignments, words, redirects, decl);
    }

    private List<Node.Redirect> redirects(List<ShParser.RedirectContext> ctxs) {
        List<Node.Redirect> out = new ArrayList<>();
        for (ShParser.RedirectContext r : ctxs) {
            Node.Redirect red = redirect(r);
            if (red != null) out.add(red);
        }
        return out;
    }

    private Node.Redirect redirect(ShParser.RedirectContext ctx) {
        if (ctx.HEREDOC() != null) {
            Object p = payload(ctx.HEREDOC());
            if (!(p instanceof ShToken.HereDocHolder h)) return null;
            Span bodySpan = h.bodyStart < 0 ? Span.of(h.start, h.start) : Span.of(h.bodyStart, h.bodyEnd);
            Word body = h.body != null ? h.body : new Word(bodySpan, List.of());
            Node.HereDoc doc = new Node.HereDoc(bodySpan, h.delimiter, h.quoted, h.stripTabs, h.text, body);
            return new Node.Redirect(span(ctx), h.fd, h.op, h.delimiterWord, doc);
        }
        if (ctx.REDIR() == null) return null;
        Object p = payload(ctx.REDIR());
        String fd = "";
        String op = ctx.REDIR().getText();
        if (p instanceof String[] a) {
            fd = a[0];
            op = a[1];
        }
        Word target = ctx.WORD() != null && !missing(ctx.WORD()) ? word(ctx.WORD())
                : new Word(Span.of(span(ctx).end(), span(ctx).end()), List.of());
        return new Node.Redirect(span(ctx), fd, op, target, null);
    }

    // ------------------------------------------------------------------ compound commands

    private Node.Command compound(ParserRuleContext ctx, List<Node.Redirect> redirects) {
        if (ctx.getRuleContexts(ShParser.BraceGroupContext.class) != null && !ctx.getRuleContexts(ShParser.BraceGroupContext.class).isEmpty()) {
            List<Node.Statement> body = braceBody(ctx.getRuleContext(ShParser.BraceGroupContext.class, 0));
            if (ctx.getToken(ShParser.ALWAYS, 0) != null && ctx.getRuleContexts(ShParser.BraceGroupContext.class).size() > 1) {
                return new Node.Always(span(ctx), body, braceBody(ctx.getRuleContext(ShParser.BraceGroupContext.class, 1)), redirects);
            }
            return new Node.BraceGroup(span(ctx), body, redirects);
        }
        if (sub(ctx, ShParser.SubshellContext.class) != null) {
            return new Node.Subshell(span(ctx), listMaybeEmpty(sub(ctx, ShParser.SubshellContext.class)), redirects);
        }
        if (sub(ctx, ShParser.IfClauseContext.class) != null) return ifClause(sub(ctx, ShParser.IfClauseContext.class), redirects);
        if (sub(ctx, ShParser.ForClauseContext.class) != null) return forClause(sub(ctx, ShParser.ForClauseContext.class), redirects);
        if (sub(ctx, ShParser.ArithForClauseContext.class) != null) {
            ShParser.ArithForClauseContext f = sub(ctx, ShParser.ArithForClauseContext.class);
            Object p = payload(f.ARITH_FOR());
            return new Node.ArithFor(span(ctx), p instanceof String s ? s : "", loopBody(f.loopBody()), redirects);
        }
        if (sub(ctx, ShParser.SelectClauseContext.class) != null) {
            ShParser.SelectClauseContext f = sub(ctx, ShParser.SelectClauseContext.class);
            List<String> vars = f.WORD() == null ? List.of() : List.of(literalOr(word(f.WORD())));
            return loop(span(ctx), "select", vars, f.forHeader(), redirects);
        }
        if (sub(ctx, ShParser.ForeachClauseContext.class) != null) {
            ShParser.ForeachClauseContext f = sub(ctx, ShParser.ForeachClauseContext.class);
            List<String> vars = new ArrayList<>();
            List<Word> items = new ArrayList<>();
            boolean inList = false;
            for (ParseTree c : f.children) {
                if (isType(c, ShParser.LPAREN)) inList = true;
                else if (isType(c, ShParser.WORD)) {
                    if (inList) items.add(word((TerminalNode) c));
                    else vars.add(literalOr(word((TerminalNode) c)));
                }
            }
            return new Node.For(span(ctx), "foreach", vars, items, list(f.compoundList()), redirects);
        }
        if (sub(ctx, ShParser.CaseClauseContext.class) != null) return caseClause(sub(ctx, ShParser.CaseClauseContext.class), redirects);
        if (sub(ctx, ShParser.WhileClauseContext.class) != null) {
            ShParser.WhileClauseContext w = sub(ctx, ShParser.WhileClauseContext.class);
            return new Node.While(span(ctx), w.UNTIL() != null, list(w.compoundList()), whileBody(w.whileBody()), redirects);
        }
        if (sub(ctx, ShParser.RepeatClauseContext.class) != null) {
            ShParser.RepeatClauseContext r = sub(ctx, ShParser.RepeatClauseContext.class);
            Word count = r.WORD() != null ? word(r.WORD()) : new Word(span(r), List.of());
            List<Node.Statement> body = loopBody(r.loopBody());
            return new Node.Repeat(span(ctx), count, body, redirects);
        }
        if (ctx.getToken(ShParser.ARITH_CMD, 0) != null) {
            Object p = payload(ctx.getToken(ShParser.ARITH_CMD, 0));
            return new Node.ArithCommand(span(ctx), p instanceof String s ? s : "", redirects);
        }
        if (ctx.getToken(ShParser.TEST_EXPR, 0) != null) {
            Object p = payload(ctx.getToken(ShParser.TEST_EXPR, 0));
            List<Word> ws = new ArrayList<>();
            if (p instanceof List<?> l) for (Object o : l) if (o instanceof Word w) ws.add(w);
            return new Node.TestCommand(span(ctx), ws, redirects);
        }
        if (sub(ctx, ShParser.AnonymousFunctionKeywordContext.class) != null) {
            ShParser.AnonymousFunctionKeywordContext a = sub(ctx, ShParser.AnonymousFunctionKeywordContext.class);
            Node.Command body = a.braceGroup() != null
                    ? new Node.BraceGroup(span(a.braceGroup()), braceBody(a.braceGroup()), List.of()) : null;
            return new Node.FunctionDef(span(ctx), List.of(), span(a), body, words(a.WORD()));
        }
        if (sub(ctx, ShParser.AnonymousFunctionContext.class) != null) {
            ShParser.AnonymousFunctionContext a = sub(ctx, ShParser.AnonymousFunctionContext.class);
            Node.Command body = a.braceGroup() != null
                    ? new Node.BraceGroup(span(a.braceGroup()), braceBody(a.braceGroup()), List.of()) : null;
            return new Node.FunctionDef(span(ctx), List.of(), span(a), body, words(a.WORD()));
        }
        return new Node.Error(span(ctx), "unrecognised command");
    }

    private static <T extends ParserRuleContext> T sub(ParserRuleContext ctx, Class<T> type) {
        return ctx.getRuleContext(type, 0);
    }

    private List<Node.Statement> braceBody(ShParser.BraceGroupContext b) {
        return b == null ? List.of() : list(b.compoundList());
    }

    private List<Node.Statement> loopBody(ShParser.LoopBodyContext d) {
        if (d == null) return List.of();
        if (d.braceGroup() != null) return braceBody(d.braceGroup());
        if (d.shortSublist() != null) {
            Node.Command c = shortSublist(d.shortSublist());
            return c == null ? List.of() : List.of(new Node.Statement(c.span(), c, false));
        }
        return list(d.compoundList());
    }

    private List<Node.Statement> whileBody(ShParser.WhileBodyContext d) {
        if (d == null) return List.of();
        if (d.braceGroup() != null) return braceBody(d.braceGroup());
        return list(d.compoundList());
    }

    private List<Word> words(List<TerminalNode> nodes) {
        List<Word> out = new ArrayList<>();
        for (TerminalNode n : nodes) if (!missing(n)) out.add(word(n));
        return out;
    }

    private static String literalOr(Word w) {
        String v = w.literalValue();
        return v != null ? v : "";
    }

    private Node.Command ifClause(ShParser.IfClauseContext ctx, List<Node.Redirect> redirects) {
        List<Node.CondBranch> branches = new ArrayList<>();
        List<Node.Statement> elseBody = null;
        List<Node.Statement> cond = list(ctx.compoundList());
        ShParser.IfRestContext rest = ctx.ifRest();
        Span ifKw = Parser.span(ctx.IF().getSymbol());
        if (rest == null) {
            branches.add(new Node.CondBranch(ifKw, cond, List.of()));
        } else if (rest.THEN() != null) {
            // if cond; then body [elif cond; then body]... [else body] fi
            branches.add(new Node.CondBranch(ifKw, cond, list(rest.compoundList())));
            for (ShParser.ElifPartContext e : rest.elifPart()) {
                List<ShParser.CompoundListContext> el = e.compoundList();
                branches.add(new Node.CondBranch(Parser.span(e.ELIF().getSymbol()),
                        el.size() > 0 ? list(el.get(0)) : List.of(), el.size() > 1 ? list(el.get(1)) : List.of()));
            }
            if (rest.elsePart() != null) elseBody = list(rest.elsePart().compoundList());
        } else if (!rest.braceGroup().isEmpty()) {
            // zsh short form: if cond { body } elif cond { body } else { body }
            List<ShParser.BraceGroupContext> groups = rest.braceGroup();
            branches.add(new Node.CondBranch(ifKw, cond, braceBody(groups.get(0))));
            for (ShParser.ZshElifContext e : rest.zshElif()) {
                branches.add(new Node.CondBranch(Parser.span(e.ELIF().getSymbol()), list(e.compoundList()), braceBody(e.braceGroup())));
            }
            if (rest.ELSE() != null && groups.size() > 1) elseBody = braceBody(groups.get(groups.size() - 1));
        } else {
            branches.add(new Node.CondBranch(ifKw, cond, List.of()));
        }
        return new Node.If(span(ctx), branches, elseBody, redirects);
    }

    private Node.Command forClause(ShParser.ForClauseContext ctx, List<Node.Redirect> redirects) {
        List<String> vars = new ArrayList<>();
        for (TerminalNode n : ctx.WORD()) if (!missing(n)) vars.add(literalOr(word(n)));
        if (vars.size() > 1 && dialect != Dialect.ZSH) {
            Token second = ctx.WORD(1).getSymbol();
            errors.add(new SyntaxError(Parser.span(second), "only zsh loops over several variables: expected `in` or `do` after `for "
                    + vars.get(0) + "` on line " + second.getLine() + ", found " + ShErrorStrategy.describe(second)));
        }
        for (int i = 0; i < vars.size(); i++) {
            if (!TreeWalk.isName(vars.get(i)) && !missing(ctx.WORD(i))) {
                Token t = ctx.WORD(i).getSymbol();
                errors.add(new SyntaxError(Parser.span(t), "`" + vars.get(i) + "` on line " + t.getLine() + " is not a valid loop variable name"));
            }
        }
        return loop(span(ctx), "for", vars, ctx.forHeader(), redirects);
    }

    /** A for or select loop: the header gives the word list (null: the positional parameters) and the body. */
    private Node.Command loop(Span span, String keyword, List<String> vars, ShParser.ForHeaderContext h,
                              List<Node.Redirect> redirects) {
        List<Word> items = null;
        List<Node.Statement> body = List.of();
        if (h != null) {
            if (h.LPAREN() != null) items = words(h.WORD());
            else if (h.forList() != null && h.forList().IN() != null) items = words(h.forList().WORD());
            body = loopBody(h.loopBody());
        }
        return new Node.For(span, keyword, vars, items, body, redirects);
    }

    private Node.Command caseClause(ShParser.CaseClauseContext ctx, List<Node.Redirect> redirects) {
        Word subject = ctx.WORD() != null ? word(ctx.WORD()) : new Word(span(ctx), List.of());
        List<Node.CaseItem> items = new ArrayList<>();
        for (ShParser.CaseItemContext it : ctx.caseItem()) {
            String term = it.caseTerminator() != null ? it.caseTerminator().getText() : "";
            List<Node.Statement> body = listMaybeEmpty(it.compoundList());
            items.add(new Node.CaseItem(span(it), patterns(it.pattern()), body, term));
        }
        return new Node.Case(span(ctx), subject, items, redirects);
    }

    private List<Word> patterns(ShParser.PatternContext p) {
        return p == null ? List.of() : words(p.WORD());
    }

    private Node.Command functionDef(ShParser.FunctionDefContext ctx) {
        List<String> names = new ArrayList<>();
        Span nameSpan = null;
        for (TerminalNode n : ctx.WORD()) {
            if (missing(n)) continue;
            Word w = word(n);
            names.add(literalOr(w));
            if (nameSpan == null) nameSpan = w.span();
        }
        if (nameSpan == null) nameSpan = span(ctx);
        if (dialect == Dialect.SH && !names.isEmpty() && !TreeWalk.isName(names.get(0))) {
            errors.add(new SyntaxError(nameSpan, "`" + names.get(0) + "` is not a valid function name in POSIX sh (dash rejects it)"));
        }
        Node.Command body = null;
        ShParser.FunctionBodyContext b = ctx.functionBody();
        if (b != null) {
            if (b.simpleCommand() != null) body = simpleCommand(b.simpleCommand());
            else body = compound(b, redirects(b.redirect()));
        }
        return new Node.FunctionDef(span(ctx), names, nameSpan, body, List.of());
    }
}
