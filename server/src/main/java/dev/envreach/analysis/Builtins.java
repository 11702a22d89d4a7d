package dev.envreach.analysis;

import dev.envreach.model.Reach;
import dev.envreach.model.Tri;
import dev.envreach.syntax.Dialect;
import dev.envreach.syntax.Node;
import dev.envreach.syntax.Span;
import dev.envreach.syntax.Word;
import dev.envreach.syntax.WordPart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Simple commands: assignments, declaration builtins, source, eval, options, and everything else. */
final class Builtins {
    private static final Set<String> COMMON = Set.of(":", "true", "false", "echo", "printf", "cd", "pwd", "export",
            "unset", "set", "shift", "source", ".", "eval", "exec", "exit", "return", "test", "[", "read", "alias",
            "unalias", "type", "command", "builtin", "hash", "umask", "ulimit", "trap", "wait", "kill", "jobs",
            "fg", "bg", "getopts", "readonly", "local", "times", "break", "continue");
    private static final Set<String> BASH_ONLY = Set.of("declare", "typeset", "shopt", "bind", "complete", "compgen",
            "compopt", "mapfile", "readarray", "enable", "help", "history", "fc", "dirs", "pushd", "popd", "disown",
            "caller", "let", "logout", "suspend");
    private static final Set<String> ZSH_ONLY = Set.of("typeset", "declare", "setopt", "unsetopt", "emulate", "autoload",
            "zstyle", "bindkey", "compdef", "zmodload", "whence", "where", "which", "print", "integer", "float",
            "functions", "rehash", "unhash", "noglob", "zle", "zparseopts", "history", "fc", "dirs", "pushd", "popd",
            "disown", "let", "logout", "limit", "unlimit", "sched", "vared", "zformat", "zregexparse", "add-zsh-hook",
            "compinit", "promptinit", "repeat", "source", "log", "echotc", "zcompile", "enable", "disable", "private");

    static boolean isBuiltin(String name, Dialect d) {
        if (COMMON.contains(name)) return true;
        if (d == Dialect.BASH) return BASH_ONLY.contains(name);
        if (d == Dialect.ZSH) return ZSH_ONLY.contains(name) && !name.equals("add-zsh-hook") && !name.equals("compinit") && !name.equals("promptinit");
        return false;
    }

    private final Interpreter in;
    private final ToolEffects tools;

    Builtins(Interpreter in) {
        this.in = in;
        this.tools = new ToolEffects(in);
    }

    private Expander ex() {
        return in.ex;
    }

    // ================================================================ simple commands

    State simple(Node.SimpleCommand sc, State s, Frame.FileCtx fc) {
        codeSet = false;
        State r = simple0(sc, s, fc);
        if (r.alive != Reach.NO && !codeSet) r.code = r.status == Tri.TRUE ? Integer.valueOf(0) : null;
        codeSet = false;
        return r;
    }

    private boolean codeSet;

    private State simple0(Node.SimpleCommand sc, State s, Frame.FileCtx fc) {
        if (sc.words().isEmpty()) {
            Tri status = Tri.TRUE;
            for (Node.Assignment a : sc.assignments()) {
                status = status.and(assignment(a, s, fc, false, false));
            }
            s.status = hasCommandSubst(sc) ? Tri.UNKNOWN : status;
            return s;
        }
        // the command name and arguments
        List<AValue> argv = new ArrayList<>();
        boolean exact = true;
        for (Word w : sc.words()) {
            Expander.Fields f = ex().fields(w, s);
            argv.addAll(f.items());
            exact &= f.exact();
            if (argv.size() > 0 && argv.get(0).exact() == null) break;
        }
        if (argv.isEmpty()) {
            // the words expanded to nothing: only the assignments remain, as a plain assignment
            for (Node.Assignment a : sc.assignments()) assignment(a, s, fc, false, false);
            s.status = exact ? Tri.TRUE : Tri.UNKNOWN;
            return s;
        }
        String name = argv.get(0).exact();
        if (name == null) {
            s.status = Tri.UNKNOWN;
            if (s.tainted) in.havoc(s, "a command whose name is not known ran after unknown code");
            return s;
        }
        return dispatch(name, argv, exact, sc, s, fc, true);
    }

    private boolean hasCommandSubst(Node.SimpleCommand sc) {
        for (Node.Assignment a : sc.assignments()) {
            if (a.value() != null && hasSubst(a.value().parts())) return true;
        }
        return false;
    }

    private static boolean hasSubst(List<WordPart> parts) {
        for (WordPart p : parts) {
            if (p instanceof WordPart.CommandSubst) return true;
            if (p instanceof WordPart.DoubleQuoted d && hasSubst(d.parts())) return true;
        }
        return false;
    }

