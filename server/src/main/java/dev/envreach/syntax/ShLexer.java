package dev.envreach.syntax;

import dev.envreach.grammar.ShParser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The hand-written shell lexer. It turns source text into the tokens of {@code ShParser.g4}, deciding
 * with a small state machine where reserved words count (command position, {@code for} and {@code case}
 * headers, case patterns), reading each word with its quoting and expansions into a {@link Word},
 * reading here-document bodies when their line ends, and folding {@code [[ ]]}, {@code (( ))} and array
 * assignments into single tokens. Command substitutions are lexed by a nested lexer over the same text
 * and parsed at once, so the lexer and parser recurse together; nesting is bounded.
 */
final class ShLexer {
    /** Deepest nesting of command substitutions that is parsed; deeper ones are skipped with an error. */
    static final int MAX_SUBST_DEPTH = 100;
    /** Deepest nesting of `${...}` and quotes inside one word that is read part by part. */
    static final int MAX_EXPR_DEPTH = 200;

    private static final Set<String> COMMON_KEYWORDS = Set.of(
            "if", "then", "else", "elif", "fi", "case", "esac", "for", "while", "until", "do", "done", "!", "{", "}");
    private static final Set<String> BASH_ZSH_KEYWORDS = Set.of("function", "select", "time", "[[");
    private static final Set<String> DECL_BUILTINS = Set.of(
            "export", "declare", "typeset", "local", "readonly", "integer", "float");

    /** Parses the tokens of a nested program (a command substitution) into statements. */
    interface SubParser {
        List<Node.Statement> parse(List<ShToken> tokens, ShLexer lexer);
    }

    private final String src;
    private final int base;
    final Dialect dialect;
    private final int depth;
    private final List<SyntaxError> errors;
    private final List<Comment> comments;
    private final SubParser subParser;
    private final LineMap lines;

    private int pos;
    private int lastLine;
    /** Set when the parser cut the token list at the nesting limit. */
    boolean nestingCut;
    private final List<ShToken> tokens;

    // state machine
    private boolean cmdPos = true;
    private boolean redirTarget;
    private boolean declMode;
    private boolean funcNames;
    private boolean afterRbrace;
    private int forState; // 0 none, 1 reading names, 2 reading list after `in`, 3 zsh list in parens
    private int forNames;
    private int caseState; // 0 none, 1 subject expected, 2 `in` expected
    private int parenDepth;
    private final Deque<CaseFrame> cases = new ArrayDeque<>();
    private int braceDepth;
    private final List<ShToken.HereDocHolder> pendingHereDocs = new ArrayList<>();
    private int foreachDepth;
    private boolean inSubst;
    private int exprDepth;
    /** Open `if`s: {brace depth when opened, 0 condition / 1 then-part / 2 zsh short form}. */
    private final Deque<int[]> ifs = new ArrayDeque<>();

    private static final class CaseFrame {
        boolean pattern = true;
        boolean brace;
        boolean patternStart = true;
        final int parenDepth;

        CaseFrame(int parenDepth) {
            this.parenDepth = parenDepth;
        }
    }

    ShLexer(String src, int base, Dialect dialect, int depth, LineMap lines, List<SyntaxError> errors,
            List<Comment> comments, SubParser subParser) {
        this.src = src;
        this.base = base;
        this.dialect = dialect;
        this.depth = depth;
        this.lines = lines;
        this.errors = errors;
        this.comments = comments;
        this.subParser = subParser;
        this.tokens = new ArrayList<>(depth == 0 ? Math.max(16, Math.min(src.length(), 1 << 20) / 5) : 16);
    }

    List<ShToken> tokens() {
        return tokens;
    }

    int textLength() {
        return base + src.length();
    }

    LineMap lines() {
        return lines;
    }

    int depth() {
        return depth;
    }

    List<SyntaxError> errors() {
        return errors;
    }

    List<Comment> comments() {
        return comments;
    }

    SubParser subParser() {
        return subParser;
    }

    private boolean zsh() {
        return dialect == Dialect.ZSH;
    }

    private boolean notSh() {
        return dialect != Dialect.SH;
    }

    private int line(int offset) {
        return lines.line(base + offset) + 1;
    }

    private void error(int start, int end, String message) {
        errors.add(new SyntaxError(Span.of(base + start, base + end), message));
    }

