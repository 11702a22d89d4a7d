/*
 * envreach's parser grammar for dotfile code in bash, zsh and POSIX sh.
 *
 * Shell cannot be tokenised without context, so the tokens come from a hand-written lexer
 * (dev.envreach.syntax.ShLexer): it decides where reserved words count, reads quoting and
 * expansions into whole WORD tokens, reads here-document bodies at the end of their line and
 * folds [[ ... ]], (( ... )) and array assignments into single tokens. This grammar only has
 * to describe how commands nest. See docs/architecture.md.
 *
 * Dialect differences that the lexer cannot settle are guarded by the predicates zsh() and
 * notSh(); the lexer already refuses keywords that a dialect does not have.
 */
parser grammar ShParser;

tokens {
    WORD, ASSIGNMENT_WORD, REDIR, HEREDOC, TEST_EXPR, ARITH_CMD, ARITH_FOR,
    NEWLINE, SEMI, AMP, AND_IF, OR_IF, PIPE, PIPE_AMP,
    LPAREN, RPAREN, LBRACE, RBRACE,
    DSEMI, SEMI_AMP, DSEMI_AMP, SEMI_PIPE,
    IF, THEN, ELSE, ELIF, FI, CASE, ESAC, FOR, SELECT, WHILE, UNTIL, DO, DONE, IN,
    FUNCTION, BANG, TIME, REPEAT, FOREACH, END, ALWAYS, COPROC
}

@members {
    private boolean zshDialect;
    public void setZsh(boolean z) { zshDialect = z; }
    private boolean zsh() { return zshDialect; }
    private boolean bashOrZsh = true;
    public void setSh(boolean sh) { bashOrZsh = !sh; }
    private boolean notSh() { return bashOrZsh; }
}

// A whole file. (Parser.java reads a file statement by statement with `statement`, to recover at each one.)
program
    : compoundList EOF
    ;

// A sequence of statements, possibly empty: where bash and sh need at least one command, the tree
// builder reports the empty list (zsh accepts empty bodies). An `&` after a statement runs it in the background.
compoundList
    : sep* (statement (sep+ statement)* sep*)?
    ;

statement
    : andOr
    ;

sep
    : NEWLINE | SEMI | AMP
    ;

// zsh lets an and-or list end with `&&` or `||` (before `}` or the end of the file).
andOr
    : pipeline ((AND_IF | OR_IF) NEWLINE* (pipeline | {zsh()}?))*
    ;

pipeline
    : TIME? BANG? command ((PIPE | PIPE_AMP) NEWLINE* command)*
    | TIME                                        // bare `time` times nothing
    ;

command
    : functionDef
    | compoundCommand redirect*
    | COPROC WORD? compoundCommand redirect*
    | simpleCommand
    ;

simpleCommand
    : prefix (commandWord suffix*)?
    | commandWord suffix*
    ;

prefix
    : (ASSIGNMENT_WORD | redirect)+
    ;

commandWord
    : WORD
    ;

// Reserved words after the command name are plain arguments: the lexer only marks them in command position.
suffix
    : WORD | ASSIGNMENT_WORD | redirect
    ;

redirect
    : REDIR WORD
    | HEREDOC
    ;

compoundCommand
    : braceGroup (ALWAYS braceGroup)?
    | anonymousFunction
    | subshell
    | ifClause
    | forClause
    | arithForClause
    | selectClause
    | caseClause
    | whileClause
    | repeatClause
    | foreachClause
    | ARITH_CMD
    | TEST_EXPR
    | anonymousFunctionKeyword
    ;

braceGroup
    : LBRACE compoundList RBRACE
    ;

subshell
    : LPAREN sep* statement (sep+ statement)* sep* RPAREN
    ;

// A loop or branch body: `do ... done`, or zsh's `{ ... }` short form.
whileBody
    : DO compoundList DONE
    | {zsh()}? braceGroup
    ;

ifClause
    : IF compoundList ifRest
    ;

ifRest
    : THEN compoundList elifPart* elsePart? FI
    | {zsh()}? braceGroup zshElif* (ELSE braceGroup)?
    ;

elifPart
    : ELIF compoundList THEN compoundList
    ;

elsePart
    : ELSE compoundList
    ;

zshElif
    : ELIF compoundList braceGroup
    ;

forClause
    : FOR WORD+ forHeader
    ;

// What follows the loop variables: an optional `in` list, then the body.
forHeader
    : {zsh()}? LPAREN WORD* RPAREN sep* loopBody
    | forList? NEWLINE* loopBody
    ;

forList
    : NEWLINE* IN WORD* sep
    | SEMI
    ;

// `do ... done`; bash and zsh also take `{ ... }`; zsh also a short sublist (SHORT_LOOPS).
loopBody
    : DO compoundList DONE
    | {notSh()}? braceGroup
    | {zsh()}? shortSublist
    ;

// The body of a zsh short loop. Its commands take no redirections: a redirection after it belongs to the
// loop (`for f in *; cat $f >> all`), which keeps redirections out of what may follow a simple command,
// so a long run of them never needs long lookahead.
shortSublist
    : shortPipeline ((AND_IF | OR_IF) NEWLINE* shortPipeline)*
    ;

shortPipeline
    : BANG? shortCommand ((PIPE | PIPE_AMP) NEWLINE* shortCommand)*
    ;

shortCommand
    : ASSIGNMENT_WORD* commandWord (WORD | ASSIGNMENT_WORD)*
    | compoundCommand
    ;

arithForClause
    : ARITH_FOR sep? NEWLINE* loopBody
    ;

selectClause
    : SELECT WORD forHeader
    ;

foreachClause
    : FOREACH WORD+ LPAREN WORD* RPAREN sep compoundList END
    ;

repeatClause
    : REPEAT WORD sep? NEWLINE* loopBody
    ;

caseClause
    : CASE WORD NEWLINE* IN NEWLINE* caseItem* ESAC
    | {zsh()}? CASE WORD NEWLINE* LBRACE NEWLINE* caseItem* RBRACE
    ;

// The terminator may be left out before `esac`.
caseItem
    : LPAREN? pattern RPAREN compoundList (caseTerminator NEWLINE*)?
    ;

caseTerminator
    : DSEMI | SEMI_AMP | DSEMI_AMP | SEMI_PIPE
    ;

pattern
    : WORD (PIPE WORD)*
    ;

whileClause
    : (WHILE | UNTIL) compoundList whileBody
    ;

functionDef
    : FUNCTION WORD+ (LPAREN RPAREN)? NEWLINE* functionBody
    | WORD LPAREN RPAREN NEWLINE* functionBody
    ;

// zsh: `function { ...; } args` runs at once, like `() { ...; } args`
anonymousFunctionKeyword
    : {zsh()}? FUNCTION NEWLINE* braceGroup WORD*
    ;

// Any compound command but a zsh anonymous function, whose `()` would read as the name's parentheses.
functionBody
    : (braceGroup (ALWAYS braceGroup)? | subshell | ifClause | forClause | arithForClause | selectClause
      | caseClause | whileClause | repeatClause | foreachClause | ARITH_CMD | TEST_EXPR) redirect*
    | {zsh()}? simpleCommand
    ;

anonymousFunction
    : LPAREN RPAREN NEWLINE* braceGroup WORD*
    ;