    private State dispatch(String name, List<AValue> argv, boolean exact, Node.SimpleCommand sc, State s,
                           Frame.FileCtx fc, boolean functionsToo) {
        Dialect d = in.dialect();
        // functions first (bash and zsh look functions up before builtins)
        if (functionsToo) {
            State.Fn fn = s.functions.get(name);
            if (fn != null && !name.equals("command") && !name.equals("builtin")) {
                State r = in.call(fn, argv.subList(1, argv.size()), s);
                codeSet = true;
                return r;
            }
            ToolKnowledge.Use tool = s.toolFunctions.get(name);
            if (tool != null && !name.equals("command") && !name.equals("builtin")) {
                codeSet = true;
                return tools.call(tool, name, s, fc, sc);
            }
        }
        List<AValue> args = argv.subList(1, argv.size());
        boolean special = Set.of(":", ".", "source", "eval", "exec", "exit", "export", "readonly", "return", "set",
                "shift", "times", "trap", "unset").contains(name);
        if (!sc.assignments().isEmpty() && special && d == Dialect.SH) {
            for (Node.Assignment a : sc.assignments()) assignment(a, s, fc, false, false);
        }
        switch (name) {
            case ":", "true" -> {
                s.status = Tri.TRUE;
                return s;
            }
            case "false" -> {
                s.status = Tri.FALSE;
                s.code = 1;
                codeSet = true;
                return s;
            }
            case "export", "declare", "typeset", "local", "readonly", "integer", "float", "private" -> {
                if (sc.declOperands() != null) return declaration(name, sc, s, fc);
                return declarationFromArgs(name, args, s, fc, sc);
            }
            case "unset" -> {
                return unset(args, s, fc, sc);
            }
            case "set" -> {
                return set(args, s);
            }
            case "setopt", "unsetopt" -> {
                if (d != Dialect.ZSH) break;
                return setopt(name.equals("setopt"), args, s);
            }
            case "shopt" -> {
                return shopt(args, s);
            }
            case "source", "." -> {
                if (name.equals("source") && d == Dialect.SH && !in.bashAsSh) break;
                return source(args, exact, s, fc, sc);
            }
            case "eval" -> {
                return eval(sc, args, s, fc);
            }
            case "emulate" -> {
                if (d != Dialect.ZSH) break;
                return emulate(args, s, fc, sc);
            }
            case "return" -> {
                Integer code = null;
                if (!args.isEmpty() && args.get(0).exact() != null) {
                    try {
                        code = Integer.parseInt(args.get(0).exact().trim()) & 0xff;
                    } catch (NumberFormatException e) {
                        code = null;
                    }
                }
                return in.doReturn(s, fc, sc.span(), statusArg(args), code, args.isEmpty());
            }
            case "exit", "logout" -> {
                return in.exitShell(s, "stops at the `" + name + "` on line " + fc.line(sc.span().start()));
            }
            case "exec" -> {
                if (args.isEmpty()) {
                    s.status = Tri.TRUE;
                    return s;
                }
                String prog = args.get(0).exact();
                in.notes.add(fc.shellPath() + ":" + fc.line(sc.span().start()) + ": `exec " + (prog == null ? "…" : prog)
                        + "` replaces the shell; what that program does is not modelled");
                return in.exitShell(s, "the shell is replaced by `exec` on line " + fc.line(sc.span().start()));
            }
            case "test", "[" -> {
                List<AValue> targs = new ArrayList<>(args);
                if (name.equals("[")) {
                    if (targs.isEmpty() || !"]".equals(targs.get(targs.size() - 1).exact())) {
                        s.status = Tri.UNKNOWN;
                        return s;
                    }
                    targs.remove(targs.size() - 1);
                }
                if (!exact) {
                    s.status = Tri.UNKNOWN;
                    return s;
                }
                Conditions.Result r = in.cond.test(targs, s);
                s.status = r.value();
                in.lastConditionReason = r.why();
                return s;
            }
            case "command" -> {
                return command(args, exact, sc, s, fc);
            }
            case "builtin" -> {
                if (args.isEmpty()) return s;
                String b = args.get(0).exact();
                if (b == null) {
                    s.status = Tri.UNKNOWN;
                    return s;
                }
                return dispatch(b, args, exact, sc, s, fc, false);
            }
            case "noglob", "nocorrect", "time", "nohup" -> {
                if (args.isEmpty()) return s;
                String b = args.get(0).exact();
                if (b == null || name.equals("nohup")) {
                    s.status = Tri.UNKNOWN;
                    return s;
                }
                return dispatch(b, args, exact, sc, s, fc, true);
            }
            case "type", "hash", "which", "whence", "where" -> {
                if (name.equals("hash") && (args.isEmpty() || args.get(0).exact() != null && args.get(0).exact().startsWith("-"))) {
                    s.status = Tri.UNKNOWN;
                    return s;
                }
                Tri all = Tri.TRUE;
                int count = 0;
                for (AValue a : args) {
                    String n = a.exact();
                    if (n == null) {
                        all = Tri.UNKNOWN;
                        continue;
                    }
                    if (n.startsWith("-")) continue;
                    count++;
                    all = all.and(in.commandExists(n, s, !name.equals("hash")));
                }
                s.status = count == 0 ? Tri.UNKNOWN : all;
                return s;
            }
            case "cd", "pushd", "popd" -> {
                for (String v : List.of("PWD", "OLDPWD")) {
                    Var pv = s.get(v);
                    if (pv != null && pv.set != Tri.FALSE) pv.value = AValue.unknownNonEmpty("(a directory)");
                    else if (v.equals("OLDPWD")) {
                        in.assign(s, v, AValue.unknownNonEmpty("(a directory)"), in.origin(fc, sc.span()), false);
                    }
                }
                s.status = Tri.UNKNOWN;
                return s;
            }
            case "read", "mapfile", "readarray", "getopts", "vared" -> {
                for (AValue a : args) {
                    String n = a.exact();
                    if (n != null && dev.envreach.syntax.TreeWalk.isName(n)) {
                        in.assign(s, n, AValue.unknown("$" + n + " (read at run time)"), in.origin(fc, sc.span()), false);
                    }
                }
                if (args.isEmpty() && name.equals("read")) in.assign(s, "REPLY", AValue.unknown("$REPLY"), in.origin(fc, sc.span()), false);
                s.status = Tri.UNKNOWN;
                return s;
            }
            case "printf" -> {
                for (int i = 0; i + 1 < args.size(); i++) {
                    if ("-v".equals(args.get(i).exact())) {
                        String n = args.get(i + 1).exact();
                        if (n != null) in.assign(s, n, AValue.unknown("$" + n + " (printf -v)"), in.origin(fc, sc.span()), false);
                    }
                }
                s.status = Tri.TRUE;
                return s;
            }
            case "let" -> {
                StringBuilder sb = new StringBuilder();
                for (AValue a : args) sb.append(a.labels()).append(' ');
                return arith(sb.toString(), s, fc, sc.span());
            }
            case "shift" -> {
                s.status = Tri.UNKNOWN;
                return s;
            }
            case "break", "continue" -> {
                return in.loopJump(s, name.equals("break"), fc, sc.span());
            }
            case "autoload" -> {
                for (AValue a : args) {
                    String n = a.exact();
                    if (n != null && !n.startsWith("-") && !n.startsWith("+")) autoloaded.add(n);
                }
                s.status = Tri.TRUE;
                return s;
            }
            case "echo", "print", "alias", "unalias", "umask", "ulimit", "trap", "bind", "complete", "compdef", "zstyle",
                 "bindkey", "zmodload", "compopt", "history", "enable", "disable", "zle", "rehash", "unhash", "limit",
                 "unlimit", "wait", "jobs", "disown", "fc", "dirs", "pwd" -> {
                s.status = Tri.TRUE;
                return s;
            }
            default -> {
            }
        }
        return external(name, args, s, fc, sc);
    }

