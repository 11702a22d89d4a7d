package dev.envreach.syntax;

import java.util.ArrayList;
import java.util.List;

/** The outcome of parsing one file: always a tree, plus the errors found. */
public record ParseResult(String text, Dialect dialect, LineMap lines, List<Node.Statement> statements,
                          List<Comment> comments, List<SyntaxError> errors) {

    /** Every assignment in the file, in source order, with whether it is exported by the command itself. */
    public List<AssignmentSite> assignments() {
        List<AssignmentSite> out = new ArrayList<>();
        TreeWalk.assignments(statements, out);
        out.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
        return out;
    }

    /** True when the parse ran out of stack (the tree is empty then). */
    boolean stackExhausted() {
        return errors.size() == 1 && statements.isEmpty() && Parser.STACK_EXHAUSTED.equals(errors.get(0).message());
    }

    /** An assignment or export found in the tree. */
    public record AssignmentSite(String name, boolean exported, Span span) {}
}
