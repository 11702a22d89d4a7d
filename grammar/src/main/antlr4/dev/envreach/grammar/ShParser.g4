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

program
    : compoundList? EOF
    ;

// A sequence of statements. The separator that follows a statement tells whether it runs in the background.
compoundList
    : sep* statement (sep+ statement)* sep*
    | {zsh()}? sep+                               // zsh accepts bodies with no command at all
    ;

// A body that bash and sh require to hold a command, and zsh lets be empty.
optList
    : compoundList
    | {zsh()}?
    ;

statement
    : andOr
    ;

sep
    : NEWLINE | SEMI | AMP
    ;

andOr
    : pipeline ((AND_IF | OR_IF) NEWLINE* pipeline)*
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

suffix
    : WORD | ASSIGNMENT_WORD | redirect | keywordAsWord
    ;

// Reserved words are plain arguments after the command name; the lexer marks them anyway when
// it cannot know (for example right after a here-document).
keywordAsWord
    : IF | THEN | ELSE | ELIF | FI | CASE | ESAC | FOR | SELECT | WHILE | UNTIL | DO | DONE | IN
    | FUNCTION | BANG | TIME | REPEAT | FOREACH | END | ALWAYS | COPROC | LBRACE | RBRACE
    ;

redirect
    : REDIR WORD
    | HEREDOC
    ;

compoundCommand
    : braceGroup (ALWAYS braceGroup)?
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
    | anonymousFunction
    | anonymousFunctionKeyword
    ;

braceGroup
    : LBRACE optList RBRACE
    ;

subshell
    : LPAREN compoundList RPAREN
    ;

// A loop or branch body: `do ... done`, or zsh's `{ ... }` short form.
doGroup
    : DO optList DONE
    | {notSh()}? braceGroup                      // bash too, for `for` and `select`
    ;

whileBody
    : DO optList DONE
    | {zsh()}? braceGroup
    ;

ifClause
    : IF compoundList THEN optList elifPart* elsePart? FI
    | {zsh()}? IF compoundList braceGroup zshElif* (ELSE braceGroup)?
    | {zsh()}? IF compoundList {_input.LA(1) == RBRACE}?    // zsh: a condition cut short by the closing brace
    ;

elifPart
    : ELIF compoundList THEN optList
    ;

elsePart
    : ELSE optList
    ;

zshElif
    : ELIF compoundList braceGroup
    ;

forClause
    : FOR WORD+ NEWLINE* (IN WORD* sep)? NEWLINE* doGroup
    | FOR WORD+ sep NEWLINE* doGroup
    | {zsh()}? FOR WORD+ LPAREN WORD* RPAREN sep* (doGroup | command)
    | {zsh()}? FOR WORD+ NEWLINE* IN WORD* sep+ command   // zsh short form without `do`
    ;

arithForClause
    : ARITH_FOR sep? NEWLINE* doGroup
    ;

selectClause
    : SELECT WORD NEWLINE* (IN WORD* sep)? NEWLINE* doGroup
    | SELECT WORD sep NEWLINE* doGroup
    | {zsh()}? SELECT WORD LPAREN WORD* RPAREN sep* (doGroup | command)
    ;

foreachClause
    : FOREACH WORD+ LPAREN WORD* RPAREN sep optList END
    ;

repeatClause
    : REPEAT WORD sep? NEWLINE* doGroup
    | REPEAT WORD command
    ;

caseClause
    : CASE WORD NEWLINE* IN NEWLINE* caseItem* lastCaseItem? ESAC
    | {zsh()}? CASE WORD NEWLINE* LBRACE NEWLINE* caseItem* lastCaseItem? RBRACE
    ;

caseItem
    : LPAREN? pattern RPAREN (compoundList | NEWLINE*) caseTerminator NEWLINE*
    ;

lastCaseItem
    : LPAREN? pattern RPAREN (compoundList | NEWLINE*)
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

functionBody
    : compoundCommand redirect*
    | {zsh()}? simpleCommand
    ;

anonymousFunction
    : LPAREN RPAREN NEWLINE* braceGroup WORD*
    ;