    private final Set<String> autoloaded = new java.util.HashSet<>();

    /** A command that is not a builtin: another process, which cannot change this shell's variables. */
    private State external(String name, List<AValue> args, State s, Frame.FileCtx fc, Node.SimpleCommand sc) {
        if (s.tainted && !autoloaded.contains(name)) {
            // unknown code may have defined a function of this name
            in.havoc(s, "`" + name + "` may be a function defined by code not known here",
                    "`" + name + "` at " + in.where(fc, sc.span()) + " may be a function of unknown code");
        }
        Tri found = in.commandExists(name, s, true);
        if (found != Tri.TRUE && !autoloaded.contains(name)) {
            // a command not found runs the not-found handler a tool may have defined (mise activate)
            String handler = in.dialect() == Dialect.ZSH ? "command_not_found_handler" : "command_not_found_handle";
            ToolKnowledge.Use tool = s.toolFunctions.get(handler);
            if (tool != null) {
                codeSet = true;
                return tools.call(tool, handler, s, fc, sc);
            }
        }
        if (found == Tri.FALSE && !autoloaded.contains(name)) {
            s.status = Tri.FALSE; // command not found
            s.code = 127;
            codeSet = true;
            in.lastConditionReason = "`" + name + "` is not found";
            return s;
        }
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (FILE_CHANGING.contains(base)) {
            // the files it names may exist now (or no longer): later tests on them are not known
            for (AValue a : args) {
                String e = a.exact();
                if (e != null && e.startsWith("-")) continue;
                if (base.equals("mkdir") && e != null && e.startsWith("/") && !in.facts.pure()
                        && in.facts.exists(e) == Tri.FALSE && !Interpreter.touched(s, e)) {
                    s.created.add(e); // a new, empty directory (if mkdir succeeds)
                    continue;
                }
                String known = e != null ? e : a.knownPrefix();
                (REMOVING.contains(base) ? s.removed : s.touched).add(known.startsWith("/") ? known : "");
            }
        }
        s.status = Tri.UNKNOWN;
        return s;
    }

    /** Of those, the ones that never create a file (what was absent stays absent). */
    private static final Set<String> REMOVING = Set.of("rm", "rmdir", "chmod", "chown");

    /** Commands that create, remove or change the files their arguments name. */
    private static final Set<String> FILE_CHANGING = Set.of("mkdir", "touch", "ln", "cp", "mv", "rm", "rmdir",
            "install", "git", "curl", "wget", "tar", "unzip", "rsync", "chmod", "chown", "mktemp", "mkfifo");

    private static Tri statusArg(List<AValue> args) {
        if (args.isEmpty()) return Tri.UNKNOWN;
        String e = args.get(0).exact();
        if (e == null) return Tri.UNKNOWN;
        return Tri.of(e.trim().equals("0"));
    }

    // ================================================================ assignments

