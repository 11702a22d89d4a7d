package dev.envreach.syntax;

import java.util.List;

/** envreach's syntax tree. Every node carries its source span. */
public sealed interface Node {
    Span span();

    /** A command in a list, with the operator that ended it. */
    record Statement(Span span, Command command, boolean background) implements Node {}

    /** Anything that can stand in a pipeline. */
    sealed interface Command extends Node {}

    /**
     * {@code NAME=value}, {@code NAME+=value}, {@code NAME[k]=v}, {@code NAME=(a b)}.
     * {@code value} is null for an array assignment ({@code array} is non-null then) and for
     * a bare {@code NAME=} it is an empty word.
     */
    record Assignment(Span span, String name, Span nameSpan, String index, boolean append,
                      Word value, List<Word> array) implements Node {}

    /**
     * A redirection. {@code op} is one of {@code > >> < <> >| >! >& <& &> &>> <<< << <<-};
     * {@code fd} is the explicit descriptor or "" ; for here-documents {@code heredoc} is set and
     * {@code target} is the delimiter word.
     */
    record Redirect(Span span, String fd, String op, Word target, HereDoc heredoc) implements Node {}

    /** A here-document body. {@code body} holds the expansions of an unquoted body (empty when quoted). */
    record HereDoc(Span bodySpan, String delimiter, boolean quoted, boolean stripTabs, String text,
                   Word body) {}

    /** An operand of a declaration builtin: either an assignment or a bare word (a name or a flag). */
    record DeclOperand(Assignment assignment, Word word) {}

    /**
     * A simple command: prefix assignments, then words. {@code declOperands} is non-null when the
     * command name is a declaration builtin ({@code export declare typeset local readonly integer float})
     * and holds its operands after the name in order (flags included as words).
     */
    record SimpleCommand(Span span, List<Assignment> assignments, List<Word> words,
                         List<Redirect> redirects, List<DeclOperand> declOperands) implements Command {
        /** The literal command name, or null when there is none or it is not literal. */
        public String name() {
            return words.isEmpty() ? null : words.get(0).literalValue();
        }
    }

    /** {@code a | b |& c}, possibly negated with {@code !} or timed. */
    record Pipeline(Span span, boolean negated, List<Command> commands, List<Boolean> stderrToo) implements Command {}

    /** {@code a && b || c}: {@code ops.get(i)} joins {@code items.get(i)} and {@code items.get(i+1)}. */
    record AndOr(Span span, List<Command> items, List<String> ops) implements Command {}

    record BraceGroup(Span span, List<Statement> body, List<Redirect> redirects) implements Command {}

    record Subshell(Span span, List<Statement> body, List<Redirect> redirects) implements Command {}

    /** One {@code if}/{@code elif} arm. */
    record CondBranch(Span keyword, List<Statement> condition, List<Statement> body) {}

    /** {@code elseBody} is null when there is no else. */
    record If(Span span, List<CondBranch> branches, List<Statement> elseBody, List<Redirect> redirects) implements Command {}

    record While(Span span, boolean until, List<Statement> condition, List<Statement> body, List<Redirect> redirects) implements Command {}

    /**
     * {@code for}, {@code select}, zsh {@code foreach} and short forms. {@code items} is null when the
     * loop runs over the positional parameters.
     */
    record For(Span span, String keyword, List<String> variables, List<Word> items, List<Statement> body,
               List<Redirect> redirects) implements Command {}

    /** {@code for ((init; cond; step))}. */
    record ArithFor(Span span, String header, List<Statement> body, List<Redirect> redirects) implements Command {}

    /** zsh {@code repeat N}. */
    record Repeat(Span span, Word count, List<Statement> body, List<Redirect> redirects) implements Command {}

    record CaseItem(Span span, List<Word> patterns, List<Statement> body, String terminator) {}

    record Case(Span span, Word subject, List<CaseItem> items, List<Redirect> redirects) implements Command {}

    /** {@code f() {}}, {@code function f {}}; {@code names} is empty for a zsh anonymous function, which runs at once with {@code args}. */
    record FunctionDef(Span span, List<String> names, Span nameSpan, Command body, List<Word> args) implements Command {}

    /** {@code (( expr ))}. */
    record ArithCommand(Span span, String expression, List<Redirect> redirects) implements Command {}

    /** {@code [[ ... ]]}: the words between the brackets, operators included as plain words. */
    record TestCommand(Span span, List<Word> words, List<Redirect> redirects) implements Command {}

    /** zsh {@code { try } always { finally }}. */
    record Always(Span span, List<Statement> tryBody, List<Statement> alwaysBody, List<Redirect> redirects) implements Command {}

    /** Code that could not be parsed; the statements that did parse around it are kept. */
    record Error(Span span, String message) implements Command {}
}
