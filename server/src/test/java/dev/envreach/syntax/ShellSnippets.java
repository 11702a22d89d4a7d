package dev.envreach.syntax;

import static dev.envreach.syntax.Shapes.firstPart;
import static dev.envreach.syntax.Shapes.heredoc;
import static dev.envreach.syntax.Shapes.literals;
import static dev.envreach.syntax.Shapes.names;
import static dev.envreach.syntax.Shapes.nth;
import static dev.envreach.syntax.Shapes.only;
import static dev.envreach.syntax.Shapes.param;
import static dev.envreach.syntax.Shapes.part;
import static dev.envreach.syntax.Shapes.redirect;
import static dev.envreach.syntax.Shapes.single;
import static dev.envreach.syntax.Shapes.top;
import static dev.envreach.syntax.Shapes.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The constructs envreach must read, one snippet each, with the tree shape it must produce. The same table feeds
 * the shape tests ({@link ConstructShapeTest}) and the real-shell judge ({@link RealShellJudgeTest}), which runs
 * every snippet, valid or not, through {@code bash -n}, {@code dash -n} and {@code zsh -n}.
 */
final class ShellSnippets {
    private ShellSnippets() {}

    /**
     * A valid snippet. {@code dialects} are those in which the snippet means the construct named by {@code id}; the
     * shape is checked in each of them. (Whether each shell accepts it, in all three dialects, is for the judge.)
     */
    record Valid(String id, String code, Set<Dialect> dialects, Consumer<ParseResult> shape) {
        @Override
        public String toString() {
            return id;
        }
    }

    /**
     * A snippet with a syntax error. {@code mentions} must appear in the first error message (what the user should
     * write to fix it, in shell terms). {@code acceptedBy} lists the dialects whose shell accepts it anyway.
     */
    record Invalid(String id, String code, String mentions, Set<Dialect> acceptedBy) {
        @Override
        public String toString() {
            return id;
        }
    }

    private static final Set<Dialect> ALL = EnumSet.allOf(Dialect.class);
    private static final Set<Dialect> BASH_ZSH = EnumSet.of(Dialect.BASH, Dialect.ZSH);
    private static final Set<Dialect> BASH = EnumSet.of(Dialect.BASH);
    private static final Set<Dialect> ZSH = EnumSet.of(Dialect.ZSH);

    static final List<Valid> VALID = new ArrayList<>();
    static final List<Invalid> INVALID = new ArrayList<>();

    private static void valid(String id, Set<Dialect> dialects, String code, Consumer<ParseResult> shape) {
        VALID.add(new Valid(id, code, dialects, shape));
    }

    private static void invalid(String id, String code, String mentions) {
        INVALID.add(new Invalid(id, code, mentions, EnumSet.noneOf(Dialect.class)));
    }

    private static void invalid(String id, String code, String mentions, Set<Dialect> acceptedBy) {
        INVALID.add(new Invalid(id, code, mentions, acceptedBy));
    }

    private static Node.SimpleCommand sc(ParseResult r) {
        return only(r, Node.SimpleCommand.class);
    }