    /** {@code NAME=value} (or a declaration operand). Returns the status of its substitutions. */
    Tri assignment(Node.Assignment a, State s, Frame.FileCtx fc, boolean export, boolean local) {
        String name = a.name();
        Origin o = in.origin(fc, a.span());
        ex().referenced.clear();
        if (a.array() != null) {
            List<AValue> els = new ArrayList<>();
            boolean exact = true;
            for (Word w : a.array()) {
                Expander.Fields f = ex().fields(w, s);
                els.addAll(f.items());
                exact &= f.exact();
            }
            boolean self = ex().referenced.contains(name) || Interpreter.TIED_ARRAYS.containsKey(name)
                    && ex().referenced.contains(Interpreter.TIED_ARRAYS.get(name));
            if (a.append()) {
                List<AValue> old = currentArray(s, name);
                if (old == null) exact = false;
                else {
                    List<AValue> all = new ArrayList<>(old);
                    all.addAll(els);
                    els = all;
                }
                self = true;
            }
            in.assignArray(s, name, els, exact, o, self);
            if (export) markExported(s, name, Tri.TRUE);
            return Tri.TRUE;
        }
        if (a.index() != null) {
            Var v = s.getOrCreate(name);
            if (in.dialect() == Dialect.ZSH && Interpreter.TIED_ARRAYS.containsKey(name)) {
                String scalar = Interpreter.TIED_ARRAYS.get(name);
                in.havocNames(s, List.of(scalar), o);
                return Tri.TRUE;
            }
            if (in.dialect() != Dialect.ZSH || v.set == Tri.FALSE) v.isArray = Tri.TRUE; // zsh: x[1]=y on a scalar edits it
            v.array = null;
            v.value = AValue.unknown("$" + name);
            v.set = Tri.TRUE;
            v.provenance.add(o);
            v.origin = o;
            return Tri.TRUE;
        }
        AValue value = ex().scalar(a.value(), s, Expander.Tilde.ASSIGNMENT);
        boolean self = ex().referenced.contains(name);
        if (in.dialect() == Dialect.ZSH && Interpreter.TIED_ARRAYS.containsKey(name)) {
            // path=value assigns one element
            in.assignArray(s, name, List.of(value), true, o, self);
        } else {
            if (a.append()) {
                Var old = s.get(name);
                AValue base = old == null || old.set == Tri.FALSE ? AValue.EMPTY
                        : old.set == Tri.TRUE && old.value != null ? old.value : AValue.unknown("$" + name);
                if (old != null && old.array != null) {
                    List<AValue> all = new ArrayList<>(old.array);
                    all.add(value);
                    in.assignArray(s, name, all, true, o, true);
                    return Tri.TRUE;
                }
                value = base.concat(value);
                self = true;
            }
            in.assign(s, name, value, o, self);
        }
        if (export) markExported(s, Interpreter.TIED_ARRAYS.getOrDefault(name, name), Tri.TRUE);
        return hasSubst(a.value() == null ? List.of() : a.value().parts()) ? Tri.UNKNOWN : Tri.TRUE;
    }

    private List<AValue> currentArray(State s, String name) {
        if (in.dialect() == Dialect.ZSH && Interpreter.TIED_ARRAYS.containsKey(name)) return in.tiedElements(s, name);
        Var v = s.get(name);
        if (v == null || v.set == Tri.FALSE) return List.of();
        if (v.set != Tri.TRUE) return null;
        if (v.array != null) return v.array;
        if (v.value != null) return List.of(v.value);
        return null;
    }

    private static void markExported(State s, String name, Tri how) {
        Var v = s.getOrCreate(name);
        v.exported = how;
    }

    // ================================================================ declarations