    private Span span(int start, int end) {
        return Span.of(base + start, base + end);
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private boolean at(String s) {
        return src.startsWith(s, pos);
    }

    private boolean eof() {
        return pos >= src.length();
    }

    // ------------------------------------------------------------------ main loop

    /** Lexes from {@code start}; in a substitution, stops at the unmatched {@code )} and returns its offset. */
    int lexAll(int start, boolean inSubst) {
        pos = start;
        this.inSubst = inSubst;
        while (true) {
            skipBlanks();
            if (eof()) {
                emit(org.antlr.v4.runtime.Token.EOF, pos, pos, "<EOF>", null);
                return pos;
            }
            char c = src.charAt(pos);
            int s = pos;
            if (c == '#') {
                int e = src.indexOf('\n', pos);
                if (e < 0) e = src.length();
                comments.add(new Comment(span(pos, e), src.substring(pos + 1, e)));
                pos = e;
                continue;
            }
            if (c == '\n' && forState == 3) {
                pos++; // zsh: the word list of `for x ( ... )` may span lines
                continue;
            }
            if (c == '\n') {
                pos++;
                if (lastType() == ShParser.NEWLINE && pendingHereDocs.isEmpty()) {
                    // blank and comment-only lines: one NEWLINE token stands for the run
                    continue;
                }
                emit(ShParser.NEWLINE, s, pos, "\n", null);
                readHereDocBodies();
                continue;
            }
            if (c == ';') {
                if (at(";;&") && dialect == Dialect.BASH) op(ShParser.DSEMI_AMP, 3);
                else if (at(";;")) op(ShParser.DSEMI, 2);
                else if (at(";&") && notSh()) op(ShParser.SEMI_AMP, 2);
                else if (at(";|") && zsh()) op(ShParser.SEMI_PIPE, 2);
                else op(ShParser.SEMI, 1);
                continue;
            }
            if (c == '&') {
                if (at("&&")) op(ShParser.AND_IF, 2);
                else if (at("&>>")) redirect("", "&>>", 3);
                else if (at("&>")) redirect("", "&>", 2);
                else if ((at("&|") || at("&!")) && zsh()) op(ShParser.AMP, 2);
                else op(ShParser.AMP, 1);
                continue;
            }
            if (c == '|') {
                if (at("||")) op(ShParser.OR_IF, 2);
                else if (at("|&") && notSh()) op(ShParser.PIPE_AMP, 2);
                else op(ShParser.PIPE, 1);
                continue;
            }
            if (c == '(') {
                if (cmdPos && notSh() && at("((") && forState == 0 && !inCasePattern()) {
                    int end = arithEnd(pos + 2);
                    if (end >= 0) {
                        String expr = src.substring(pos + 2, end);
                        pos = end + 2;
                        emit(ShParser.ARITH_CMD, s, pos, src.substring(s, pos), expr);
                        cmdPos = zsh(); // zsh short forms: `while (( x )) { ... }`
                        continue;
                    }
                }
                if (zsh() && !cmdPos && forState == 0 && !inCasePattern() && !redirTarget && !funcNames
                        && !(lastType() == ShParser.WORD && nextNonBlankIs(')'))) {
                    lexWordToken();
                    continue;
                }
                if (inCasePattern()) {
                    CaseFrame f = cases.peek();
                    if (zsh() && (!f.patternStart || lastType() == ShParser.LPAREN || parenGlobContinues(pos))) {
                        int ws = pos;
                        Word w = scanWord(WordMode.CASE_PATTERN);
                        classifyWord(ws, w);
                        continue;
                    }
                    op(ShParser.LPAREN, 1);
                    continue;
                }
                if (forParenList()) forState = 3;
                parenDepth++;
                op(ShParser.LPAREN, 1);
                continue;
            }
            if (c == ')') {
                if (inCasePattern()) {
                    CaseFrame f = cases.peek();
                    f.pattern = false;
                    op(ShParser.RPAREN, 1);
                    cmdPos = true;
                    continue;
                }
                if (parenDepth == 0 && inSubst) {
                    return pos;
                }
                if (parenDepth > 0) parenDepth--;
                op(ShParser.RPAREN, 1);
                continue;
            }
            if ((c == '<' || c == '>') && peek(1) == '(' && notSh()) {
                lexWordToken();
                continue;
            }
            if (c == '<' && zsh() && numericGlobEnd(pos) > 0) {
                lexWordToken();
                continue;
            }
            if (c == '<' || c == '>') {
                lexRedirect("");
                continue;
            }
            if (c >= '0' && c <= '9') {
                int e = pos;
                while (e < src.length() && Character.isDigit(src.charAt(e))) e++;
                if (e < src.length() && (src.charAt(e) == '<' || src.charAt(e) == '>')
                        && !(e + 1 < src.length() && src.charAt(e + 1) == '(')) {
                    String fd = src.substring(pos, e);
                    pos = e;
                    lexRedirect(fd);
                    continue;
                }
            }
            if (c == '{' && notSh() && !redirTarget) {
                // bash named descriptors: {fd}>file
                int e = pos + 1;
                while (e < src.length() && isNameChar(src.charAt(e))) e++;
                if (e > pos + 1 && e < src.length() && src.charAt(e) == '}' && e + 1 < src.length()
                        && (src.charAt(e + 1) == '<' || src.charAt(e + 1) == '>')) {
                    String fd = src.substring(pos, e + 1);
                    pos = e + 1;
                    lexRedirect(fd);
                    continue;
                }
            }
            lexWordToken();
        }
    }

    private boolean inCasePattern() {
        CaseFrame f = cases.peek();
        return f != null && f.pattern && parenDepth == f.parenDepth;
    }

    private int lastType() {
        return tokens.isEmpty() ? -1 : tokens.get(tokens.size() - 1).getType();
    }

    private boolean nextNonBlankIs(char want) {
        int i = pos + 1;
        while (i < src.length() && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) i++;
        return i < src.length() && src.charAt(i) == want;
    }

    private void skipBlanks() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000b') pos++;
            else if (c == '\\' && peek(1) == '\n') pos += 2;
            else if (c == '\\' && peek(1) == '\r' && peek(2) == '\n') pos += 3;
            else break;
        }
    }

    private void op(int type, int len) {
        int s = pos;
        pos += len;
        emit(type, s, pos, src.substring(s, pos), null);
    }

    private void emit(int type, int start, int end, String text, Object payload) {
        emitKeep(type, start, end, text, payload);
        afterEmit(type);
    }

    /** The 0-based line of an offset; tokens come in order, so the last answer is usually right or close. */
    private int lineOf(int offset) {
        int ln = lastLine;
        if (offset < lines.lineStart(ln)) {
            ln = lines.line(offset);
        } else {
            int last = lines.lineCount() - 1;
            int steps = 0;
            while (ln < last && offset >= lines.lineStart(ln + 1)) {
                if (++steps > 8) {
                    ln = lines.line(offset);
                    break;
                }
                ln++;
            }
        }
        lastLine = ln;
        return ln;
    }

    private void afterEmit(int type) {
        if (type != ShParser.RBRACE) afterRbrace = false;
        switch (type) {
            case ShParser.NEWLINE, ShParser.SEMI, ShParser.AMP -> {
                cmdPos = true;
                declMode = false;
                funcNames = false;
                redirTarget = false;
                if (forState == 2 || forState == 1) forState = 0;
                CaseFrame f = cases.peek();
                if (f != null && f.pattern) f.patternStart = true;
            }
            case ShParser.AND_IF, ShParser.OR_IF, ShParser.PIPE, ShParser.PIPE_AMP, ShParser.LBRACE,
                    ShParser.BANG, ShParser.TIME, ShParser.THEN, ShParser.ELSE, ShParser.ELIF, ShParser.DO,
                    ShParser.IF, ShParser.WHILE, ShParser.UNTIL, ShParser.ALWAYS -> {
                cmdPos = true;
                declMode = false;
                funcNames = false;
            }
            case ShParser.LPAREN -> {
                if (!inCasePattern() && forState != 3) cmdPos = true;
                funcNames = false;
                declMode = false;
            }
            case ShParser.DSEMI, ShParser.SEMI_AMP, ShParser.DSEMI_AMP, ShParser.SEMI_PIPE -> {
                CaseFrame f = cases.peek();
                if (f != null) {
                    f.pattern = true;
                    f.patternStart = true;
                }
                cmdPos = true;
                declMode = false;
            }
            case ShParser.RPAREN -> {
                if (forState == 3) {
                    forState = 0;
                    cmdPos = true;
                } else if (lastTwoAreEmptyParens()) {
                    cmdPos = true; // f() body, or zsh anonymous function
                } else {
                    cmdPos = false;
                }
                funcNames = false;
            }
            case ShParser.RBRACE -> cmdPos = zsh(); // zsh: `} else {`, `} elif ...`
            case ShParser.FI, ShParser.DONE, ShParser.ESAC, ShParser.TEST_EXPR, ShParser.END -> {
                cmdPos = false;
            }
            default -> {
            }
        }
    }

    private boolean lastTwoAreEmptyParens() {
        int n = tokens.size();
        return n >= 2 && tokens.get(n - 1).getType() == ShParser.RPAREN && tokens.get(n - 2).getType() == ShParser.LPAREN;
    }

    // ------------------------------------------------------------------ redirections and here-documents

    private void redirect(String fd, String op, int len) {
        int s = pos;
        pos += len;
        emit(ShParser.REDIR, s, pos, src.substring(s, pos), new String[] {fd, op});
        redirTarget = true;
    }

    private void lexRedirect(String fd) {
        int s = pos - fd.length();
        String op;
        if (at("<<<") && notSh()) op = "<<<";
        else if (at("<<-")) op = "<<-";
        else if (at("<<")) op = "<<";
        else if (at("<>")) op = "<>";
        else if (at("<&")) op = "<&";
        else if (at("<")) op = "<";
        else if (at(">>!") && zsh()) op = ">>!";
        else if (at(">>|") && zsh()) op = ">>|";
        else if (at(">>")) op = ">>";
        else if (at(">&")) op = ">&";
        else if (at(">|")) op = ">|";
        else if (at(">!") && zsh()) op = ">!";
        else op = ">";
        pos += op.length();
        if (op.equals("<<") || op.equals("<<-")) {
            skipBlanks();
            if (eof() || isMeta(src.charAt(pos))) {
                error(s, pos, "the here-document on line " + line(s) + " has no delimiter word after `" + op + "`");
                emit(ShParser.REDIR, s, pos, src.substring(s, pos), new String[] {fd, op});
                redirTarget = true;
                return;
            }
            int ws = pos;
            Word w = scanWord(WordMode.NORMAL);
            String delim = delimiterText(ws, pos);
            boolean quoted = w.hasQuotes();
            ShToken.HereDocHolder h = new ShToken.HereDocHolder(base + s, fd, op, w, delim, quoted);
            pendingHereDocs.add(h);
            emitKeep(ShParser.HEREDOC, s, pos, src.substring(s, pos), h);
            return;
        }
        emit(ShParser.REDIR, s, pos, src.substring(s, pos), new String[] {fd, op});
        redirTarget = true;
    }

    /** Emits without touching command position (a here-document operator and its delimiter). */
    private void emitKeep(int type, int start, int end, String text, Object payload) {
        int offset = base + start;
        int ln = lineOf(offset);
        int col = offset - lines.lineStart(ln);
        ShToken t = new ShToken(type, src, start, offset, base + end - 1, ln + 1, col, payload);
        t.setTokenIndex(tokens.size());
        tokens.add(t);
    }

    /** The delimiter of a here-document: its word with quotes removed (no expansion happens there). */
    private String delimiterText(int start, int end) {
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < end; i++) {
            char c = src.charAt(i);
            if (c == '\'' || c == '"') continue;
            if (c == '\\' && i + 1 < end) {
                sb.append(src.charAt(++i));
                continue;
            }
            if (c == '$' && i + 1 < end && (src.charAt(i + 1) == '\'' || src.charAt(i + 1) == '"')) continue;
            sb.append(c);
        }
        return sb.toString();
    }

    private void readHereDocBodies() {
        if (pendingHereDocs.isEmpty()) return;
        List<ShToken.HereDocHolder> docs = new ArrayList<>(pendingHereDocs);
        pendingHereDocs.clear();
        for (ShToken.HereDocHolder h : docs) {
            h.bodyStart = base + pos;
            int bodyEnd = pos;
            boolean closed = false;
            while (pos < src.length()) {
                int e = src.indexOf('\n', pos);
                int lineEnd = e < 0 ? src.length() : e;
                String ln = src.substring(pos, lineEnd);
                if (ln.endsWith("\r")) ln = ln.substring(0, ln.length() - 1);
                String cmp = h.stripTabs ? stripLeadingTabs(ln) : ln;
                if (inSubst && cmp.startsWith(h.delimiter) && cmp.substring(h.delimiter.length()).trim().startsWith(")")) {
                    // bash: inside $( ), `DELIM)` ends the here-document and the substitution
                    bodyEnd = pos;
                    pos = pos + (ln.length() - cmp.length()) + h.delimiter.length();
                    closed = true;
                    break;
                }
                if (cmp.equals(h.delimiter)) {
                    bodyEnd = pos;
                    pos = e < 0 ? src.length() : e + 1;
                    closed = true;
                    break;
                }
                pos = e < 0 ? src.length() : e + 1;
                bodyEnd = pos;
            }
            h.bodyEnd = base + bodyEnd;
            int startLocal = h.bodyStart - base;
            h.text = src.substring(startLocal, bodyEnd);
            if (!h.quoted) h.body = scanHereDocBody(startLocal, bodyEnd);
            if (!closed && dialect == Dialect.SH && false) {
                error(startLocal, bodyEnd, "here-document is never closed");
            }
        }
    }

    private static String stripLeadingTabs(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '\t') i++;
        return s.substring(i);
    }

    // ------------------------------------------------------------------ words

    enum WordMode { NORMAL, TEST, PATTERN, CASE_PATTERN }

    private void lexWordToken() {
        int s = pos;
        // zsh: `foo()` in command position is a function definition, not a glob qualifier
        Word w = scanWord(WordMode.NORMAL);
        if (pos == s) {
            // nothing consumed: an unexpected character; take it as a one-character word
            pos++;
            w = new Word(span(s, pos), List.of(new WordPart.Literal(span(s, pos), src.substring(s, pos))));
        }
        classifyWord(s, w);
    }

    private void classifyWord(int s, Word w) {
        String lit = plainLiteral(w);
        String text = src.substring(s, pos);
        if (redirTarget) {
            redirTarget = false;
            emitKeep(ShParser.WORD, s, pos, text, w);
            return;
        }
        if (afterRbrace && zsh() && "always".equals(lit)) {
            emit(ShParser.ALWAYS, s, pos, text, w);
            return;
        }
        if (funcNames) {
            if ("{".equals(lit)) {
                funcNames = false;
                braceDepth++;
                emit(ShParser.LBRACE, s, pos, text, w);
                return;
            }
            emitKeep(ShParser.WORD, s, pos, text, w);
            if (!zsh()) funcNames = false;
            cmdPos = true;
            return;
        }
        if (forState == 1) {
            if (forNames > 0 && "in".equals(lit)) {
                forState = 2;
                emitKeep(ShParser.IN, s, pos, text, w);
                cmdPos = false;
                return;
            }
            if (forNames > 0 && "do".equals(lit)) {
                forState = 0;
                emit(ShParser.DO, s, pos, text, w);
                return;
            }
            if (forNames > 0 && "{".equals(lit) && zsh()) {
                forState = 0;
                braceDepth++;
                emit(ShParser.LBRACE, s, pos, text, w);
                return;
            }
            forNames++;
            emitKeep(ShParser.WORD, s, pos, text, w);
            return;
        }
        if (forState == 2 || forState == 3) {
            emitKeep(ShParser.WORD, s, pos, text, w);
            return;
        }
        if (caseState == 1) {
            caseState = 2;
            emitKeep(ShParser.WORD, s, pos, text, w);
            return;
        }
        if (caseState == 2) {
            if ("{".equals(lit) && zsh()) {
                caseState = 0;
                CaseFrame f = new CaseFrame(parenDepth);
                f.brace = true;
                cases.push(f);
                emitKeep(ShParser.LBRACE, s, pos, text, w);
                cmdPos = false;
                return;
            }
            if ("in".equals(lit)) {
                caseState = 0;
                cases.push(new CaseFrame(parenDepth));
                emitKeep(ShParser.IN, s, pos, text, w);
                cmdPos = false;
                return;
            }
            caseState = 0;
        }
        if (inCasePattern()) {
            CaseFrame f = cases.peek();
            if (f.patternStart && !f.brace && "esac".equals(lit)) {
                cases.pop();
                emit(ShParser.ESAC, s, pos, text, w);
                return;
            }
            if (f.patternStart && f.brace && "}".equals(lit)) {
                cases.pop();
                emit(ShParser.RBRACE, s, pos, text, w);
                return;
            }
            f.patternStart = false;
            emitKeep(ShParser.WORD, s, pos, text, w);
            return;
        }
        if (cmdPos) {
            if (lit != null && isKeyword(lit)) {
                keyword(s, lit, text, w);
                return;
            }
            Node.Assignment a = assignment(w, s);
            if (a != null) {
                emitKeep(ShParser.ASSIGNMENT_WORD, s, pos, src.substring(s, pos), new ShToken.AssignTok(a, w));
                return;
            }
            if (lit != null && DECL_BUILTINS.contains(lit)) declMode = true;
            emit(ShParser.WORD, s, pos, text, w);
            cmdPos = false;
            return;
        }
        if (declMode) {
            Node.Assignment a = assignment(w, s);
            if (a != null) {
                emitKeep(ShParser.ASSIGNMENT_WORD, s, pos, src.substring(s, pos), new ShToken.AssignTok(a, w));
                return;
            }
        }
        if (zsh() && "}".equals(lit) && braceDepth > 0) {
            closeIfsAtBrace(s);
            braceDepth--;
            emit(ShParser.RBRACE, s, pos, text, w);
            afterRbrace = true;
            return;
        }
        emitKeep(ShParser.WORD, s, pos, text, w);
    }

    private boolean afterSeparator() {
        int t = lastType();
        return t == ShParser.NEWLINE || t == ShParser.SEMI || t == ShParser.AMP || t == ShParser.AND_IF
                || t == ShParser.OR_IF || t == ShParser.PIPE || t == ShParser.PIPE_AMP || t == ShParser.IF
                || t == ShParser.ELIF || t == -1;
    }

    /**
     * A `}` closing a brace opened before an `if` whose condition is still open: zsh ends the `if`
     * there (its condition runs, there is no body). The lexer supplies the missing `then` and `fi`.
     */
    private void closeIfsAtBrace(int at) {
        while (!ifs.isEmpty() && ifs.peek()[0] >= braceDepth) {
            int[] f = ifs.pop();
            if (f[1] == 0 && zsh()) {
                emitKeep(ShParser.THEN, at, at, "", null);
                emitKeep(ShParser.FI, at, at, "", null);
            }
        }
    }

    private boolean isKeyword(String lit) {
        if (COMMON_KEYWORDS.contains(lit)) return true;
        if (notSh() && BASH_ZSH_KEYWORDS.contains(lit)) return true;
        if (dialect == Dialect.BASH && lit.equals("coproc")) return true;
        if (zsh() && (lit.equals("repeat") || lit.equals("foreach"))) return true;
        return zsh() && lit.equals("end") && foreachDepth > 0;
    }

    private void keyword(int s, String lit, String text, Word w) {
        switch (lit) {
            case "if" -> {
                ifs.push(new int[] {braceDepth, 0});
                emit(ShParser.IF, s, pos, text, w);
            }
            case "then" -> {
                if (!ifs.isEmpty() && ifs.peek()[1] == 0) ifs.peek()[1] = 1;
                emit(ShParser.THEN, s, pos, text, w);
            }
            case "else" -> emit(ShParser.ELSE, s, pos, text, w);
            case "elif" -> emit(ShParser.ELIF, s, pos, text, w);
            case "fi" -> {
                while (!ifs.isEmpty() && ifs.peek()[1] == 2) ifs.pop();
                if (!ifs.isEmpty()) ifs.pop();
                emit(ShParser.FI, s, pos, text, w);
            }
            case "do" -> emit(ShParser.DO, s, pos, text, w);
            case "done" -> emit(ShParser.DONE, s, pos, text, w);
            case "while" -> emit(ShParser.WHILE, s, pos, text, w);
            case "until" -> emit(ShParser.UNTIL, s, pos, text, w);
            case "!" -> emit(ShParser.BANG, s, pos, text, w);
            case "time" -> emit(ShParser.TIME, s, pos, text, w);
            case "coproc" -> emit(ShParser.COPROC, s, pos, text, w);
            case "end" -> {
                foreachDepth--;
                emit(ShParser.END, s, pos, text, w);
            }
            case "{" -> {
                if (zsh() && !ifs.isEmpty() && ifs.peek()[1] == 0 && ifs.peek()[0] == braceDepth && !afterSeparator()) {
                    ifs.peek()[1] = 2; // zsh: `if [[ ... ]] { ... }`
                }
                braceDepth++;
                emit(ShParser.LBRACE, s, pos, text, w);
            }
            case "}" -> {
                CaseFrame cf = cases.peek();
                if (cf != null && cf.brace && !cf.pattern && parenDepth == cf.parenDepth) {
                    cases.pop();
                    emit(ShParser.RBRACE, s, pos, text, w);
                    return;
                }
                closeIfsAtBrace(s);
                if (braceDepth > 0) braceDepth--;
                emit(ShParser.RBRACE, s, pos, text, w);
                afterRbrace = true;
            }
            case "case" -> {
                emit(ShParser.CASE, s, pos, text, w);
                caseState = 1;
                cmdPos = false;
            }
            case "esac" -> {
                if (!cases.isEmpty()) cases.pop();
                emit(ShParser.ESAC, s, pos, text, w);
            }
            case "for", "select", "foreach" -> {
                int type = lit.equals("for") ? ShParser.FOR : lit.equals("select") ? ShParser.SELECT : ShParser.FOREACH;
                if (lit.equals("foreach")) foreachDepth++;
                skipBlanks();
                if (type == ShParser.FOR && notSh() && at("((")) {
                    int end = arithEnd(pos + 2);
                    if (end >= 0) {
                        int as = pos;
                        pos = end + 2;
                        emit(ShParser.ARITH_FOR, s, pos, src.substring(s, pos), src.substring(as + 2, end));
                        cmdPos = true; // `do` or `{` follows
                        return;
                    }
                }
                emit(type, s, s + lit.length(), lit, w);
                cmdPos = false;
                forState = 1;
                forNames = 0;
            }
            case "function" -> {
                emit(ShParser.FUNCTION, s, pos, text, w);
                funcNames = true;
                cmdPos = false;
            }
            case "[[" -> lexTest(s);
            case "repeat" -> {
                emit(ShParser.REPEAT, s, pos, text, w);
                cmdPos = false;
                redirTarget = false;
                // the count is an ordinary word; the body follows in command position
                skipBlanks();
                int ws = pos;
                Word count = scanWord(WordMode.NORMAL);
                emitKeep(ShParser.WORD, ws, pos, src.substring(ws, pos), count);
                cmdPos = true;
            }
            default -> emit(ShParser.WORD, s, pos, text, w);
        }
    }

    /** zsh: in a for header, `(` opens the word list of the short form. */
    private boolean forParenList() {
        return forState == 1 && forNames > 0 && zsh();
    }

    private static String plainLiteral(Word w) {
        if (w.parts().size() == 1 && w.parts().get(0) instanceof WordPart.Literal l) return l.text();
        return null;
    }

    /** Recognises NAME=, NAME+=, NAME[index]= at the start of a word; reads an array value when `(` follows. */
    private Node.Assignment assignment(Word w, int s) {
        if (w.parts().isEmpty() || !(w.parts().get(0) instanceof WordPart.Literal first)) return null;
        String t = first.text();
        int i = 0;
        if (t.isEmpty() || !(Character.isLetter(t.charAt(0)) || t.charAt(0) == '_') || t.charAt(0) > 127) return null;
        while (i < t.length() && isNameChar(t.charAt(i))) i++;
        String name = t.substring(0, i);
        String index = null;
        int nameEndAbs = first.span().start() + i;
        if (i < t.length() && t.charAt(i) == '[') {
            // the subscript may span several parts ($k, quotes); find `]=` in the raw source
            int rawStart = first.span().start() - base + i;
            int close = matchBracket(rawStart);
            if (close < 0 || close + 1 >= pos + 0 && close + 1 > pos) return null;
            index = src.substring(rawStart + 1, close);
            int after = close + 1;
            boolean append = after < src.length() && src.charAt(after) == '+';
            int eq = append ? after + 1 : after;
            if (eq >= src.length() || src.charAt(eq) != '=' || eq >= pos) return null;
            Word value = subWord(w, eq + 1);
            return finishAssignment(s, name, Span.of(first.span().start(), nameEndAbs), index, append, value);
        }
        boolean append = false;
        if (i < t.length() && t.charAt(i) == '+' && i + 1 < t.length() && t.charAt(i + 1) == '=') {
            append = true;
            i++;
        }
        if (i >= t.length() || t.charAt(i) != '=') return null;
        int eqAbs = first.span().start() + i;
        Word value = subWord(w, eqAbs - base + 1);
        return finishAssignment(s, name, Span.of(first.span().start(), nameEndAbs), null, append, value);
    }

    private Node.Assignment finishAssignment(int s, String name, Span nameSpan, String index, boolean append, Word value) {
        if (value.parts().isEmpty() && pos < src.length() && src.charAt(pos) == '(' && notSh()) {
            // array assignment: a=(x y)
            pos++;
            List<Word> items = new ArrayList<>();
            while (true) {
                skipArrayBlanks();
                if (eof()) {
                    error(s, pos, "the array `" + name + "=(` opened on line " + line(s) + " is never closed with `)`");
                    break;
                }
                char c = src.charAt(pos);
                if (c == ')') {
                    pos++;
                    break;
                }
                if (c == '#') {
                    int e = src.indexOf('\n', pos);
                    if (e < 0) e = src.length();
                    comments.add(new Comment(span(pos, e), src.substring(pos + 1, e)));
                    pos = e;
                    continue;
                }
                int ws = pos;
                Word item = scanWord(zsh() ? WordMode.PATTERN : WordMode.NORMAL);
                if (pos == ws) {
                    error(pos, pos + 1, "unexpected `" + c + "` inside the array `" + name + "=(...)` on line " + line(pos));
                    pos++;
                    continue;
                }
                items.add(item);
            }
            return new Node.Assignment(span(s, pos), name, nameSpan, index, append, null, items);
        }
        return new Node.Assignment(span(s, pos), name, nameSpan, index, append, value, null);
    }

    private void skipArrayBlanks() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') pos++;
            else if (c == '\\' && peek(1) == '\n') pos += 2;
            else break;
        }
    }

    /** The part of word {@code w} that starts at local offset {@code from} (inside its first literal). */
    private Word subWord(Word w, int from) {
        int abs = base + from;
        List<WordPart> parts = new ArrayList<>();
        for (WordPart p : w.parts()) {
            if (p.span().end() <= abs) continue;
            if (p.span().start() < abs && p instanceof WordPart.Literal l) {
                String rest = l.text().substring(abs - l.span().start());
                if (!rest.isEmpty()) parts.add(new WordPart.Literal(Span.of(abs, l.span().end()), rest));
                continue;
            }
            parts.add(p);
        }
        return new Word(Span.of(abs, w.span().end()), parts);
    }

    private int matchBracket(int open) {
        int d = 0;
        for (int i = open; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '[') d++;
            else if (c == ']') {
                d--;
                if (d == 0) return i;
            } else if (c == '\n' || c == ' ' || c == '\t') return -1;
        }
        return -1;
    }

    static boolean isNameChar(char c) {
        return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
    }

    private static boolean isMeta(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>'
                || c == '(' || c == ')' || c == '\r';
    }

    /**
     * Scans one word at {@code pos}. In TEST mode (inside {@code [[ ]]}) and PATTERN mode, parentheses
     * and {@code |} may be part of the word; PATTERN also keeps blanks inside parentheses out.
     */
    Word scanWord(WordMode mode) {
        int s = pos;
        Parts b = new Parts(pos);
        int parens = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (quoteOrExpansion(c, b)) continue;
            if (c == '<' && zsh() && numericGlobEnd(pos) > 0) {
                int e = numericGlobEnd(pos);
                b.lit.append(src, pos, e);
                pos = e;
                continue;
            }
            if ((c == '<' || c == '>') && peek(1) == '(' && notSh() && parens == 0) {
                b.add(processSubst(c));
                continue;
            }
            if (c == '=' && peek(1) == '(' && zsh() && pos == s) {
                b.add(processSubst('='));
                continue;
            }
            if (c == '(') {
                boolean join;
                if (parens > 0) join = true;
                else if (mode == WordMode.PATTERN || mode == WordMode.CASE_PATTERN) join = true;
                else if (mode == WordMode.TEST) join = pos > s;
                else if (zsh()) join = pos > s ? !endsWithAssignmentPrefix(b.lit, b.list) && !((cmdPos || funcNames) && nextNonBlankIs(')') && b.list.isEmpty())
                        : !cmdPos && forState == 0 && !inCasePattern();
                else join = pos > s && isExtglobChar(src.charAt(pos - 1)) && !endsWithAssignmentPrefix(b.lit, b.list);
                if (!join) break;
                parens++;
                b.lit.append(c);
                pos++;
                continue;
            }
            if (c == ')') {
                if (parens == 0) break;
                parens--;
                b.lit.append(c);
                pos++;
                continue;
            }
            if (parens > 0 && (c == '|' || c == '<' || c == '>'
                    || mode == WordMode.PATTERN && (c == ' ' || c == '\t'))) {
                b.lit.append(c);
                pos++;
                continue;
            }
            if (mode == WordMode.PATTERN && (c == '|' && peek(1) != '|' || c == '<' || c == '>')) {
                b.lit.append(c);
                pos++;
                continue;
            }
            if (isMeta(c)) {
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') break;
                if (parens == 0) break;
            }
            b.lit.append(c);
            pos++;
        }
        if (parens > 0) {
            error(s, pos, "the `(` in the word on line " + line(s) + " is never closed with `)`");
        }
        b.flush(pos);
        return new Word(span(s, pos), b.list);
    }

    /** zsh: whether the parenthesis at {@code at} is a glob group continued by more pattern, as in {@code (a|b)*)}. */
    private boolean parenGlobContinues(int at) {
        int m = rawParenEnd(at + 1);
        if (m < 0 || m + 1 >= src.length()) return false;
        char n = src.charAt(m + 1);
        return !(n == ' ' || n == '\t' || n == '\n' || n == '\r' || n == ')' || n == ';' || n == '|');
    }

    /** zsh numeric glob {@code <->}, {@code <1-10>}: the offset after it, or -1. */
    private int numericGlobEnd(int at) {
        int i = at + 1;
        while (i < src.length() && Character.isDigit(src.charAt(i))) i++;
        if (i >= src.length() || src.charAt(i) != '-') return -1;
        i++;
        while (i < src.length() && Character.isDigit(src.charAt(i))) i++;
        if (i >= src.length() || src.charAt(i) != '>') return -1;
        return i + 1;
    }

    /** The parts of a word being read: finished parts, and the literal text since the last one. */
    private final class Parts {
        final List<WordPart> list = new ArrayList<>(2);
        final StringBuilder lit = new StringBuilder();
        int litStart;

        Parts(int start) {
            litStart = start;
        }

        /** Ends the pending literal at local offset {@code end}. */
        void flush(int end) {
            ShLexer.this.flush(list, lit, litStart, end);
        }

        /** Adds a part that has just been read (pos is past it). */
        void add(WordPart p) {
            flush(p.span().start() - base);
            list.add(p);
            litStart = pos;
        }
    }

    /**
     * Reads a backslash escape, a quoted part or an expansion at {@code pos} into {@code b}; false when
     * {@code c} starts none of them. A `$` that starts no expansion is literal.
     */
    private boolean quoteOrExpansion(char c, Parts b) {
        switch (c) {
            case '\\' -> {
                if (peek(1) == '\n') {
                    pos += 2; // line continuation
                } else if (pos + 1 >= src.length()) {
                    b.lit.append('\\');
                    pos++;
                } else {
                    int es = pos;
                    pos += 2;
                    b.add(new WordPart.Escaped(span(es, pos), String.valueOf(src.charAt(es + 1))));
                }
                return true;
            }
            case '\'' -> b.add(singleQuoted());
            case '"' -> b.add(doubleQuoted(false));
            case '`' -> b.add(backtick());
            case '$' -> {
                WordPart p = dollar();
                if (p != null) {
                    b.add(p);
                } else {
                    b.lit.append('$');
                    pos++;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean isExtglobChar(char c) {
        return c == '@' || c == '!' || c == '+' || c == '*' || c == '?';
    }

    private boolean endsWithAssignmentPrefix(StringBuilder lit, List<WordPart> parts) {
        if (!parts.isEmpty() || lit.length() < 2 || lit.charAt(lit.length() - 1) != '=') return false;
        String t = lit.toString();
        if (!t.endsWith("=")) return false;
        String name = t.substring(0, t.length() - 1);
        if (name.endsWith("+")) name = name.substring(0, name.length() - 1);
        int b = name.indexOf('[');
        if (b > 0 && name.endsWith("]")) name = name.substring(0, b);
        return TreeWalk.isName(name);
    }

    private void flush(List<WordPart> parts, StringBuilder lit, int litStart, int end) {
        if (lit.length() > 0) {
            parts.add(new WordPart.Literal(span(litStart, end), lit.toString()));
            lit.setLength(0);
        }
    }


    private WordPart singleQuoted() {
        int s = pos;
        int e = src.indexOf('\'', pos + 1);
        if (e < 0) {
            error(s, src.length(), "the `'` quote opened on line " + line(s) + " is never closed");
            pos = src.length();
            return new WordPart.SingleQuoted(span(s, pos), src.substring(s + 1));
        }
        pos = e + 1;
        return new WordPart.SingleQuoted(span(s, pos), src.substring(s + 1, e));
    }

    private WordPart doubleQuoted(boolean localized) {
        if (++exprDepth > MAX_EXPR_DEPTH) {
            exprDepth--;
            int s = localized ? pos - 1 : pos;
            int e = skipQuoted(pos);
            error(s, s + 1, "quotes and expansions nested deeper than " + MAX_EXPR_DEPTH + " levels on line " + line(s) + ": not analysed");
            pos = e < 0 ? src.length() : e + 1;
            return new WordPart.DoubleQuoted(span(s, pos), List.of(), localized);
        }
        try {
            return doubleQuotedBody(localized);
        } finally {
            exprDepth--;
        }
    }

    private WordPart doubleQuotedBody(boolean localized) {
        int s = localized ? pos - 1 : pos;
        pos++;
        List<WordPart> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int litStart = pos;
        while (true) {
            if (pos >= src.length()) {
                error(s, src.length(), "the `\"` quote opened on line " + line(s) + " is never closed");
                break;
            }
            char c = src.charAt(pos);
            if (c == '"') {
                flush(parts, lit, litStart, pos);
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char n = src.charAt(pos + 1);
                if (n == '\n') {
                    pos += 2;
                    continue;
                }
                if (n == '$' || n == '`' || n == '"' || n == '\\') {
                    lit.append(n);
                    pos += 2;
                    continue;
                }
                lit.append(c);
                pos++;
                continue;
            }
            if (c == '`') {
                flush(parts, lit, litStart, pos);
                parts.add(backtick());
                litStart = pos;
                continue;
            }
            if (c == '$') {
                int ds = pos;
                WordPart p = dollarInQuotes();
                if (p != null) {
                    flush(parts, lit, litStart, ds);
                    parts.add(p);
                    litStart = pos;
                } else {
                    lit.append('$');
                    pos++;
                }
                continue;
            }
            lit.append(c);
            pos++;
        }
        return new WordPart.DoubleQuoted(span(s, pos), parts, localized);
    }

    /** `$` inside double quotes: no `$'...'` or `$"..."` forms there. */
    private WordPart dollarInQuotes() {
        char n = peek(1);
        if (n == '\'' || n == '"') return null;
        return dollar();
    }

    private Word scanHereDocBody(int start, int end) {
        int save = pos;
        pos = start;
        List<WordPart> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int litStart = pos;
        while (pos < end) {
            char c = src.charAt(pos);
            if (c == '\\' && pos + 1 < end) {
                char n = src.charAt(pos + 1);
                if (n == '$' || n == '`' || n == '\\') {
                    lit.append(n);
                    pos += 2;
                    continue;
                }
                if (n == '\n') {
                    pos += 2;
                    continue;
                }
            }
            if (c == '`') {
                flush(parts, lit, litStart, pos);
                parts.add(backtick());
                litStart = pos;
                continue;
            }
            if (c == '$' && peek(1) != '\'' && peek(1) != '"') {
                int ds = pos;
                WordPart p = dollar();
                if (p != null) {
                    flush(parts, lit, litStart, ds);
                    parts.add(p);
                    litStart = pos;
                    continue;
                }
            }
            lit.append(c);
            pos++;
        }
        flush(parts, lit, litStart, Math.min(pos, end));
        pos = save;
        return new Word(span(start, end), parts);
    }

    // ------------------------------------------------------------------ expansions

    /** Reads an expansion starting with `$`, or returns null (and leaves pos) when the `$` is literal. */
    private WordPart dollar() {
        int s = pos;
        char n = peek(1);
        if (n == '\'' && notSh()) {
            pos++;
            return ansiC(s);
        }
        if (n == '"' && notSh()) {
            pos++;
            return doubleQuoted(true);
        }
        if (n == '{') return braceParam(s);
        if (n == '(') {
            if (peek(2) == '(') {
                int end = arithEnd(pos + 3);
                if (end >= 0) {
                    pos = end + 2;
                    return new WordPart.Arith(span(s, pos), src.substring(s + 3, end));
                }
            }
            return commandSubst(s);
        }
        if (n == '[' && notSh()) {
            int e = matchClose(pos + 2, '[', ']');
            if (e >= 0) {
                pos = e + 1;
                return new WordPart.Arith(span(s, pos), src.substring(s + 2, e));
            }
        }
        if (zsh() && (n == '+' || n == '#' || n == '=' || n == '~' || n == '^') && pos + 2 < src.length()
                && (Character.isLetter(src.charAt(pos + 2)) || src.charAt(pos + 2) == '_')) {
            int e = pos + 2;
            while (e < src.length() && isNameChar(src.charAt(e))) e++;
            String name = src.substring(pos + 2, e);
            pos = e;
            String index = zshSubscript();
            boolean plus = n == '+' || n == '#';
            return new WordPart.Param(span(s, pos), name, false, plus ? String.valueOf(n) : "",
                    plus ? "" : String.valueOf(n), index, null, null, null, null, !plus);
        }
        if (Character.isLetter(n) && n < 128 || n == '_') {
            int e = pos + 1;
            while (e < src.length() && isNameChar(src.charAt(e))) e++;
            String name = src.substring(pos + 1, e);
            pos = e;
            String index = zsh() ? zshSubscript() : null;
            if (index != null) {
                return new WordPart.Param(span(s, pos), name, false, "", "", index, null, null, null, null, false);
            }
            return WordPart.Param.simple(span(s, pos), name);
        }
        if (Character.isDigit(n)) {
            int e = pos + 2;
            pos = e;
            return WordPart.Param.simple(span(s, pos), String.valueOf(n));
        }
        if ("@*#?-$!0_".indexOf(n) >= 0 && n != '\0') {
            pos += 2;
            return WordPart.Param.simple(span(s, pos), String.valueOf(n));
        }
        return null;
    }

    private String zshSubscript() {
        if (pos < src.length() && src.charAt(pos) == '[') {
            int e = matchClose(pos + 1, '[', ']');
            if (e >= 0) {
                String idx = src.substring(pos + 1, e);
                pos = e + 1;
                return idx;
            }
        }
        return null;
    }

    private WordPart ansiC(int s) {
        // pos at the opening quote
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                error(s, src.length(), "the `$'` quote opened on line " + line(s) + " is never closed");
                break;
            }
            char c = src.charAt(pos);
            if (c == '\'') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char e = src.charAt(pos + 1);
                pos += 2;
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'a' -> sb.append('\u0007');
                    case 'b' -> sb.append('\b');
                    case 'e', 'E' -> sb.append('\u001b');
                    case 'f' -> sb.append('\f');
                    case 'v' -> sb.append('\u000b');
                    case '\\' -> sb.append('\\');
                    case '\'' -> sb.append('\'');
                    case '"' -> sb.append('"');
                    case '?' -> sb.append('?');
                    case 'x' -> {
                        int v = 0, k = 0;
                        while (k < 2 && pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) {
                            v = v * 16 + Character.digit(src.charAt(pos), 16);
                            pos++;
                            k++;
                        }
                        if (k == 0) sb.append("\\x");
                        else sb.append((char) v);
                    }
                    case 'u', 'U' -> {
                        int max = e == 'u' ? 4 : 8;
                        int v = 0, k = 0;
                        while (k < max && pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) {
                            v = v * 16 + Character.digit(src.charAt(pos), 16);
                            pos++;
                            k++;
                        }
                        if (k == 0) sb.append('\\').append(e);
                        else if (Character.isValidCodePoint(v)) sb.appendCodePoint(v);
                    }
                    case 'c' -> {
                        if (pos < src.length()) {
                            sb.append((char) (src.charAt(pos) & 0x1f));
                            pos++;
                        }
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int v = e - '0', k = 1;
                            while (k < 3 && pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7') {
                                v = v * 8 + (src.charAt(pos) - '0');
                                pos++;
                                k++;
                            }
                            sb.append((char) (v & 0xff));
                        } else {
                            sb.append('\\').append(e);
                        }
                    }
                }
                continue;
            }
            sb.append(c);
            pos++;
        }
        return new WordPart.AnsiCQuoted(span(s, pos), sb.toString());
    }

    /** Finds the `))` closing an arithmetic expression starting at {@code from}; -1 when it is not arithmetic. */
    private int arithEnd(int from) {
        int e = rawParenEnd(from);
        return e >= 0 && e + 1 < src.length() && src.charAt(e + 1) == ')' ? e : -1;
    }

    /** Given a quote char at {@code i}, the index of its closing quote, or -1. */
    private int skipQuoted(int i) {
        char q = src.charAt(i);
        for (int j = i + 1; j < src.length(); j++) {
            char c = src.charAt(j);
            if (c == '\\' && q != '\'') {
                j++;
                continue;
            }
            if (c == q) return j;
        }
        return -1;
    }

    /** Index of the {@code close} matching an already-open {@code open}, scanning from {@code from}; quote-aware. */
    private int matchClose(int from, char open, char close) {
        int d = 0;
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '\'' && open != '[') {
                int e = skipQuoted(i);
                if (e < 0) return -1;
                i = e;
                continue;
            }
            if (c == '"' || c == '`') {
                int e = skipQuoted(i);
                if (e < 0) return -1;
                i = e;
                continue;
            }
            if (c == open) d++;
            else if (c == close) {
                if (d == 0) return i;
                d--;
            }
        }
        return -1;
    }

    private WordPart commandSubst(int s) {
        // pos at `$`
        List<Node.Statement> body = substitutionBody(s, "$(");
        return new WordPart.CommandSubst(span(s, pos), body, false);
    }

    private WordPart processSubst(char dir) {
        int s = pos;
        List<Node.Statement> body = substitutionBody(s, dir + "(");
        return new WordPart.ProcessSubst(span(s, pos), dir, body);
    }

    /**
     * Lexes and parses the program of a substitution opened by the two characters {@code opener} at
     * {@code s}, leaving pos after its closing parenthesis. Past the nesting limit the body is skipped.
     */
    private List<Node.Statement> substitutionBody(int s, String opener) {
        int bodyStart = s + 2;
        if (depth >= MAX_SUBST_DEPTH) {
            int e = rawParenEnd(bodyStart);
            error(s, Math.min(bodyStart, src.length()), "substitutions nested deeper than " + MAX_SUBST_DEPTH
                    + " levels on line " + line(s) + ": the contents of this `" + opener + "` are not analysed");
            pos = e < 0 ? src.length() : e + 1;
            return List.of();
        }
        ShLexer sub = new ShLexer(src, base, dialect, depth + 1, lines, errors, comments, subParser);
        int end = sub.lexAllForSubst(bodyStart);
        List<Node.Statement> body = subParser.parse(sub.tokens, sub);
        if (end >= src.length()) {
            error(s, src.length(), "the `" + opener + "` opened on line " + line(s) + " is never closed with `)`");
            pos = src.length();
        } else {
            pos = end + 1;
        }
        return body;
    }

    /** Lexes a substitution body; the token list ends with EOF at the closing paren. */
    int lexAllForSubst(int start) {
        int end = lexAll(start, true);
        if (end < src.length()) {
            // lexAll returned at `)` without emitting EOF
            emitKeep(org.antlr.v4.runtime.Token.EOF, end, end, "<EOF>", null);
        }
        if (!pendingHereDocs.isEmpty()) pendingHereDocs.clear();
        return end;
    }

    /** Without lexing: the offset of the `)` that closes a parenthesis opened before {@code from} (quotes and `${...}` skipped). */
    private int rawParenEnd(int from) {
        int d = 0;
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                int e = skipQuoted(i);
                if (e < 0) return -1;
                i = e;
                continue;
            }
            if (c == '$' && i + 1 < src.length() && src.charAt(i + 1) == '{') {
                int e = matchClose(i + 2, '{', '}');
                if (e < 0) return -1;
                i = e;
                continue;
            }
            if (c == '(') d++;
            else if (c == ')') {
                if (d == 0) return i;
                d--;
            }
        }
        return -1;
    }


    private WordPart backtick() {
        int s = pos;
        StringBuilder inner = new StringBuilder();
        int i = pos + 1;
        boolean closed = false;
        for (; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\' && i + 1 < src.length()) {
                char n = src.charAt(i + 1);
                if (n == '`' || n == '\\' || n == '$') {
                    inner.append(n);
                    i++;
                    continue;
                }
                inner.append(c);
                continue;
            }
            if (c == '`') {
                closed = true;
                break;
            }
            inner.append(c);
        }
        if (!closed) {
            error(s, src.length(), "the backquote opened on line " + line(s) + " is never closed");
            pos = src.length();
        } else {
            pos = i + 1;
        }
        List<Node.Statement> body = List.of();
        if (depth < MAX_SUBST_DEPTH) {
            // the unescaped text is lexed with offsets shifted onto the original (exact when nothing was unescaped)
            ShLexer sub = new ShLexer(inner.toString(), base + s + 1, dialect, depth + 1, lines, errors, comments, subParser);
            sub.lexAll(0, false);
            body = subParser.parse(sub.tokens, sub);
        }
        return new WordPart.CommandSubst(span(s, pos), body, true);
    }

    private WordPart braceParam(int s) {
        // pos at `$`, `{` follows
        if (++exprDepth > MAX_EXPR_DEPTH) {
            exprDepth--;
            int e = matchClose(s + 2, '{', '}');
            error(s, s + 2, "expansions nested deeper than " + MAX_EXPR_DEPTH + " levels on line " + line(s) + ": not analysed");
            pos = e < 0 ? src.length() : e + 1;
            return new WordPart.Param(span(s, pos), "", true, "", "", null, null, null, null, null, true);
        }
        try {
            return braceParamBody(s);
        } finally {
            exprDepth--;
        }
    }

    private WordPart braceParamBody(int s) {
        pos += 2;
        String zshFlags = "";
        String prefix = "";
        boolean complex = false;
        if (zsh() && peek(0) == '(') {
            int e = matchClose(pos + 1, '(', ')');
            if (e < 0) {
                return unclosedParam(s);
            }
            zshFlags = src.substring(pos, e + 1);
            pos = e + 1;
        }
        if (zsh()) {
            StringBuilder mods = new StringBuilder();
            while (pos < src.length() && (peek(0) == '^' || peek(0) == '=' || peek(0) == '~')) {
                mods.append(peek(0));
                pos++;
            }
            if (mods.length() > 0) zshFlags = zshFlags + mods;
        }
        char c = peek(0);
        char n = peek(1);
        if (c == '#' && n != '}' && (isNameChar(n) || n == '@' || n == '*' || n == '$' || n == '{' || n == '!' || n == '?' || n == '-')
                && !(n == '#' || n == '%') ) {
            prefix = "#";
            pos++;
        } else if (c == '!' && zsh() && (Character.isLetter(n) || n == '_')) {
            error(s, pos + 1, "`${!...}` is not zsh syntax (zsh: bad substitution); use `${(P)name}` for indirection");
            complex = true;
            pos++;
        } else if (c == '!' && n != '}' && (isNameChar(n) || n == '@' || n == '*' || n == '#' || n == '$' || n == '?' || n == '-')) {
            prefix = "!";
            pos++;
        } else if (c == '+' && zsh() && n != '}') {
            prefix = "+";
            pos++;
        }
        String name;
        WordPart nested = null;
        c = peek(0);
        if (c == '$' && zsh() || c == '"' && zsh()) {
            nested = c == '$' ? dollar() : doubleQuoted(false);
            if (nested == null) {
                pos++;
                complex = true;
            }
            name = "";
        } else if (Character.isLetter(c) && c < 128 || c == '_') {
            int e = pos;
            while (e < src.length() && isNameChar(src.charAt(e))) e++;
            name = src.substring(pos, e);
            pos = e;
        } else if (Character.isDigit(c)) {
            int e = pos;
            while (e < src.length() && Character.isDigit(src.charAt(e))) e++;
            name = src.substring(pos, e);
            pos = e;
        } else if (c != '\0' && "@*#?-$!0_".indexOf(c) >= 0) {
            name = String.valueOf(c);
            pos++;
        } else {
            name = "";
            complex = true;
        }
        String index = null;
        if (peek(0) == '[') {
            int e = matchClose(pos + 1, '[', ']');
            if (e < 0) return unclosedParam(s);
            index = src.substring(pos + 1, e);
            pos = e + 1;
        }
        String op = null;
        Word arg = null;
        Word arg2 = null;
        if (peek(0) == '}') {
            pos++;
            return new WordPart.Param(span(s, pos), name, true, prefix, zshFlags, index, null, null, null, nested,
                    complex || !zshFlags.isEmpty());
        }
        String[] ops = {":-", ":=", ":+", ":?", "##", "%%", "//", "/#", "/%", "^^", ",,", "-", "=", "+", "?", "#", "%", "/", "^", ",", "@", ":"};
        for (String o : ops) {
            if (at(o)) {
                op = o;
                break;
            }
        }
        if (op == null) {
            // something envreach does not model (zsh modifiers and the like): skip to the closing brace
            op = "";
            complex = true;
        } else {
            pos += op.length();
        }
        if (op.equals(":") && zsh() && Character.isLetter(peek(0))) complex = true;
        if (op.startsWith("/")) {
            arg = scanParamWord(true);
            if (peek(0) == '/') {
                pos++;
                arg2 = scanParamWord(false);
            }
        } else if (op.equals(":") && !complex) {
            arg = scanParamWord(false, ':');
            if (peek(0) == ':') {
                pos++;
                arg2 = scanParamWord(false);
            }
        } else {
            arg = scanParamWord(false);
        }
        if (peek(0) != '}') {
            return unclosedParam(s);
        }
        pos++;
        if (op.equals("@") || op.startsWith("^") || op.startsWith(",") || op.equals(":")) complex = true;
        return new WordPart.Param(span(s, pos), name, true, prefix, zshFlags, index, op, arg, arg2, nested,
                complex || !zshFlags.isEmpty());
    }

    private WordPart unclosedParam(int s) {
        int e = matchClose(s + 2, '{', '}');
        if (e < 0) {
            error(s, src.length(), "the `${` opened on line " + line(s) + " is never closed with `}`");
            pos = src.length();
        } else {
            pos = e + 1;
        }
        return new WordPart.Param(span(s, pos), "", true, "", "", null, null, null, null, null, true);
    }

    private Word scanParamWord(boolean stopAtSlash) {
        return scanParamWord(stopAtSlash, '\0');
    }

    /** The word inside {@code ${x op word}}: quotes and expansions, up to the unmatched `}`. */
    private Word scanParamWord(boolean stopAtSlash, char stopAt) {
        int s = pos;
        Parts b = new Parts(pos);
        int braces = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '}' && braces == 0) break;
            if (stopAtSlash && c == '/' && braces == 0 && pos > s) break;
            if (stopAt != '\0' && c == stopAt && braces == 0) break;
            if (quoteOrExpansion(c, b)) continue;
            if (c == '{') braces++;
            if (c == '}') braces--;
            b.lit.append(c);
            pos++;
        }
        b.flush(pos);
        return new Word(span(s, pos), b.list);
    }

    // ------------------------------------------------------------------ [[ ... ]]

    private void lexTest(int s) {
        List<Word> words = new ArrayList<>();
        boolean closed = false;
        boolean patternNext = false;
        while (true) {
            // blanks and newlines are both separators inside [[ ]]
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') pos++;
                else if (c == '\\' && peek(1) == '\n') pos += 2;
                else break;
            }
            if (eof()) break;
            if (at("]]") && (pos + 2 >= src.length() || isMeta(src.charAt(pos + 2)))) {
                pos += 2;
                closed = true;
                break;
            }
            int ws = pos;
            char c = src.charAt(pos);
            String opText = null;
            if (!patternNext) {
                if (at("&&") || at("||")) opText = src.substring(pos, pos + 2);
                else if (c == '(' || c == ')' || c == '!' && (peek(1) == ' ' || peek(1) == '(' )) opText = String.valueOf(c);
                else if ((c == '<' || c == '>') && (peek(1) == ' ' || peek(1) == '\t')) opText = String.valueOf(c);
            }
            if (opText != null) {
                pos += opText.length();
                words.add(new Word(span(ws, pos), List.of(new WordPart.Literal(span(ws, pos), opText))));
                continue;
            }
            Word w = scanWord(patternNext ? WordMode.PATTERN : WordMode.TEST);
            if (pos == ws) {
                pos++;
                w = new Word(span(ws, pos), List.of(new WordPart.Literal(span(ws, pos), src.substring(ws, pos))));
            }
            words.add(w);
            String lit = plainLiteral(w);
            patternNext = lit != null && (lit.equals("==") || lit.equals("=") || lit.equals("!=") || lit.equals("=~"));
        }
        if (!closed) {
            error(s, Math.min(s + 2, src.length()), "the `[[` opened on line " + line(s) + " is never closed with `]]`");
        }
        emit(ShParser.TEST_EXPR, s, pos, src.substring(s, pos), words);
        if (zsh()) cmdPos = true; // zsh short forms: `if [[ ... ]] { ... }`
    }
}