    static {
        // ---- comments ---------------------------------------------------------------------------------
        valid("comments", ALL, "# first\necho hi # trailing\n#last", r -> {
            assertEquals(List.of("echo", "hi"), words(sc(r)));
            assertEquals(3, r.comments().size());
            assertEquals(" first", r.comments().get(0).text());
            assertEquals(" trailing", r.comments().get(1).text());
        });
        valid("hash inside a word is not a comment", ALL, "echo a#b\n", r -> {
            assertEquals(List.of("echo", "a#b"), words(sc(r)));
            assertEquals(0, r.comments().size());
        });

        // ---- simple commands and redirections -----------------------------------------------------------
        valid("redirect >", ALL, "echo hi > out\n", r -> {
            Node.Redirect x = redirect(sc(r), 0);
            assertEquals(">", x.op());
            assertEquals("out", x.target().literalValue());
            assertEquals(List.of("echo", "hi"), words(sc(r)));
        });
        valid("redirect >> and <", ALL, "cat < in >> log\n", r -> {
            assertEquals("<", redirect(sc(r), 0).op());
            assertEquals("in", redirect(sc(r), 0).target().literalValue());
            assertEquals(">>", redirect(sc(r), 1).op());
            assertEquals("log", redirect(sc(r), 1).target().literalValue());
        });
        valid("redirect 2>&1", ALL, "cmd >/dev/null 2>&1\n", r -> {
            Node.Redirect x = redirect(sc(r), 1);
            assertEquals("2", x.fd());
            assertEquals(">&", x.op());
            assertEquals("1", x.target().literalValue());
            assertEquals(List.of("cmd"), words(sc(r)));
        });
        valid("redirect &>", BASH_ZSH, "cmd &> all.log\n", r -> {
            assertEquals("&>", redirect(sc(r), 0).op());
            assertEquals("all.log", redirect(sc(r), 0).target().literalValue());
        });
        valid("redirect >|", ALL, "echo x >| clobber\n", r -> assertEquals(">|", redirect(sc(r), 0).op()));
        valid("here-string <<<", BASH_ZSH, "read -r a <<< \"$line\"\n", r -> {
            Node.Redirect x = redirect(sc(r), 0);
            assertEquals("<<<", x.op());
            assertInstanceOf(WordPart.Param.class, firstPart(x.target(), WordPart.Param.class));
            assertEquals(List.of("read", "-r", "a"), words(sc(r)));
        });
        valid("redirect before the command name", ALL, ">out echo hi\n", r -> {
            assertEquals(List.of("echo", "hi"), words(sc(r)));
            assertEquals(">", redirect(sc(r), 0).op());
        });
        valid("here-document <<EOF", ALL, "cat <<EOF\nhello $USER\nEOF\necho after\n", r -> {
            List<Node.Command> cs = top(r);
            assertEquals(2, cs.size(), "the line after the here-document is a separate command");
            Node.SimpleCommand cat = nth(r, 0, Node.SimpleCommand.class);
            Node.HereDoc h = heredoc(cat, 0);
            assertEquals("EOF", h.delimiter());
            assertFalse(h.quoted());
            assertFalse(h.stripTabs());
            assertEquals("hello $USER\n", h.text());
            assertNotNull(h.body());
            assertEquals("USER", firstPart(h.body(), WordPart.Param.class).name());
            assertEquals(List.of("echo", "after"), words(nth(r, 1, Node.SimpleCommand.class)));
        });
        valid("here-document <<-EOF strips tabs", ALL, "cat <<-EOF\n\tindented\n\tEOF\necho after\n", r -> {
            Node.HereDoc h = heredoc(nth(r, 0, Node.SimpleCommand.class), 0);
            assertTrue(h.stripTabs());
            assertEquals("EOF", h.delimiter());
            assertTrue(h.text().contains("indented"));
            assertFalse(h.text().contains("EOF"), "the tab-indented delimiter line ends the body: " + h.text());
            assertEquals(2, top(r).size());
        });
        valid("here-document <<'EOF' is quoted", ALL, "cat <<'EOF'\n$not_expanded\nEOF\n", r -> {
            Node.HereDoc h = heredoc(sc(r), 0);
            assertTrue(h.quoted());
            assertEquals("EOF", h.delimiter());
            assertEquals("$not_expanded\n", h.text());
        });
        valid("here-document <<\"EOF\" is quoted", ALL, "cat <<\"END\"\n$x\nEND\n", r -> {
            Node.HereDoc h = heredoc(sc(r), 0);
            assertTrue(h.quoted());
            assertEquals("END", h.delimiter());
            assertEquals("$x\n", h.text());
        });
        valid("two here-documents on one line", ALL, "cat <<A - <<B\none\nA\ntwo\nB\necho done\n", r -> {
            Node.SimpleCommand cat = nth(r, 0, Node.SimpleCommand.class);
            assertEquals("one\n", heredoc(cat, 0).text());
            assertEquals("A", heredoc(cat, 0).delimiter());
            assertEquals("two\n", heredoc(cat, 1).text());
            assertEquals("B", heredoc(cat, 1).delimiter());
            assertEquals(List.of("echo", "done"), words(nth(r, 1, Node.SimpleCommand.class)));
        });
        valid("here-document inside $(...)", ALL, "x=$(cat <<EOF\ninner\nEOF\n)\necho \"$x\"\n", r -> {
            Node.SimpleCommand assign = nth(r, 0, Node.SimpleCommand.class);
            Node.Assignment a = assign.assignments().get(0);
            assertEquals("x", a.name());
            WordPart.CommandSubst cs = part(a.value(), WordPart.CommandSubst.class);
            Node.SimpleCommand cat = single(cs.body(), Node.SimpleCommand.class);
            assertEquals("inner\n", heredoc(cat, 0).text());
            assertEquals(2, top(r).size());
        });
        valid("here-document followed by a pipe", ALL, "cat <<EOF | wc -l\na\nEOF\n", r -> {
            Node.Pipeline p = only(r, Node.Pipeline.class);
            assertEquals(2, p.commands().size());
            assertEquals("a\n", heredoc((Node.SimpleCommand) p.commands().get(0), 0).text());
        });

        // ---- assignments ------------------------------------------------------------------------------
        valid("assignment", ALL, "EDITOR=vim\n", r -> {
            Node.Assignment a = sc(r).assignments().get(0);
            assertEquals("EDITOR", a.name());
            assertEquals("vim", a.value().literalValue());
            assertFalse(a.append());
            assertTrue(sc(r).words().isEmpty());
        });
        valid("assignment with expansions in the value", ALL, "PATH=\"$HOME/bin:$PATH\"\n", r -> {
            Node.Assignment a = sc(r).assignments().get(0);
            assertEquals("PATH", a.name());
            WordPart.DoubleQuoted dq = part(a.value(), WordPart.DoubleQuoted.class);
            List<String> ps = new ArrayList<>();
            for (WordPart p : dq.parts()) {
                ps.add(p instanceof WordPart.Param pp ? "$" + pp.name()
                        : p instanceof WordPart.Literal l ? l.text() : p.getClass().getSimpleName());
            }
            assertEquals(List.of("$HOME", "/bin:", "$PATH"), ps);
        });
        valid("empty assignment", ALL, "X=\n", r -> {
            Node.Assignment a = sc(r).assignments().get(0);
            assertEquals("X", a.name());
            assertEquals("", a.value().literalValue());
        });
        valid("array assignment a=(x y)", BASH_ZSH, "a=(x 'y z')\n", r -> {
            Node.Assignment a = sc(r).assignments().get(0);
            assertEquals("a", a.name());
            assertNull(a.value());
            assertEquals(List.of("x", "y z"), literals(a.array()));
        });
        valid("array append a+=(z)", BASH_ZSH, "a+=(z)\n", r -> {
            Node.Assignment a = sc(r).assignments().get(0);
            assertTrue(a.append());
            assertEquals(List.of("z"), literals(a.array()));
        });
        valid("append a+=b", BASH_ZSH, "PATH+=:/opt/bin\n", r -> {
            Node.Assignment a = sc(r).assignments().get(0);
            assertEquals("PATH", a.name());
            assertTrue(a.append());
            assertEquals(":/opt/bin", a.value().literalValue());
        });
        valid("subscript assignment a[k]=v", BASH_ZSH, "a[k]=v\n", r -> {
            Node.Assignment a = sc(r).assignments().get(0);
            assertEquals("a", a.name());
            assertEquals("k", a.index());
            assertEquals("v", a.value().literalValue());
        });
        valid("prefix assignments", ALL, "LC_ALL=C TZ=UTC date +%s\n", r -> {
            Node.SimpleCommand c = sc(r);
            assertEquals(List.of("LC_ALL", "TZ"), c.assignments().stream().map(Node.Assignment::name).toList());
            assertEquals(List.of("date", "+%s"), words(c));
        });
        valid("assignment-looking argument is a word", ALL, "echo A=1\n", r -> {
            assertTrue(sc(r).assignments().isEmpty());
            assertEquals(List.of("echo", "A=1"), words(sc(r)));
        });

        // ---- declaration builtins -------------------------------------------------------------------------
        valid("export with values and names", ALL, "export A=1 B\n", r -> {
            Node.SimpleCommand c = sc(r);
            assertEquals("export", c.name());
            assertNotNull(c.declOperands());
            assertEquals(2, c.declOperands().size());
            assertEquals("A", c.declOperands().get(0).assignment().name());
            assertEquals("B", c.declOperands().get(1).word().literalValue());
            assertEquals(List.of("A(x)", "B(x)"), names(r.assignments()));
        });
        valid("export -n", BASH, "export -n X\n", r -> assertEquals(List.of(), names(r.assignments())));
        valid("declare -x", BASH_ZSH, "declare -x C=2 -r\n", r -> {
            Node.SimpleCommand c = sc(r);
            assertEquals("declare", c.name());
            assertEquals("-x", c.declOperands().get(0).word().literalValue());
            assertEquals("C", c.declOperands().get(1).assignment().name());
            assertEquals(List.of("C(x)"), names(r.assignments()));
        });
        valid("typeset -gx", BASH_ZSH, "typeset -gx D=4\n", r -> assertEquals(List.of("D(x)"), names(r.assignments())));
        valid("typeset array", BASH_ZSH, "typeset -a arr=(one two)\n", r -> {
            Node.Assignment a = sc(r).declOperands().get(1).assignment();
            assertEquals("arr", a.name());
            assertEquals(List.of("one", "two"), literals(a.array()));
        });
        valid("local in a function", ALL, "f() {\n  local e=3\n}\n", r -> {
            Node.FunctionDef f = only(r, Node.FunctionDef.class);
            Node.BraceGroup g = assertInstanceOf(Node.BraceGroup.class, f.body());
            Node.SimpleCommand local = single(g.body(), Node.SimpleCommand.class);
            assertEquals("local", local.name());
            assertEquals("e", local.declOperands().get(0).assignment().name());
            assertEquals(List.of("e"), names(r.assignments()));
        });
        valid("readonly", ALL, "readonly F=4\n", r -> {
            assertEquals("readonly", sc(r).name());
            assertEquals(List.of("F"), names(r.assignments()));
        });
        valid("unset with flags", ALL, "unset -v G H\n", r -> assertEquals(List.of("unset", "-v", "G", "H"), words(sc(r))));

        // ---- quoting ------------------------------------------------------------------------------------
        valid("single and double quotes", ALL, "echo 'a b' \"c $d\"\n", r -> {
            Node.SimpleCommand c = sc(r);
            assertEquals("a b", part(c.words().get(1), WordPart.SingleQuoted.class).value());
            WordPart.DoubleQuoted dq = part(c.words().get(2), WordPart.DoubleQuoted.class);
            assertFalse(dq.localized());
            assertEquals("c ", assertInstanceOf(WordPart.Literal.class, dq.parts().get(0)).text());
            assertEquals("d", assertInstanceOf(WordPart.Param.class, dq.parts().get(1)).name());
        });
        valid("ANSI-C quotes $'...'", BASH_ZSH, "echo $'e\\tf\\'g'\n", r ->
                assertEquals("e\tf'g", part(sc(r).words().get(1), WordPart.AnsiCQuoted.class).value()));
        valid("localized quotes $\"...\"", BASH, "echo $\"hello $USER\"\n", r -> {
            WordPart.DoubleQuoted dq = part(sc(r).words().get(1), WordPart.DoubleQuoted.class);
            assertTrue(dq.localized());
        });
        valid("backslash escapes", ALL, "echo a\\ b \\$x \"q\\\"q\"\n", r -> {
            assertEquals(List.of("echo", "a b", "$x", "q\"q"), words(sc(r)));
            assertEquals(4, sc(r).words().size());
        });
        valid("line continuation", ALL, "echo a \\\n  b\n", r -> {
            assertEquals(List.of("echo", "a", "b"), words(sc(r)));
        });
        valid("quotes spanning lines", ALL, "X='one\ntwo'\necho $X\n", r -> {
            assertEquals("one\ntwo", nth(r, 0, Node.SimpleCommand.class).assignments().get(0).value().literalValue());
            assertEquals(2, top(r).size());
        });
        valid("adjacent quoted and unquoted parts make one word", ALL, "echo pre\"mid\"'post'$x\n", r ->
                assertEquals(4, sc(r).words().get(1).parts().size()));

        // ---- parameter expansion ------------------------------------------------------------------------
        valid("$x", ALL, "echo $x\n", r -> {
            WordPart.Param p = param(r, 1);
            assertEquals("x", p.name());
            assertFalse(p.braced());
            assertNull(p.op());
        });
        valid("${x}", ALL, "echo ${x}\n", r -> {
            assertEquals("x", param(r, 1).name());
            assertTrue(param(r, 1).braced());
        });
        for (String[] c : new String[][] {{":-", "w"}, {":=", "w"}, {":+", "w"}, {"#", "p*"}, {"%%", ".*"}, {"-", "d"},
                {":?", "unset"}}) {
            String op = c[0];
            String arg = c[1];
            valid("${x" + op + arg + "}", ALL, "echo ${x" + op + arg + "}\n", r -> {
                WordPart.Param p = param(r, 1);
                assertEquals("x", p.name());
                assertEquals(op, p.op());
                assertEquals(arg, p.arg().literalValue());
            });
        }
        valid("${x:-$HOME/w}", ALL, "echo \"${XDG:-$HOME/.config}\"\n", r -> {
            WordPart.Param p = firstPart(sc(r).words().get(1), WordPart.Param.class);
            assertEquals("XDG", p.name());
            assertEquals(":-", p.op());
            assertEquals("HOME", firstPart(p.arg(), WordPart.Param.class).name());
        });
        valid("${x/a/b}", BASH_ZSH, "echo ${x/a/b}\n", r -> {
            WordPart.Param p = param(r, 1);
            assertEquals("/", p.op());
            assertEquals("a", p.arg().literalValue());
            assertEquals("b", p.arg2().literalValue());
        });
        valid("${#x}", ALL, "echo ${#x}\n", r -> {
            assertEquals("x", param(r, 1).name());
            assertEquals("#", param(r, 1).prefix());
        });
        valid("${!x}", BASH, "echo ${!x}\n", r -> {
            assertEquals("x", param(r, 1).name());
            assertEquals("!", param(r, 1).prefix());
        });
        valid("${x[@]}", BASH_ZSH, "echo \"${x[@]}\"\n", r -> {
            WordPart.Param p = firstPart(sc(r).words().get(1), WordPart.Param.class);
            assertEquals("x", p.name());
            assertEquals("@", p.index());
        });
        valid("${x:1:2}", BASH_ZSH, "echo ${x:1:2}\n", r -> assertEquals(":", param(r, 1).op()));
        valid("special parameters", ALL, "echo $? $# $@ $* $$ $! $0 $1 ${10}\n", r -> {
            Node.SimpleCommand c = sc(r);
            List<String> ns = new ArrayList<>();
            for (int i = 1; i < c.words().size(); i++) ns.add(part(c.words().get(i), WordPart.Param.class).name());
            assertEquals(List.of("?", "#", "@", "*", "$", "!", "0", "1", "10"), ns);
        });
        valid("zsh ${(j.:.)path}", ZSH, "echo ${(j.:.)path}\n", r -> {
            WordPart.Param p = param(r, 1);
            assertEquals("path", p.name());
            assertEquals("j.:.", p.zshFlags().replace("(", "").replace(")", ""));
        });
        valid("zsh ${~x}", ZSH, "echo ${~x}\n", r -> {
            assertEquals("x", param(r, 1).name());
            assertTrue(param(r, 1).zshFlags().contains("~"));
        });
        valid("zsh ${+x}", ZSH, "echo ${+x}\n", r -> {
            assertEquals("x", param(r, 1).name());
            assertEquals("+", param(r, 1).prefix());
        });
        valid("zsh $+commands[go]", ZSH, "if (( $+commands[go] )); then echo go; fi\n", r -> {
            Node.If i = only(r, Node.If.class);
            assertInstanceOf(Node.ArithCommand.class, Shapes.unwrap(i.branches().get(0).condition().get(0).command()));
        });
        valid("zsh $+commands[go] as a word", ZSH, "echo $+commands[go]\n", r -> {
            WordPart.Param p = param(r, 1);
            assertEquals("commands", p.name());
            assertEquals("+", p.prefix());
            assertEquals("go", p.index());
        });
        valid("zsh nested ${${x#a}%b}", ZSH, "echo ${${x#a}%b}\n", r -> {
            WordPart.Param p = param(r, 1);
            assertEquals("%", p.op());
            assertNotNull(p.nested());
        });

        // ---- command substitution and arithmetic -------------------------------------------------------
        valid("nested $(...)", ALL, "echo $(dirname $(pwd))\n", r -> {
            WordPart.CommandSubst outer = part(sc(r).words().get(1), WordPart.CommandSubst.class);
            assertFalse(outer.backtick());
            Node.SimpleCommand dirname = single(outer.body(), Node.SimpleCommand.class);
            assertEquals("dirname", dirname.name());
            WordPart.CommandSubst inner = part(dirname.words().get(1), WordPart.CommandSubst.class);
            assertEquals("pwd", single(inner.body(), Node.SimpleCommand.class).name());
        });
        valid("case inside $(...)", ALL, "x=$(case $y in a) echo A;; *) echo B;; esac)\n", r -> {
            WordPart.CommandSubst cs = part(sc(r).assignments().get(0).value(), WordPart.CommandSubst.class);
            Node.Case c = single(cs.body(), Node.Case.class);
            assertEquals(2, c.items().size());
            assertEquals(List.of("a"), literals(c.items().get(0).patterns()));
        });
        valid("backticks", ALL, "d=`date +%F`\n", r -> {
            WordPart.CommandSubst cs = part(sc(r).assignments().get(0).value(), WordPart.CommandSubst.class);
            assertTrue(cs.backtick());
            assertEquals(List.of("date", "+%F"), words(single(cs.body(), Node.SimpleCommand.class)));
        });
        valid("$(( ))", ALL, "echo $((1 + 2 * x))\n", r ->
                assertEquals("1 + 2 * x", part(sc(r).words().get(1), WordPart.Arith.class).expression().strip()));
        valid("(( ))", BASH_ZSH, "(( i++ ))\n", r ->
                assertEquals("i++", only(r, Node.ArithCommand.class).expression().strip()));
        valid("$(...) inside double quotes with quotes inside", ALL, "echo \"$(echo \"in\")\"\n", r -> {
            WordPart.DoubleQuoted dq = part(sc(r).words().get(1), WordPart.DoubleQuoted.class);
            WordPart.CommandSubst cs = assertInstanceOf(WordPart.CommandSubst.class, dq.parts().get(0));
            assertEquals(List.of("echo", "in"), words(single(cs.body(), Node.SimpleCommand.class)));
        });

        // ---- tests -------------------------------------------------------------------------------------
        valid("[[ =~ && || ( ) ]]", BASH_ZSH, "[[ $x =~ ^a && ( -n $y || $z == *.c ) ]]\n", r -> {
            List<String> ws = new ArrayList<>();
            for (Word w : only(r, Node.TestCommand.class).words()) ws.add(w.literalValue());
            assertTrue(ws.containsAll(List.of("=~", "&&", "||", "==", "-n", "(", ")")), ws.toString());
        });
        valid("[[ != with a glob ]]", BASH_ZSH, "[[ $TERM != xterm* ]] && echo no\n", r -> {
            Node.AndOr a = only(r, Node.AndOr.class);
            assertInstanceOf(Node.TestCommand.class, Shapes.unwrap(a.items().get(0)));
        });
        valid("[ ] and test", ALL, "[ -n \"$x\" ] && test -f f\n", r -> {
            Node.AndOr a = only(r, Node.AndOr.class);
            Node.SimpleCommand b = assertInstanceOf(Node.SimpleCommand.class, Shapes.unwrap(a.items().get(0)));
            assertEquals("[", b.name());
            assertEquals("]", b.words().get(b.words().size() - 1).literalValue());
            assertEquals("test", ((Node.SimpleCommand) Shapes.unwrap(a.items().get(1))).name());
        });

        // ---- lists and pipelines -------------------------------------------------------------------------
        valid("; & && ||", ALL, "a; b & c && d || e\n", r -> {
            assertEquals(3, r.statements().size());
            assertFalse(r.statements().get(0).background());
            assertTrue(r.statements().get(1).background());
            Node.AndOr ao = assertInstanceOf(Node.AndOr.class, r.statements().get(2).command());
            assertEquals(3, ao.items().size());
            assertEquals(List.of("&&", "||"), ao.ops());
        });
        valid("&& across a newline", ALL, "a &&\n  b\n", r -> assertEquals(2, only(r, Node.AndOr.class).items().size()));
        valid("! and |", ALL, "! a | b | c\n", r -> {
            Node.Pipeline p = only(r, Node.Pipeline.class);
            assertTrue(p.negated());
            assertEquals(3, p.commands().size());
        });
        valid("|&", BASH_ZSH, "a |& b\n", r -> {
            Node.Pipeline p = only(r, Node.Pipeline.class);
            assertEquals(2, p.commands().size());
            assertEquals(List.of(true), p.stderrToo());
        });

        // ---- compound commands -------------------------------------------------------------------------
        valid("if elif else fi", ALL, "if a; then\n  b\nelif c; then\n  d\nelse\n  e\nfi\n", r -> {
            Node.If i = only(r, Node.If.class);
            assertEquals(2, i.branches().size());
            assertEquals("a", single(i.branches().get(0).condition(), Node.SimpleCommand.class).name());
            assertEquals("b", single(i.branches().get(0).body(), Node.SimpleCommand.class).name());
            assertEquals("c", single(i.branches().get(1).condition(), Node.SimpleCommand.class).name());
            assertEquals("d", single(i.branches().get(1).body(), Node.SimpleCommand.class).name());
            assertNotNull(i.elseBody());
            assertEquals("e", single(i.elseBody(), Node.SimpleCommand.class).name());
        });
        valid("if without else", ALL, "if [ -d ~/bin ]; then PATH=~/bin:$PATH; fi\n", r -> {
            Node.If i = only(r, Node.If.class);
            assertEquals(1, i.branches().size());
            assertNull(i.elseBody());
        });
        valid("keywords are words in argument position", ALL, "echo if then fi done\n", r ->
                assertEquals(List.of("echo", "if", "then", "fi", "done"), words(sc(r))));
        valid("case with ;; and (pattern)", ALL, "case $x in\n  a|b) one ;;\n  (c) two ;;\n  *) ;;\nesac\n", r -> {
            Node.Case c = only(r, Node.Case.class);
            assertEquals("x", part(c.subject(), WordPart.Param.class).name());
            assertEquals(3, c.items().size());
            assertEquals(List.of("a", "b"), literals(c.items().get(0).patterns()));
            assertEquals(List.of("c"), literals(c.items().get(1).patterns()));
            assertEquals(List.of("*"), literals(c.items().get(2).patterns()));
            assertEquals(";;", c.items().get(0).terminator());
            assertEquals(0, c.items().get(2).body().size());
        });
        valid("case with ;& and ;;&", BASH, "case $x in a) one ;& b) two ;;& c) three ;; esac\n", r -> {
            Node.Case c = only(r, Node.Case.class);
            assertEquals(List.of(";&", ";;&", ";;"), c.items().stream().map(Node.CaseItem::terminator).toList());
        });
        valid("case with ;| and ;&", ZSH, "case $x in a) one ;| b) two ;& c) three ;; esac\n", r -> {
            Node.Case c = only(r, Node.Case.class);
            assertEquals(List.of(";|", ";&", ";;"), c.items().stream().map(Node.CaseItem::terminator).toList());
        });
        valid("case last item without ;;", ALL, "case $x in a) one\nesac\n", r ->
                assertEquals(1, only(r, Node.Case.class).items().size()));
        valid("for in", ALL, "for x in a b; do echo $x; done\n", r -> {
            Node.For f = only(r, Node.For.class);
            assertEquals("for", f.keyword());
            assertEquals(List.of("x"), f.variables());
            assertEquals(List.of("a", "b"), literals(f.items()));
            assertEquals("echo", single(f.body(), Node.SimpleCommand.class).name());
        });
        valid("for over positional parameters", ALL, "for x; do :; done\n", r -> assertNull(only(r, Node.For.class).items()));
        valid("for ((;;))", BASH_ZSH, "for ((i = 0; i < 3; i++)); do echo $i; done\n", r -> {
            Node.ArithFor f = only(r, Node.ArithFor.class);
            assertTrue(f.header().contains("i < 3"), f.header());
            assertEquals(1, f.body().size());
        });
        valid("while", ALL, "while read -r line; do echo \"$line\"; done < file\n", r -> {
            Node.While w = only(r, Node.While.class);
            assertFalse(w.until());
            assertEquals("read", single(w.condition(), Node.SimpleCommand.class).name());
            assertEquals(1, w.body().size());
            assertEquals("<", w.redirects().get(0).op());
        });
        valid("until", ALL, "until false; do break; done\n", r -> assertTrue(only(r, Node.While.class).until()));
        valid("select", BASH_ZSH, "select x in a b; do break; done\n", r -> {
            Node.For f = only(r, Node.For.class);
            assertEquals("select", f.keyword());
            assertEquals(List.of("a", "b"), literals(f.items()));
        });
        valid("zsh for x (a b) cmd", ZSH, "for x (a b) echo $x\n", r -> {
            Node.For f = only(r, Node.For.class);
            assertEquals(List.of("a", "b"), literals(f.items()));
            assertEquals("echo", single(f.body(), Node.SimpleCommand.class).name());
        });
        valid("zsh for with two variables", ZSH, "for k v in a 1 b 2; do echo $k $v; done\n", r ->
                assertEquals(List.of("k", "v"), only(r, Node.For.class).variables()));
        valid("zsh repeat", ZSH, "repeat 3 echo hi\n", r -> {
            Node.Repeat rp = only(r, Node.Repeat.class);
            assertEquals("3", rp.count().literalValue());
            assertEquals(1, rp.body().size());
        });
        valid("zsh repeat do done", ZSH, "repeat 2; do echo hi; done\n", r ->
                assertEquals("2", only(r, Node.Repeat.class).count().literalValue()));
        valid("zsh foreach end", ZSH, "foreach x (a b)\n  echo $x\nend\n", r -> {
            Node.For f = only(r, Node.For.class);
            assertEquals("foreach", f.keyword());
            assertEquals(List.of("a", "b"), literals(f.items()));
            assertEquals(1, f.body().size());
        });
        valid("zsh if short form", ZSH, "if [[ -n $x ]] { echo yes } else { echo no }\n", r -> {
            Node.If i = only(r, Node.If.class);
            assertEquals(1, i.branches().size());
            assertInstanceOf(Node.TestCommand.class, Shapes.unwrap(i.branches().get(0).condition().get(0).command()));
            assertNotNull(i.elseBody());
        });
        valid("zsh for short form", ZSH, "for x in a b; { echo $x }\n", r -> {
            Node.For f = only(r, Node.For.class);
            assertEquals(List.of("a", "b"), literals(f.items()));
        });
        valid("zsh always", ZSH, "{ echo try } always { echo finally }\n", r -> {
            Node.Always a = only(r, Node.Always.class);
            assertEquals(1, a.tryBody().size());
            assertEquals(1, a.alwaysBody().size());
        });
        valid("brace group and subshell", ALL, "{ a; b; }\n( c; d )\n", r -> {
            assertEquals(2, nth(r, 0, Node.BraceGroup.class).body().size());
            assertEquals(2, nth(r, 1, Node.Subshell.class).body().size());
        });
        valid("brace group with redirect", ALL, "{ echo a; } > out 2>&1\n", r ->
                assertEquals(2, only(r, Node.BraceGroup.class).redirects().size()));

        // ---- functions -----------------------------------------------------------------------------------
        valid("f() {}", ALL, "f() { echo in f; }\n", r -> {
            Node.FunctionDef f = only(r, Node.FunctionDef.class);
            assertEquals(List.of("f"), f.names());
            assertEquals(1, assertInstanceOf(Node.BraceGroup.class, f.body()).body().size());
        });
        valid("function f {}", BASH_ZSH, "function f {\n  echo\n}\n", r ->
                assertEquals(List.of("f"), only(r, Node.FunctionDef.class).names()));
        valid("function f() {}", BASH_ZSH, "function f() { echo; }\n", r ->
                assertEquals(List.of("f"), only(r, Node.FunctionDef.class).names()));
        valid("function with a subshell body", ALL, "f() ( cd /; ls )\n", r ->
                assertInstanceOf(Node.Subshell.class, only(r, Node.FunctionDef.class).body()));
        valid("function name with dashes and colons", BASH_ZSH, "git-root() { :; }\n", r ->
                assertEquals(List.of("git-root"), only(r, Node.FunctionDef.class).names()));
        valid("zsh anonymous function", ZSH, "() { local x=$1; echo $x } arg\n", r -> {
            Node.FunctionDef f = only(r, Node.FunctionDef.class);
            assertTrue(f.names().isEmpty());
            assertEquals(List.of("arg"), literals(f.args()));
        });

        // ---- process substitution, globs, brace expansion -------------------------------------------------
        valid("<(...) and >(...)", BASH_ZSH, "diff <(sort a) >(cat)\n", r -> {
            Node.SimpleCommand c = sc(r);
            WordPart.ProcessSubst in = part(c.words().get(1), WordPart.ProcessSubst.class);
            assertEquals('<', in.direction());
            assertEquals("sort", single(in.body(), Node.SimpleCommand.class).name());
            assertEquals('>', part(c.words().get(2), WordPart.ProcessSubst.class).direction());
        });
        valid("zsh =(...)", ZSH, "vimdiff =(ls) b\n", r ->
                assertEquals('=', part(sc(r).words().get(1), WordPart.ProcessSubst.class).direction()));
        valid("source <(...)", BASH_ZSH, "source <(kubectl completion bash)\n", r -> {
            assertEquals("source", sc(r).name());
            assertEquals('<', part(sc(r).words().get(1), WordPart.ProcessSubst.class).direction());
        });
        valid("globs", ALL, "ls *.c ?x [ab]*\n", r -> assertEquals(List.of("ls", "*.c", "?x", "[ab]*"), words(sc(r))));
        valid("zsh glob qualifiers and **/", ZSH, "ls **/*.zsh(N) *(.)\n", r ->
                assertEquals(List.of("ls", "**/*.zsh(N)", "*(.)"), words(sc(r))));
        valid("brace expansion", BASH_ZSH, "echo {a,b}c {1..3}\n", r ->
                assertEquals(List.of("echo", "{a,b}c", "{1..3}"), words(sc(r))));
        valid("tilde", ALL, "cd ~/src ~user\n", r -> assertEquals(List.of("cd", "~/src", "~user"), words(sc(r))));

        // ---- builtins dotfiles use -----------------------------------------------------------------------
        valid("alias", ALL, "alias ll='ls -l'\n", r -> assertEquals(List.of("alias", "ll=ls -l"), words(sc(r))));
        valid("eval", ALL, "eval \"$(dircolors -b)\"\n", r -> {
            assertEquals("eval", sc(r).name());
            firstPart(sc(r).words().get(1), WordPart.CommandSubst.class);
        });
        valid("emulate sh -c", ZSH, "emulate sh -c '. ~/.profile'\n", r ->
                assertEquals(List.of("emulate", "sh", "-c", ". ~/.profile"), words(sc(r))));
        valid("autoload -Uz", ZSH, "autoload -Uz compinit && compinit\n", r -> {
            Node.AndOr a = only(r, Node.AndOr.class);
            assertEquals(List.of("autoload", "-Uz", "compinit"), words((Node.SimpleCommand) Shapes.unwrap(a.items().get(0))));
        });
        valid("zstyle", ZSH, "zstyle ':completion:*' menu select\n", r ->
                assertEquals(List.of("zstyle", ":completion:*", "menu", "select"), words(sc(r))));
        valid("setopt and bindkey", ZSH, "setopt autocd extendedglob\nbindkey -e\nbindkey '^R' history-incremental-search-backward\n", r -> {
            assertEquals(3, top(r).size());
            assertEquals("setopt", nth(r, 0, Node.SimpleCommand.class).name());
            assertEquals(List.of("bindkey", "^R", "history-incremental-search-backward"), words(nth(r, 2, Node.SimpleCommand.class)));
        });
        valid("compdef", ZSH, "compdef _git g=git\n", r -> assertEquals(List.of("compdef", "_git", "g=git"), words(sc(r))));
        valid("source and .", ALL, "source ~/.aliases\n. \"$HOME/.env\"\n", r -> {
            assertEquals("source", nth(r, 0, Node.SimpleCommand.class).name());
            assertEquals(".", nth(r, 1, Node.SimpleCommand.class).name());
        });
        valid("Debian PS1 with ${debian_chroot:+($debian_chroot)}", ALL,
                "PS1='${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '\n", r ->
                        assertEquals("PS1", sc(r).assignments().get(0).name()));
        valid("unquoted ${debian_chroot:+($debian_chroot)}", ALL,
                "PS1=${debian_chroot:+($debian_chroot)}'\\u@\\h:\\w\\$ '\n", r -> {
                    WordPart.Param p = firstPart(sc(r).assignments().get(0).value(), WordPart.Param.class);
                    assertEquals("debian_chroot", p.name());
                    assertEquals(":+", p.op());
                });
        valid("interactive guard", ALL, "case $- in\n  *i*) ;;\n  *) return;;\nesac\n", r ->
                assertEquals(2, only(r, Node.Case.class).items().size()));
        valid("[ -z \"$PS1\" ] && return", ALL, "[ -z \"$PS1\" ] && return\nexport LATE=1\n", r -> {
            assertEquals(2, top(r).size());
            assertEquals(List.of("LATE(x)"), names(r.assignments()));
        });
        valid("empty file", ALL, "", r -> assertEquals(0, r.statements().size()));
        valid("only comments and blank lines", ALL, "\n\n# nothing\n\n", r -> assertEquals(0, r.statements().size()));

        // ---- deliberately invalid ------------------------------------------------------------------------
        invalid("unclosed if", "echo start\nif true; then\n  echo x\n", "fi");
        invalid("stray fi", "echo a\nfi\n", "fi");
        invalid("missing done", "while true; do\n  echo x\n", "done");
        invalid("for missing done", "for x in a b; do\n  echo $x\n", "done");
        invalid("missing then", "if true\n  echo x\nfi\n", "then");
        invalid("stray then", "then echo\n", "then");
        invalid("stray done", "echo a\ndone\n", "done");
        invalid("stray esac", "esac\n", "esac");
        invalid("case without esac", "case $x in\n  a) echo ;;\n", "esac");
        invalid("case without in", "case $x\n  a) echo ;;\nesac\n", "in");
        invalid("unterminated double quote", "echo \"abc\necho next\n", "\"");
        invalid("unterminated single quote", "echo 'abc\n", "'");
        invalid("unclosed brace group", "{ echo a\n", "}");
        invalid("unclosed subshell", "( echo a\n", ")");
        invalid("stray )", "echo a )\n", ")");
        invalid("stray }", "}\n", "}");
        invalid("unclosed $(", "echo $(ls\n", ")");
        invalid("unclosed ${", "echo ${x\n", "}");
        invalid("dangling &&", "true &&\n", "&&", ZSH);
        invalid("dangling |", "ls |\n", "|");
        invalid("leading |", "| ls\n", "|");
        invalid("else without if", "else echo\n", "else");
        invalid("empty if condition", "if then echo; fi\n", "then", ZSH);
        invalid("function without body", "f()\n", "f");
        invalid("unclosed backquote", "echo `date\n", "backquote");
        invalid("redirect without target", "echo >\n", ">");
        invalid("double semicolon outside case", "echo a;;\n", ";;");
        invalid("half-typed line after valid code", "export A=1\nif [ -n \"$x\" ]; then\n  export B=\n", "fi");
    }
}