    private State declaration(String builtin, Node.SimpleCommand sc, State s, Frame.FileCtx fc) {
        Dialect d = in.dialect();
        boolean inFunction = inFunction();
        Tri export = builtin.equals("export") ? Tri.TRUE : Tri.FALSE;
        boolean unexport = false;
        boolean global = builtin.equals("export") || builtin.equals("readonly");
        boolean readonly = builtin.equals("readonly");
        boolean unique = false;
        boolean functions = false;
        boolean print = false;
        boolean nameref = false;
        boolean integer = builtin.equals("integer");
        boolean array = false;
        boolean assoc = false;
        boolean flagsDone = false;
        boolean any = false;
        for (Node.DeclOperand op : sc.declOperands()) {
            if (op.assignment() == null) {
                Expander.Fields f = ex().fields(op.word(), s);
                if (!f.exact()) {
                    in.notes.add(fc.shellPath() + ":" + fc.line(sc.span().start()) + ": `" + builtin + "` with an operand not known here");
                    continue;
                }
                for (AValue item : f.items()) {
                    // a word that is not an assignment as written but expands to one: export NAME_$x=value
                    String known = item.knownPrefix();
                    int eq = known.indexOf('=');
                    if (flagsDone || !known.startsWith("-") && !known.startsWith("+")) {
                        if (eq > 0 && dev.envreach.syntax.TreeWalk.isName(known.substring(0, eq))) {
                            flagsDone = true;
                            if (functions || print) continue;
                            any = true;
                            List<AValue> pieces = item.split('=');
                            AValue value = AValue.join(pieces.subList(1, pieces.size()), "=");
                            declareExpandedAssignment(builtin, known.substring(0, eq), value, s, fc, op, export, unexport,
                                    global, readonly, inFunction, array);
                            continue;
                        }
                    }
                    String v = item.exact();
                    if (v == null) {
                        in.notes.add(fc.shellPath() + ":" + fc.line(sc.span().start()) + ": `" + builtin
                                + "` with an operand not known here");
                        continue;
                    }
                    if (!flagsDone && v.length() > 1 && (v.startsWith("-") || v.startsWith("+"))) {
                        if (v.equals("--")) {
                            flagsDone = true;
                            continue;
                        }
                        boolean minus = v.startsWith("-");
                        for (char c : v.substring(1).toCharArray()) {
                            switch (c) {
                                case 'x' -> {
                                    if (minus) export = Tri.TRUE;
                                    else unexport = true;
                                }
                                case 'n' -> {
                                    if (builtin.equals("export") && minus) unexport = true;
                                    else if (minus && d == Dialect.BASH) nameref = true;
                                }
                                case 'g' -> global = minus;
                                case 'r' -> readonly = minus;
                                case 'U' -> unique = minus && d == Dialect.ZSH;
                                case 'i' -> integer = minus;
                                case 'a' -> array = minus && !builtin.equals("export");
                                case 'A' -> {
                                    array = minus && !builtin.equals("export");
                                    assoc = array;
                                }
                                case 'f', 'F' -> functions = true;
                                case 'p' -> print = true;
                                default -> {
                                }
                            }
                        }
                        continue;
                    }
                    flagsDone = true;
                    if (functions || print) continue;
                    if (!dev.envreach.syntax.TreeWalk.isName(v)) continue;
                    any = true;
                    declareName(builtin, v, s, fc, sc, export, unexport, global, readonly, unique, inFunction, nameref);
                    boolean tied = d == Dialect.ZSH
                            && (Interpreter.TIED.containsKey(v) || Interpreter.TIED_ARRAYS.containsKey(v));
                    if (array && !tied) s.getOrCreate(v).isArray = Tri.TRUE; // zsh: path stays tied to PATH
                    if (assoc && !tied) markAssoc(s.getOrCreate(v));
                }
                continue;
            }
            flagsDone = true;
            if (functions || print) continue;
            any = true;
            Node.Assignment a = op.assignment();
            boolean local = isLocal(builtin, global, inFunction, export);
            if (local) saveLocal(s, a.name());
            if (nameref) {
                in.havocNames(s, List.of(a.name()), in.origin(fc, a.span()));
                continue;
            }
            if (unique) uniqueName(s, a.name());
            if (readonly) {
                Var v = s.get(a.name());
                if (v != null && v.readonly) continue;
            }
            Tri st = assignment(a, s, fc, false, local);
            String target = d == Dialect.ZSH ? Interpreter.TIED_ARRAYS.getOrDefault(a.name(), a.name()) : a.name();
            Var v = s.getOrCreate(target);
            if (integer && v.value != null && a.array() == null) {
                String e = v.value.exact();
                Long n = e == null ? null : in.arith(e.isBlank() ? "0" : e, s);
                v.value = n == null ? AValue.unknown("$" + target + " (arithmetic)") : AValue.of(Long.toString(n));
            }
            if (unexport) v.exported = Tri.FALSE;
            else if (export == Tri.TRUE) v.exported = Tri.TRUE;
            if (readonly) v.readonly = true;
            if (array && !Interpreter.TIED.containsKey(target)) v.isArray = Tri.TRUE;
            if (assoc && !Interpreter.TIED.containsKey(target)) markAssoc(v);
            if (st == Tri.UNKNOWN && builtin.equals("local")) s.status = Tri.TRUE;
        }
        if (!any && !print && !functions && flagsDone && unique) {
            // typeset -U with no names: nothing
        }
        s.status = Tri.TRUE;
        return s;
    }

    /**
     * typeset -A: an associative array. zsh's {@code (k1 v1 k2 v2)} list is kept as pairs (an odd count
     * is an error); bash's {@code ([k]=v)} elements are not modelled, so its shape becomes unknown.
     */
    private void markAssoc(Var v) {
        v.assoc = true;
        v.isArray = Tri.TRUE;
        if (v.array != null && (in.dialect() != Dialect.ZSH || v.array.size() % 2 != 0)) {
            v.array = null;
            v.value = AValue.unknown("(associative array)");
        }
    }

    /** An operand that expanded to {@code NAME=value}: assigned like an assignment operand, value taken as is. */
    private void declareExpandedAssignment(String builtin, String name, AValue value, State s, Frame.FileCtx fc,
                                           Node.DeclOperand op, Tri export, boolean unexport, boolean global,
                                           boolean readonly, boolean inFunction, boolean array) {
        Dialect d = in.dialect();
        if (isLocal(builtin, global, inFunction, export)) saveLocal(s, name);
        String target = d == Dialect.ZSH ? Interpreter.TIED_ARRAYS.getOrDefault(name, name) : name;
        Var old = s.get(target);
        if (old != null && old.readonly) return;
        Origin o = in.origin(fc, op.word().span());
        if (d == Dialect.ZSH && Interpreter.TIED_ARRAYS.containsKey(name)) {
            in.assignArray(s, name, List.of(value), true, o, false);
        } else {
            in.assign(s, name, value, o, false);
        }
        Var v = s.getOrCreate(target);
        if (unexport) v.exported = Tri.FALSE;
        else if (export == Tri.TRUE) v.exported = Tri.TRUE;
        if (readonly) v.readonly = true;
        if (array && !Interpreter.TIED.containsKey(target)) v.isArray = Tri.TRUE;
    }

    private void declareName(String builtin, String name, State s, Frame.FileCtx fc, Node.SimpleCommand sc, Tri export,
                             boolean unexport, boolean global, boolean readonly, boolean unique, boolean inFunction,
                             boolean nameref) {
        Dialect d = in.dialect();
        boolean local = isLocal(builtin, global, inFunction, export);
        if (local) {
            saveLocal(s, name);
            Var v = new Var();
            if (d == Dialect.ZSH && !unique) {
                v.value = AValue.EMPTY;
                v.set = Tri.TRUE;
                v.origin = in.origin(fc, sc.span());
                v.provenance.add(v.origin);
            }
            s.vars.put(name, v);
        }
        if (nameref) {
            in.havocNames(s, List.of(name), in.origin(fc, sc.span()));
            return;
        }
        if (unique) {
            uniqueName(s, name);
            return;
        }
        String target = d == Dialect.ZSH ? Interpreter.TIED_ARRAYS.getOrDefault(name, name) : name;
        Var v = s.getOrCreate(target);
        if (unexport) v.exported = Tri.FALSE;
        else if (export == Tri.TRUE) {
            v.exported = Tri.TRUE;
            Origin o = in.origin(fc, sc.span());
            if (v.set != Tri.FALSE) v.provenance.add(o);
        }
        if (readonly) v.readonly = true;
        if (d == Dialect.ZSH && !local && v.set == Tri.FALSE && (builtin.equals("typeset") || builtin.equals("declare")
                || builtin.equals("integer") || builtin.equals("float"))) {
            v.value = AValue.EMPTY;
            v.set = Tri.TRUE;
            v.origin = in.origin(fc, sc.span());
        }
    }

    private void uniqueName(State s, String name) {
        s.unique.add(name);
        String other = Interpreter.TIED_ARRAYS.containsKey(name) ? Interpreter.TIED_ARRAYS.get(name) : Interpreter.TIED.get(name);
        if (other != null) s.unique.add(other);
        // applying -U to an existing value removes duplicates at once
        String scalar = Interpreter.TIED_ARRAYS.getOrDefault(name, name);
        Var v = s.get(scalar);
        if (v != null && v.set == Tri.TRUE && v.value != null && Interpreter.TIED.containsKey(scalar)) {
            List<AValue> els = v.value.split(':');
            List<AValue> out = new ArrayList<>();
            Set<String> seen = new java.util.HashSet<>();
            for (AValue e : els) {
                String x = e.exact();
                if (x != null && !seen.add(x)) continue;
                out.add(e);
            }
            v.value = AValue.join(out, ":");
        }
    }

    private boolean isLocal(String builtin, boolean global, boolean inFunction, Tri export) {
        if (!inFunction || global) return false;
        // zsh: GLOBAL_EXPORT (on by default) makes typeset -x global; local -x stays local
        if (in.dialect() == Dialect.ZSH && export == Tri.TRUE && !builtin.equals("local") && !builtin.equals("private")) return false;
        if (builtin.equals("local") || builtin.equals("private")) return true;
        return builtin.equals("declare") || builtin.equals("typeset") || builtin.equals("integer") || builtin.equals("float");
    }

    private boolean inFunction() {
        Frame f = in.frames.peek();
        return f != null && f.kind == Frame.Kind.FUNCTION && f.file != null;
    }

    private void saveLocal(State s, String name) {
        Frame f = in.frames.peek();
        if (f == null || f.kind != Frame.Kind.FUNCTION) return;
        if (!f.savedLocals.containsKey(name)) {
            Var old = s.get(name);
            f.savedLocals.put(name, old == null ? null : old.copy());
        }
    }

    /** A declaration builtin the parser did not give operands for (reached through `builtin` / `command`). */
    private State declarationFromArgs(String builtin, List<AValue> args, State s, Frame.FileCtx fc, Node.SimpleCommand sc) {
        for (AValue a : args) {
            String v = a.exact();
            if (v == null) continue;
            int eq = v.indexOf('=');
            String n = eq < 0 ? v : v.substring(0, eq);
            if (!dev.envreach.syntax.TreeWalk.isName(n)) continue;
            if (eq >= 0) in.assign(s, n, AValue.of(v.substring(eq + 1)), in.origin(fc, sc.span()), false);
            if (builtin.equals("export")) markExported(s, n, Tri.TRUE);
        }
        s.status = Tri.TRUE;
        return s;
    }

    private State unset(List<AValue> args, State s, Frame.FileCtx fc, Node.SimpleCommand sc) {
        boolean fn = false;
        for (AValue a : args) {
            String n = a.exact();
            if (n == null) {
                in.notes.add(fc.shellPath() + ":" + fc.line(sc.span().start()) + ": unset of a name not known here");
                continue;
            }
            if (n.equals("-f")) {
                fn = true;
                continue;
            }
            if (n.equals("-v")) {
                fn = false;
                continue;
            }
            if (n.startsWith("-")) continue;
            if (fn) {
                s.functions.remove(n);
                s.toolFunctions.remove(n);
                continue;
            }
            if ((s.functions.containsKey(n) || s.toolFunctions.containsKey(n)) && in.dialect() == Dialect.BASH && !s.vars.containsKey(n)) {
                s.functions.remove(n);
                s.toolFunctions.remove(n);
                continue;
            }
            String target = in.dialect() == Dialect.ZSH ? Interpreter.TIED_ARRAYS.getOrDefault(n, n) : n;
            Var v = s.get(target);
            if (v != null && v.readonly) continue;
            Var u = new Var();
            u.origin = in.origin(fc, sc.span());
            u.provenance.add(u.origin);
            if (v != null && in.dialect() == Dialect.ZSH && v.exported != Tri.FALSE) {
                // zsh keeps nothing of an unset parameter either
                u.exported = Tri.FALSE;
            }
            s.vars.put(target, u);
        }
        s.status = Tri.TRUE;
        return s;
    }

    private State set(List<AValue> args, State s) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).exact();
            if (a == null) {
                s.allexport = s.allexport.or(Tri.UNKNOWN);
                continue;
            }
            if (a.equals("--")) {
                List<AValue> rest = new ArrayList<>(args.subList(i + 1, args.size()));
                setPositional(rest);
                break;
            }
            if ((a.equals("-o") || a.equals("+o")) && i + 1 < args.size()) {
                String opt = args.get(++i).exact();
                boolean on = a.equals("-o");
                if (opt == null) continue;
                String n = opt.toLowerCase(Locale.ROOT).replace("_", "");
                if (n.equals("allexport")) s.allexport = Tri.of(on);
                if (n.equals("posix")) s.posix = Tri.of(on);
                continue;
            }
            if ((a.startsWith("-") || a.startsWith("+")) && a.length() > 1) {
                boolean on = a.startsWith("-");
                if (a.indexOf('a') > 0) s.allexport = Tri.of(on);
                continue;
            }
            // positional parameters
            setPositional(new ArrayList<>(args.subList(i, args.size())));
            break;
        }
        s.status = Tri.TRUE;
        return s;
    }

    private void setPositional(List<AValue> values) {
        Frame f = in.frames.peek();
        if (f == null || f.positional == null) return;
        f.positional.clear();
        f.positional.addAll(values);
    }

    private State setopt(boolean on, List<AValue> args, State s) {
        for (AValue a : args) {
            String opt = a.exact();
            if (opt == null) {
                s.allexport = s.allexport.or(Tri.UNKNOWN);
                continue;
            }
            boolean value = on;
            String n = opt.toLowerCase(Locale.ROOT).replace("_", "");
            if (n.startsWith("no") && !n.equals("notify") && !n.equals("nomatch")) {
                value = !value;
                n = n.substring(2);
            }
            switch (n) {
                case "allexport" -> s.allexport = Tri.of(value);
                case "rcs" -> s.rcs = Tri.of(value);
                case "globalrcs" -> s.globalRcs = Tri.of(value);
                default -> {
                }
            }
        }
        s.status = Tri.TRUE;
        return s;
    }

    private State shopt(List<AValue> args, State s) {
        boolean query = false;
        List<String> names = new ArrayList<>();
        for (AValue a : args) {
            String v = a.exact();
            if (v == null) {
                s.status = Tri.UNKNOWN;
                return s;
            }
            if (v.startsWith("-")) {
                if (v.contains("q")) query = true;
                continue;
            }
            names.add(v);
        }
        if (query && names.size() == 1 && names.get(0).equals("login_shell")) {
            s.status = Tri.of(in.login);
            in.lastConditionReason = in.login ? "a login shell" : "not a login shell";
            return s;
        }
        s.status = query ? Tri.UNKNOWN : Tri.TRUE;
        return s;
    }

    private State command(List<AValue> args, boolean exact, Node.SimpleCommand sc, State s, Frame.FileCtx fc) {
        if (args.isEmpty()) {
            s.status = Tri.TRUE;
            return s;
        }
        String first = args.get(0).exact();
        if ("-v".equals(first) || "-V".equals(first)) {
            Tri all = Tri.TRUE;
            if (args.size() < 2) {
                s.status = Tri.FALSE;
                return s;
            }
            for (AValue a : args.subList(1, args.size())) {
                String n = a.exact();
                all = all.and(n == null ? Tri.UNKNOWN : in.commandExists(n, s, true));
            }
            s.status = all;
            String n = args.get(1).exact();
            if (n != null) in.lastConditionReason = "`" + n + "` " + (all == Tri.TRUE ? "is found" : all == Tri.FALSE ? "is not found" : "may or may not be found") + " on PATH here";
            return s;
        }
        if (first == null) {
            s.status = Tri.UNKNOWN;
            return s;
        }
        if (first.startsWith("-")) {
            if (args.size() < 2) return s;
            first = args.get(1).exact();
            args = args.subList(1, args.size());
            if (first == null) {
                s.status = Tri.UNKNOWN;
                return s;
            }
        }
        return dispatch(first, args, exact, sc, s, fc, false);
    }

    // ================================================================ source and eval

    private State source(List<AValue> args, boolean exact, State s, Frame.FileCtx fc, Node.SimpleCommand sc) {
        int line = fc.line(sc.span().start());
        if (args.isEmpty()) {
            s.status = Tri.FALSE;
            return s;
        }
        AValue pathV = args.get(0);
        String path = pathV.exact();
        String via = "sourced from " + fc.shellPath() + ":" + line;
        ToolKnowledge.Use tool = toolOutput(pathV);
        if (tool != null) {
            // source <(fzf --bash), . <(kubectl completion bash): the tool's output is read like eval of it
            return tools.evaluate(tool, s, fc, sc);
        }
        if (path == null && in.surelyAbsent(pathV, s)) {
            String dir = pathV.knownPrefix().substring(0, pathV.knownPrefix().lastIndexOf('/'));
            return in.missingSource(s, pathV.labels(), "does not exist: " + dir + " is not a directory here",
                    new Node.Statement(sc.span(), sc, false));
        }
        if (path == null || !exact && args.size() == 1) {
            String where = in.where(fc, sc.span());
            return in.unknownFile(s, pathV.labels(), "the path `" + pathV.labels() + "` is not known here (" + fc.shellPath() + ":" + line + ")",
                    Interpreter.shortText(fc.text(sc.span().start(), sc.span().end())) + " at " + where + " may change it");
        }
        List<AValue> positional = args.size() > 1 ? new ArrayList<>(args.subList(1, args.size())) : null;
        if (!path.startsWith("/")) {
            if (!path.contains("/")) {
                // searched in PATH (then, for bash, the current directory): not known here
                return in.unknownFile(s, path, "a name without a slash is looked up in PATH and the working directory (" + fc.shellPath() + ":" + line + ")");
            }
            return in.unknownFile(s, path, "a relative path depends on the working directory (" + fc.shellPath() + ":" + line + ")");
        }
        Node.Statement st = new Node.Statement(sc.span(), sc, false);
        if (Interpreter.touched(s, path) && in.facts.exists(path) != Tri.TRUE) {
            return in.unknownFile(s, path, "an earlier command may have created or changed it (" + fc.shellPath() + ":" + line + ")");
        }
        return in.source(s, path, via, positional, st);
    }

    private State eval(Node.SimpleCommand sc, List<AValue> args, State s, Frame.FileCtx fc) {
        List<String> parts = new ArrayList<>();
        boolean known = true;
        for (AValue a : args) {
            String e = a.exact();
            if (e == null) {
                known = false;
                break;
            }
            parts.add(e);
        }
        if (known) {
            return in.evalText(String.join(" ", parts), s, in.dialect(), fc);
        }
        // tool knowledge: eval "$(dircolors -b)", eval "$__conda_setup" holding $(conda shell.bash hook), …
        List<ToolKnowledge.Use> uses = toolOutputs(args);
        if (uses != null) {
            for (ToolKnowledge.Use u : uses) s = tools.evaluate(u, s, fc, sc);
            return s;
        }
        String text = Interpreter.oneLine(fc.text(sc.span().start(), sc.span().end()));
        String where = in.where(fc, sc.span());
        in.havoc(s, "eval of text not known here at " + fc.shellPath() + ":" + fc.line(sc.span().start()) + " (`" + text + "`)",
                Interpreter.shortText(text) + " at " + where + " may change it");
        s.status = Tri.UNKNOWN;
        return s;
    }

    /** The tools whose output makes up all of the eval's text (blanks aside), or null. */
    private static List<ToolKnowledge.Use> toolOutputs(List<AValue> args) {
        List<ToolKnowledge.Use> uses = new ArrayList<>();
        for (AValue a : args) {
            for (AValue.Seg seg : a.segs()) {
                if (seg instanceof AValue.Lit l && l.text().isBlank()) continue;
                if (seg instanceof AValue.Unk u && u.tool() != null) {
                    if (!uses.contains(u.tool())) uses.add(u.tool());
                    continue;
                }
                return null;
            }
        }
        return uses.isEmpty() ? null : uses;
    }

    /** {@code <(tool …)}: the path of a process substitution running a known tool. */
    private static ToolKnowledge.Use toolOutput(AValue path) {
        if (path.segs().size() != 1 || !(path.segs().get(0) instanceof AValue.Unk u)) return null;
        return u.tool();
    }

    private State emulate(List<AValue> args, State s, Frame.FileCtx fc, Node.SimpleCommand sc) {
        String mode = null;
        String code = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).exact();
            if (a == null) {
                s.status = Tri.UNKNOWN;
                return s;
            }
            if (a.equals("-c") && i + 1 < args.size()) {
                code = args.get(i + 1).exact();
                if (code == null) {
                    in.havoc(s, "emulate -c with code not known here");
                    return s;
                }
                i++;
            } else if (!a.startsWith("-")) {
                mode = a;
            }
        }
        if (code == null) {
            s.status = Tri.TRUE;
            return s;
        }
        Dialect d = mode != null && (mode.equals("sh") || mode.equals("ksh")) ? Dialect.SH : Dialect.ZSH;
        Dialect saved = in.emulation;
        in.emulation = d;
        try {
            return in.evalText(code, s, d, fc);
        } finally {
            in.emulation = saved;
        }
    }

    // ================================================================ arithmetic

    private static final Pattern COMMANDS = Pattern.compile("^\\s*\\$?\\{?\\+commands\\[([^\\]]+)\\]\\}?\\s*$");
    private static final Pattern ASSIGN = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(\\+\\+|--|[-+*/%]?=(?!=))");

    State arith(String expr, State s, Frame.FileCtx fc, Span span) {
        Matcher m = COMMANDS.matcher(expr);
        if (m.matches()) {
            s.status = in.commandExists(m.group(1).trim(), s, false);
            in.lastConditionReason = "`" + m.group(1).trim() + "` " + (s.status == Tri.TRUE ? "is" : s.status == Tri.FALSE ? "is not" : "may be") + " a command here";
            return s;
        }
        Long v = in.arith(expr, s);
        if (v == null) {
            Matcher a = ASSIGN.matcher(expr);
            while (a.find()) {
                String n = a.group(1);
                in.assign(s, n, AValue.unknown("$" + n + " (arithmetic)"), in.origin(fc, span), true);
            }
            s.status = Tri.UNKNOWN;
            return s;
        }
        s.status = Tri.of(v != 0);
        return s;
    }

    static boolean alive(State s) {
        return s.alive != Reach.NO;
    }
}
