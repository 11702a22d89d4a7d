package dev.envreach.analysis;

import dev.envreach.facts.Facts;
import dev.envreach.model.ChainStep;
import dev.envreach.model.Mode;
import dev.envreach.model.Platform;
import dev.envreach.model.Reach;
import dev.envreach.model.Tri;
import dev.envreach.syntax.Dialect;
import dev.envreach.syntax.Node;
import dev.envreach.syntax.ParseResult;
import dev.envreach.syntax.Parser;
import dev.envreach.syntax.Span;
import dev.envreach.syntax.TreeWalk;
import dev.envreach.syntax.Word;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The abstract interpreter: runs the startup files of one context, shell after shell, on abstract
 * values. Never executes anything; asks the machine only through {@link Facts}.
 */
final class Interpreter {
    static final int MAX_SOURCE_DEPTH = 32;
    static final int MAX_CALL_DEPTH = 8;
    static final int MAX_LOOP_UNROLL = 64;
    static final int MAX_STEPS = 20_000;

    final Facts facts;
    final Platform platform;
    final Workspace ws;
    final Expander ex = new Expander(this);
    final Conditions cond = new Conditions(this);
    final Builtins builtins = new Builtins(this);

    // results of the context
    final Map<Path, Map<Span, StatementReach>> reach = new LinkedHashMap<>();
    final List<FileVisit> files = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** Per file and statement span: the variables the statement changed, as they are right after it. */
    final Map<Path, Map<Span, Map<String, ValuesAfter.Recorded>>> valuesAfter = new LinkedHashMap<>();
    final ValuesAfter after = new ValuesAfter(this);

    // the shell being interpreted
    ChainStep step;
    Mode mode;
    Dialect dialect;
    boolean interactive;
    boolean login;
    boolean bashAsSh;
    final List<State> exits = new ArrayList<>();
    final Deque<Frame> frames = new ArrayDeque<>();
    final Deque<Path> sourcing = new ArrayDeque<>();
    Reach pathReach = Reach.YES;
    String pathReason;
    int callDepth;
    int steps;
    /** Which shell of the chain is running (1 for the first). */
    int stepIndex;
    /** Sourced files and function calls entered: statements inside them report to their caller. */
    int callLevel;
    /** Subshells entered: their changes never reach the shell, so values after their statements are not recorded. */
    int subshellDepth;
    Dialect emulation;

    Interpreter(Facts facts, Platform platform, Workspace ws) {
        this.facts = facts;
        this.platform = platform;
        this.ws = ws;
    }

    // ================================================================ shells

    /** Runs one shell of the chain from the environment its parent exported; returns its final state. */
    State runShell(ChainStep step, State parent, boolean firstProcess) {
        this.step = step;
        this.stepIndex++;
        this.mode = step.mode();
        this.dialect = mode.dialect(platform);
        this.interactive = mode.interactive();
        this.login = mode.login();
        this.bashAsSh = mode.shell() == Mode.ShellKind.SH && platform.binShIsBash();
        this.exits.clear();
        this.frames.clear();
        this.pathReach = Reach.YES;
        this.pathReason = null;
        this.emulation = null;
        State s = inherit(parent);
        Var shlvlIn = s.get("SHLVL");
        Tri sshRuleLevel = shlvlBelowTwo(shlvlIn);
        initShellVariables(s);
        frames.push(new Frame(Frame.Kind.FILE, null, List.of()));
        s = startup(s, sshRuleLevel);
        frames.clear();
        if (s.alive == Reach.NO) {
            notes.add(mode.id() + ": the shell always exits during its startup files; its program never runs");
            State m = null;
            for (State e : exits) m = m == null ? e : State.merge(m, e);
            if (m != null) {
                m.alive = Reach.MAYBE;
                for (Var v : m.vars.values()) if (v.exported != Tri.FALSE) v.exported = Tri.UNKNOWN;
                return m;
            }
        }
        s.alive = Reach.YES;
        return s;
    }

    /** The child's variables: only the exported ones survive the exec. */
    private State inherit(State parent) {
        State s = new State();
        s.tainted = parent.tainted;
        s.taintReason = parent.taintReason;
        for (Map.Entry<String, Var> e : parent.vars.entrySet()) {
            Var pv = e.getValue();
            Tri present = pv.inEnvironment();
            if (present == Tri.FALSE) continue;
            if (pv.array != null && pv.value == null) continue;
            Var v = new Var();
            v.value = pv.value;
            v.set = present;
            v.exported = present;
            v.origin = pv.origin;
            v.provenance = new ArrayList<>(pv.provenance);
            s.vars.put(e.getKey(), v);
        }
        return s;
    }

    private static Tri shlvlBelowTwo(Var in) {
        if (in == null || in.set == Tri.FALSE) return Tri.TRUE;
        String e = in.value == null ? null : in.value.exact();
        if (in.set != Tri.TRUE || e == null) return Tri.UNKNOWN;
        int level;
        try {
            level = Integer.parseInt(e.trim());
        } catch (NumberFormatException x) {
            level = 0;
        }
        Tri below = Tri.of(level + 1 < 2);
        return below;
    }

    /** Variables the shell itself sets when it starts. */
    private void initShellVariables(State s) {
        Origin shell = new Origin(Origin.SHELL, null, 0, null, mode.id() + " sets it at startup");
        boolean bash = mode.shell() == Mode.ShellKind.BASH || bashAsSh;
        boolean zsh = mode.shell() == Mode.ShellKind.ZSH;
        if (bash || zsh) {
            Var lvl = s.get("SHLVL");
            int level = 0;
            boolean known = lvl == null || lvl.set == Tri.FALSE;
            if (lvl != null && lvl.set == Tri.TRUE && lvl.value != null && lvl.value.exact() != null) {
                known = true;
                try {
                    level = Integer.parseInt(lvl.value.exact().trim());
                } catch (NumberFormatException e) {
                    level = 0;
                }
            }
            shellVar(s, "SHLVL", known ? AValue.of(Integer.toString(Math.max(0, level + 1))) : AValue.unknown("$SHLVL+1"), true, shell);
        }
        Var pwd = s.get("PWD");
        if (pwd == null || pwd.set != Tri.TRUE) shellVar(s, "PWD", AValue.unknownNonEmpty("(the working directory)"), true, shell);
        else {
            pwd.value = AValue.unknownNonEmpty("(the working directory)");
            pwd.exported = Tri.TRUE;
        }
        if (bash) {
            shellVar(s, "BASH_VERSION", AValue.unknownNonEmpty("(bash version)"), false, shell);
            shellVar(s, "BASH", AValue.of(bashAsSh ? "/bin/sh" : "/bin/bash"), false, shell);
            shellVar(s, "OSTYPE", ostype(), false, shell);
            // bash gives these a value when the environment has none (variables.c): TERM "dumb", SHELL the
            // login shell of the user in the password database (the user who runs the shell is not known here)
            if (isUnset(s, "TERM")) shellVar(s, "TERM", AValue.of("dumb"), false, shell);
            if (isUnset(s, "SHELL")) {
                shellVar(s, "SHELL", AValue.unknownNonEmpty("(the user's login shell in the password database)"), false, shell);
            }
            if (interactive) {
                if (isUnset(s, "PS1")) shellVar(s, "PS1", AValue.of(bashAsSh ? "\\s-\\v\\$ " : "\\s-\\v\\$ "), false, shell);
            } else {
                s.vars.remove("PS1");
                s.vars.remove("PS2");
            }
        } else if (zsh) {
            shellVar(s, "ZSH_VERSION", AValue.unknownNonEmpty("(zsh version)"), false, shell);
            shellVar(s, "ZSH_NAME", AValue.of("zsh"), false, shell);
            shellVar(s, "OSTYPE", ostype(), false, shell);
            if (isUnset(s, "LOGNAME")) {
                AValue user = facts.userName().map(AValue::of).orElse(AValue.unknownNonEmpty("(user name)"));
                shellVar(s, "LOGNAME", user, true, shell);
            }
            Var old = s.get("OLDPWD");
            if (old == null || old.set != Tri.TRUE) shellVar(s, "OLDPWD", AValue.unknownNonEmpty("(the working directory)"), true, shell);
            if (interactive && isUnset(s, "PS1")) shellVar(s, "PS1", AValue.of("%m%# "), false, shell);
        } else {
            if (interactive && isUnset(s, "PS1")) shellVar(s, "PS1", AValue.of("$ "), false, shell);
        }
    }

    private static boolean isUnset(State s, String name) {
        Var v = s.get(name);
        return v == null || v.set == Tri.FALSE;
    }

    private AValue ostype() {
        String o = platform.ostype();
        if (o.endsWith("*")) return AValue.of(o.substring(0, o.length() - 1)).concat(AValue.unknownNonEmpty("(version)"));
        return AValue.of(o);
    }

    private static void shellVar(State s, String name, AValue value, boolean export, Origin origin) {
        Var v = s.getOrCreate(name);
        v.value = value;
        v.array = null;
        v.set = Tri.TRUE;
        if (export) v.exported = Tri.TRUE;
        v.origin = origin;
        v.provenance = new ArrayList<>(List.of(origin));
    }

    // ================================================================ startup plans

    private State startup(State s, Tri sshRuleLevel) {
        return switch (mode.shell()) {
            case BASH -> bashStartup(s, sshRuleLevel);
            case ZSH -> zshStartup(s);
            case SH -> shStartup(s);
        };
    }

    private State bashStartup(State s, Tri sshRuleLevel) {
        Tri posix = ex.isSet("POSIXLY_CORRECT", s);
        if (posix == Tri.UNKNOWN) {
            notes.add("POSIXLY_CORRECT may be set: bash's startup files are uncertain");
        }
        if (posix == Tri.TRUE) {
            if (interactive) s = envFile(s, "ENV", "posix-mode bash reads $ENV");
            return s;
        }
        Platform.BashBuild b = platform.bash();
        switch (mode) {
            case BASH_LOGIN_INTERACTIVE, BASH_LOGIN -> {
                if (step.argv0Login() && !b.nonInteractiveLoginShells() && !interactive) {
                    notes.add(step.id() + ": this bash build has no NON_INTERACTIVE_LOGIN_SHELLS: a `-bash -c` shell reads no login file");
                    return bashEnv(s);
                }
                s = systemFile(s, "/etc/profile", "bash login shell: /etc/profile first");
                s = firstOf(s, List.of(".bash_profile", ".bash_login", ".profile"));
                if (!interactive) s = bashEnv(s);
                return s;
            }
            case BASH_INTERACTIVE -> {
                if (b.sysBashrc() != null) s = systemFile(s, b.sysBashrc(), "interactive bash (SYS_BASHRC)");
                return userFile(s, ".bashrc", "interactive non-login bash");
            }
            case BASH_NONINTERACTIVE, BASH_SSH_COMMAND -> {
                if (!b.sshSourceBashrc()) {
                    if (mode == Mode.BASH_SSH_COMMAND) notes.add("this bash build has no SSH_SOURCE_BASHRC: `ssh host cmd` reads only $BASH_ENV");
                    return bashEnv(s);
                }
                Tri client = ex.isSet("SSH_CLIENT", s).or(ex.isSet("SSH2_CLIENT", s));
                Tri rule = client.and(sshRuleLevel);
                String why = "the ssh rule (SSH_CLIENT set, inherited SHLVL unset or 0)";
                return branch(s, rule, why, t -> {
                    if (b.sysBashrc() != null) t = systemFile(t, b.sysBashrc(), "the ssh rule: system bashrc");
                    return userFile(t, ".bashrc", "the ssh rule (SSH_SOURCE_BASHRC)");
                }, this::bashEnv);
            }
            default -> {
                return s;
            }
        }
    }

    private State zshStartup(State s) {
        s = systemFile(s, platform.zshFile("zshenv"), "zsh reads it first, always");
        s = gate(s, s.rcs, "RCS", t -> zdotFile(t, ".zshenv"));
        if (login) {
            s = gate(s, s.rcs.and(s.globalRcs), "GLOBAL_RCS", t -> systemFile(t, platform.zshFile("zprofile"), "zsh login shell"));
            s = gate(s, s.rcs, "RCS", t -> zdotFile(t, ".zprofile"));
        }
        if (interactive) {
            s = gate(s, s.rcs.and(s.globalRcs), "GLOBAL_RCS", t -> systemFile(t, platform.zshFile("zshrc"), "interactive zsh"));
            s = gate(s, s.rcs, "RCS", t -> zdotFile(t, ".zshrc"));
        }
        if (login) {
            s = gate(s, s.rcs.and(s.globalRcs), "GLOBAL_RCS", t -> systemFile(t, platform.zshFile("zlogin"), "zsh login shell"));
            s = gate(s, s.rcs, "RCS", t -> zdotFile(t, ".zlogin"));
        }
        return s;
    }

    private State gate(State s, Tri option, String name, UnaryOperator<State> then) {
        if (s.alive == Reach.NO) return s;
        return branch(s, option, "the zsh option " + name + " (unset by `setopt no_rcs` or `-f`)", then, t -> t);
    }

    private State shStartup(State s) {
        if (login) {
            s = systemFile(s, "/etc/profile", "sh login shell");
            s = userFile(s, ".profile", "sh login shell");
        }
        if (interactive) s = envFile(s, "ENV", "interactive sh reads $ENV");
        return s;
    }

    /** The user's home as bash and zsh resolve {@code ~} at startup. */
    String homeDir(State s) {
        Var h = s.get("HOME");
        if (h != null && h.set == Tri.TRUE && h.value != null && h.value.exact() != null && h.value.exact().startsWith("/")) {
            return stripSlash(h.value.exact());
        }
        return facts.home().toString();
    }

    private static String stripSlash(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private State userFile(State s, String name, String why) {
        return readStartup(s, homeDir(s) + "/" + name, why);
    }

    private State zdotFile(State s, String name) {
        Var z = s.get("ZDOTDIR");
        Tri set = ex.isSet("ZDOTDIR", s);
        if (set == Tri.FALSE) return userFile(s, name, "zsh: $ZDOTDIR unset, so the home");
        String dir = z != null && z.value != null ? z.value.exact() : null;
        if (set == Tri.TRUE && dir != null) {
            if (dir.isEmpty()) return userFile(s, name, "zsh: $ZDOTDIR empty, so the home");
            if (dir.startsWith("/")) {
                String zdot = stripSlash(dir);
                String path = zdot + "/" + name;
                String home = homeDir(s);
                if (zdot.equals(home) || s.alive == Reach.NO) return readStartup(s, path, "zsh reads it from $ZDOTDIR");
                Reach before = pathReach.and(s.alive);
                int from = files.size();
                s = readStartup(s, path, "zsh reads it from $ZDOTDIR");
                shadowed(home + "/" + name, ws.load(path).path(), before, from,
                        "not read: ZDOTDIR is " + tilde(zdot, home) + ", so zsh reads " + tilde(path, home) + " instead");
                return s;
            }
        }
        return unknownFile(s, "$ZDOTDIR/" + name, "ZDOTDIR is not known here");
    }

    private State bashEnv(State s) {
        return envFile(s, "BASH_ENV", "non-interactive bash reads $BASH_ENV");
    }

    /** {@code $BASH_ENV} or {@code $ENV}: the value is parameter-expanded; PATH is not searched. */
    private State envFile(State s, String var, String why) {
        Tri set = ex.isSet(var, s);
        if (set == Tri.FALSE) return s;
        Var v = s.get(var);
        String value = v == null || v.value == null ? null : v.value.exact();
        if (set == Tri.TRUE && value != null) {
            if (value.isEmpty()) return s;
            String path = expandSimple(value, s);
            if (path != null && path.startsWith("/")) return readStartup(s, path, why + " (" + var + "=" + value + ")");
            return unknownFile(s, "$" + var, var + "=" + value + " is not an absolute path known here");
        }
        return branch(s, set, "$" + var + " may be set", t -> unknownFile(t, "$" + var, "the value of " + var + " is not known"), t -> t);
    }

    /** {@code $NAME} and {@code ${NAME}} in a variable's value (as bash and dash expand BASH_ENV/ENV). */
    private String expandSimple(String value, State s) {
        if (value.indexOf('$') < 0 && value.indexOf('`') < 0) return value;
        if (value.indexOf('`') >= 0 || value.contains("$(")) return null;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '$') {
                sb.append(c);
                continue;
            }
            int j = i + 1;
            boolean braced = j < value.length() && value.charAt(j) == '{';
            if (braced) j++;
            int st = j;
            while (j < value.length() && (Character.isLetterOrDigit(value.charAt(j)) || value.charAt(j) == '_')) j++;
            String name = value.substring(st, j);
            if (braced) {
                if (j >= value.length() || value.charAt(j) != '}') return null;
                j++;
            }
            if (name.isEmpty()) return null;
            Var v = s.get(name);
            Tri set = ex.isSet(name, s);
            if (set == Tri.FALSE) {
                i = j - 1;
                continue;
            }
            if (set != Tri.TRUE || v.value == null || v.value.exact() == null) return null;
            sb.append(v.value.exact());
            i = j - 1;
        }
        return sb.toString();
    }

    /** First of ~/.bash_profile, ~/.bash_login, ~/.profile that exists and is readable. */
    private State firstOf(State s, List<String> names) {
        String home = homeDir(s);
        for (String n : names) {
            String path = home + "/" + n;
            Workspace.Loaded f = ws.load(path);
            if (f.status() == FileVisit.Status.MISSING) {
                files.add(new FileVisit(path, f.path(), step.id(), FileVisit.Status.MISSING, f.reason(), pathReach.and(s.alive)));
                continue;
            }
            String why = "bash login shell: the first of ~/.bash_profile, ~/.bash_login, ~/.profile that exists";
            Reach before = pathReach.and(s.alive);
            int from = files.size();
            s = readStartup(s, path, why);
            for (String later : names.subList(names.indexOf(n) + 1, names.size())) {
                shadowed(home + "/" + later, f.path(), before, from, "not read: ~/" + n
                        + " exists and bash reads only the first of ~/.bash_profile, ~/.bash_login, ~/.profile");
            }
            return s;
        }
        return s;
    }

    private static String tilde(String path, String home) {
        if (path.equals(home)) return "~";
        return path.startsWith(home + "/") ? "~" + path.substring(home.length()) : path;
    }

    /**
     * Lists a startup file the shell does not read because {@code winner} took its place, when it exists and
     * was not read anyway (sourced by the winner) since {@code from} in the files list.
     */
    private void shadowed(String shellPath, Path winner, Reach reach, int from, String reason) {
        if (reach == Reach.NO) return;
        Workspace.Loaded g = ws.load(shellPath);
        if (g.status() == FileVisit.Status.MISSING) return;
        for (FileVisit v : files.subList(from, files.size())) {
            if (v.status() == FileVisit.Status.READ && g.path().equals(v.path())) return;
        }
        files.add(new FileVisit(shellPath, g.path(), step.id(), FileVisit.Status.SKIPPED, reason, reach, winner));
    }

    private State systemFile(State s, String path, String why) {
        if (facts.pure()) {
            files.add(new FileVisit(path, null, step.id(), FileVisit.Status.SKIPPED,
                    "pure mode: the target machine's system files are not known", pathReach.and(s.alive)));
            Var p = s.get("PATH");
            if (p != null && p.set != Tri.FALSE) {
                p.value = AValue.unknown("$PATH (system files may change it)");
                p.array = null;
            }
            return s;
        }
        return readStartup(s, path, why);
    }

    private State readStartup(State s, String path, String why) {
        if (s.alive == Reach.NO) return s;
        return source(s, path, why, null, null);
    }

    /** A file the shell would read but whose path is not known: anything may happen. */
    /**
     * Whether a path only partly known cannot name an existing file: the directory its known beginning
     * names (up to the last '/') does not exist here, e.g. {@code ~/.cache/p10k-instant-prompt-${(%):-%n}.zsh}
     * without {@code ~/.cache}.
     */
    boolean surelyAbsent(AValue path, State s) {
        if (facts.pure() || path.exact() != null) return false;
        String known = path.knownPrefix();
        int slash = known.lastIndexOf('/');
        if (!known.startsWith("/") || slash <= 0) return false;
        String dir = known.substring(0, slash);
        if (touchedByCommand(s, dir)) return false;
        // a directory mkdir created here is empty: nothing is inside it either
        return facts.isDirectory(dir) == Tri.FALSE;
    }

    /** Whether a command run earlier may have created or changed {@code path} (or a directory above or below it). */
    static boolean touched(State s, String path) {
        for (String c : s.created) {
            // the new directory and the ones above it may exist now; nothing below it does
            if (c.equals(path) || c.startsWith(path.endsWith("/") ? path : path + "/")) return true;
        }
        return touchedByCommand(s, path);
    }

    /** Whether a command may have removed {@code path} or changed its mode (or of a directory above or below it). */
    static boolean removed(State s, String path) {
        return related(s.removed, path);
    }

    /** {@link #touched} without mkdir's new empty directories. */
    static boolean touchedByCommand(State s, String path) {
        return related(s.touched, path);
    }

    private static boolean related(Set<String> set, String path) {
        for (String t : set) {
            if (t.isEmpty() || path.equals(t) || path.startsWith(t.endsWith("/") ? t : t + "/")
                    || t.startsWith(path.endsWith("/") ? path : path + "/")) return true;
        }
        return false;
    }

    /** {@code source} of a file that does not exist (its name not fully known): as for a missing file. */
    State missingSource(State s, String label, String reason, Node.Statement via) {
        files.add(new FileVisit(label, null, step.id(), FileVisit.Status.MISSING, reason, pathReach.and(s.alive)));
        s.status = Tri.FALSE;
        if (via != null && dotIsFatal()) {
            return exitShell(s, "`.` of a missing file ends this non-interactive shell (" + label + ")");
        }
        return s;
    }

    State unknownFile(State s, String label, String reason) {
        files.add(new FileVisit(label, null, step.id(), FileVisit.Status.SKIPPED, reason, pathReach.and(s.alive)));
        havoc(s, "an unknown file (" + label + ") may be read: " + reason);
        return s;
    }

    /** The same, {@code why} saying it in a few words for the values it leaves unknown. */
    State unknownFile(State s, String label, String reason, String why) {
        files.add(new FileVisit(label, null, step.id(), FileVisit.Status.SKIPPED, reason, pathReach.and(s.alive)));
        havoc(s, "an unknown file (" + label + ") may be read: " + reason, why);
        return s;
    }

    // ================================================================ source

    /**
     * Reads and interprets a file. {@code positional} null keeps the caller's; {@code via} describes
     * the statement that sourced it.
     */
    State source(State s, String shellPath, String why, List<AValue> positional, Node.Statement via) {
        Reach r = pathReach.and(s.alive);
        if (sourcing.size() >= MAX_SOURCE_DEPTH) {
            files.add(new FileVisit(shellPath, null, step.id(), FileVisit.Status.SKIPPED,
                    "source depth limit (" + MAX_SOURCE_DEPTH + ") reached", r));
            havoc(s, "a file beyond the source depth limit was not read: " + shellPath);
            s.status = Tri.UNKNOWN;
            return s;
        }
        Workspace.Loaded f = ws.load(shellPath);
        if (sourcing.contains(f.path())) {
            files.add(new FileVisit(shellPath, f.path(), step.id(), FileVisit.Status.SKIPPED,
                    "already being read (a source cycle): not read again", r));
            notes.add("source cycle at " + shellPath + ": the real shell would recurse until it fails");
            s.status = Tri.UNKNOWN;
            return s;
        }
        if (f.status() == FileVisit.Status.MISSING) {
            files.add(new FileVisit(shellPath, f.path(), step.id(), FileVisit.Status.MISSING, f.reason(), r));
            s.status = Tri.FALSE;
            if (via != null && dotIsFatal()) {
                return exitShell(s, "`.` of a missing file ends this non-interactive shell (" + shellPath + ")");
            }
            return s;
        }
        if (f.status() == FileVisit.Status.SKIPPED) {
            files.add(new FileVisit(shellPath, f.path(), step.id(), FileVisit.Status.SKIPPED, f.reason(), r));
            havoc(s, shellPath + " was not read (" + f.reason() + ")");
            s.status = Tri.UNKNOWN;
            return s;
        }
        Dialect d = emulation != null ? emulation : dialect;
        ParseResult parse = ws.parse(f, d);
        files.add(new FileVisit(shellPath, f.path(), step.id(), FileVisit.Status.READ, why, r));
        Frame.FileCtx fc = new Frame.FileCtx(shellPath, f.path(), parse, d, true);
        Frame frame = new Frame(Frame.Kind.FILE, fc, positional != null ? positional : positional());
        frame.exitsAtStart = exits.size();
        frame.aliveAtStart = s.alive;
        frame.reasonAtStart = s.aliveReason;
        sourcing.push(f.path());
        frames.push(frame);
        callLevel++;
        try {
            s.status = Tri.TRUE;
            s = execBody(parse, s, fc);
        } finally {
            callLevel--;
            frames.pop();
            sourcing.pop();
        }
        return endFrame(frame, s);
    }

    private boolean dotIsFatal() {
        // dash, and bash in posix mode: `.` is a special builtin; its error ends a non-interactive shell
        if (interactive) return false;
        return dialect == Dialect.SH && !bashAsSh;
    }

    /** Executes a file's statements, accounting for a syntax error that stops the real shell there. */
    private State execBody(ParseResult parse, State s, Frame.FileCtx fc) {
        int errorAt = parse.errors().isEmpty() ? Integer.MAX_VALUE : parse.errors().get(0).span().start();
        for (Node.Statement st : parse.statements()) {
            if (st.span().end() > errorAt && s.alive != Reach.NO) {
                int line = fc.line(errorAt);
                Frame top = frames.peek();
                if (top != null) top.returns.add(s.copy());
                s.alive = Reach.MAYBE;
                s.aliveReason = "after the syntax error on line " + line + " (the shell may stop reading the file there)";
                notes.add(fc.shellPath() + ":" + line + ": syntax error; what follows may not run");
                errorAt = Integer.MAX_VALUE;
            }
            s = execStatement(st, s, fc);
        }
        return s;
    }

    /** Where {@code return} states of a frame come together at its end. */
    private State endFrame(Frame frame, State s) {
        List<State> outs = new ArrayList<>();
        if (s.alive != Reach.NO) outs.add(s);
        outs.addAll(frame.returns);
        if (outs.isEmpty()) return s;
        boolean exited = exits.size() > frame.exitsAtStart;
        State m = null;
        for (State o : outs) {
            Reach a = o.alive;
            String why = o.aliveReason;
            o.alive = Reach.YES;
            m = m == null ? o.copy() : State.merge(m, o);
            o.alive = a;
            o.aliveReason = why;
        }
        m.alive = frame.aliveAtStart.and(exited ? Reach.MAYBE : Reach.YES);
        m.aliveReason = m.alive == Reach.YES ? null : (exited ? s.aliveReason : frame.reasonAtStart);
        return m;
    }

    // ================================================================ statements

    State execList(List<Node.Statement> list, State s, Frame.FileCtx fc) {
        if (list == null) return s;
        for (Node.Statement st : list) s = execStatement(st, s, fc);
        return s;
    }

    State execStatement(Node.Statement st, State s, Frame.FileCtx fc) {
        Reach r = pathReach.and(s.alive);
        record(fc, st.span(), r, r == Reach.YES ? null : s.alive != Reach.YES ? s.aliveReason : pathReason);
        if (s.alive == Reach.NO) return s;
        if (++steps > MAX_STEPS) {
            if (steps == MAX_STEPS + 1) notes.add("analysis step limit reached: the rest is not interpreted");
            havoc(s, "analysis step limit reached");
            return s;
        }
        Frame.FileCtx savedFile = currentFile;
        if (fc != null) currentFile = fc;
        ValuesAfter.Watch watch = after.start(fc, st.span(), s);
        State out = s;
        try {
            if (st.background()) {
                State sub = s.copy();
                subshell(sub, () -> execCommand(st.command(), sub, fc));
                s.status = Tri.TRUE;
                out = s;
            } else {
                out = execCommand(st.command(), s, fc);
            }
        } finally {
            currentFile = savedFile;
            after.end(watch, out);
        }
        return out;
    }

    void record(Frame.FileCtx fc, Span span, Reach r, String reason) {
        if (fc == null || !fc.record() || fc.path() == null) return;
        Map<Span, StatementReach> m = reach.computeIfAbsent(fc.path(), k -> new LinkedHashMap<>());
        StatementReach old = m.get(span);
        String why = reason != null ? reason : "runs in " + step.id();
        if (r == Reach.NO && reason == null) why = "never runs here";
        if (old == null) {
            m.put(span, new StatementReach(fc.path(), span, fc.line(span.start()), r, why));
        } else {
            Reach e = old.reach().either(r);
            String keep = e == old.reach() ? old.reason() : why;
            m.put(span, new StatementReach(fc.path(), span, old.line(), e, keep));
        }
    }

    /** Records the statements of a branch that does not run, with the reason. */
    void recordSkipped(List<Node.Statement> list, Frame.FileCtx fc, String reason) {
        if (list == null) return;
        for (Node.Statement st : list) {
            record(fc, st.span(), Reach.NO, reason);
            for (Node.Command c : TreeWalk.children(st.command())) recordSkippedCommand(c, fc, reason);
            recordSkippedCommand(st.command(), fc, reason);
        }
    }

    private void recordSkippedCommand(Node.Command c, Frame.FileCtx fc, String reason) {
        if (c instanceof Node.If i) {
            for (Node.CondBranch b : i.branches()) {
                recordSkipped(b.condition(), fc, reason);
                recordSkipped(b.body(), fc, reason);
            }
            recordSkipped(i.elseBody(), fc, reason);
        } else if (c instanceof Node.BraceGroup g) recordSkipped(g.body(), fc, reason);
        else if (c instanceof Node.Subshell g) recordSkipped(g.body(), fc, reason);
        else if (c instanceof Node.For f) recordSkipped(f.body(), fc, reason);
        else if (c instanceof Node.While w) {
            recordSkipped(w.condition(), fc, reason);
            recordSkipped(w.body(), fc, reason);
        } else if (c instanceof Node.Case cs) {
            for (Node.CaseItem it : cs.items()) recordSkipped(it.body(), fc, reason);
        }
    }

    State execCommand(Node.Command c, State s, Frame.FileCtx fc) {
        if (c == null) return s;
        if (c instanceof Node.SimpleCommand sc) return builtins.simple(sc, s, fc);
        if (c instanceof Node.Pipeline p) return pipeline(p, s, fc);
        if (c instanceof Node.AndOr a) return andOr(a, s, fc);
        if (c instanceof Node.BraceGroup g) return execList(g.body(), s, fc);
        if (c instanceof Node.Subshell sub) {
            State copy = s.copy();
            subshell(copy, () -> execList(sub.body(), copy, fc));
            s.status = Tri.UNKNOWN;
            return s;
        }
        if (c instanceof Node.If i) return ifCommand(i, s, fc, 0);
        if (c instanceof Node.Case cs) return caseCommand(cs, s, fc);
        if (c instanceof Node.For f) return forLoop(f, s, fc);
        if (c instanceof Node.While w) return whileLoop(w, s, fc);
        if (c instanceof Node.ArithFor af) return unknownLoop(af.body(), s, fc, "an arithmetic for loop");
        if (c instanceof Node.Repeat rp) return unknownLoop(rp.body(), s, fc, "a repeat loop");
        if (c instanceof Node.FunctionDef fd) return defineFunction(fd, s, fc);
        if (c instanceof Node.ArithCommand ac) return builtins.arith(ac.expression(), s, fc, ac.span());
        if (c instanceof Node.TestCommand tc && dialect() == Dialect.SH && !bashAsSh) {
            s.status = Tri.FALSE; // dash: "[[: not found"
            s.code = 127;
            lastConditionReason = "`[[` is not a command in this shell";
            return s;
        }
        if (c instanceof Node.TestCommand tc) {
            Conditions.Result res = cond.doubleBracket(tc, s, fc);
            s.status = res.value();
            lastConditionReason = res.why();
            return s;
        }
        if (c instanceof Node.Always al) {
            s = execList(al.tryBody(), s, fc);
            return execList(al.alwaysBody(), s, fc);
        }
        if (c instanceof Node.Error) {
            s.status = Tri.UNKNOWN;
            return s;
        }
        s.status = Tri.UNKNOWN;
        return s;
    }

    /** Why the last condition came out as it did (for reasons shown to people). */
    String lastConditionReason;

    /** Runs code in a subshell: its variables, exits and returns do not reach the parent. */
    void subshell(State copy, Runnable body) {
        List<State> savedExits = new ArrayList<>(exits);
        Frame f = new Frame(Frame.Kind.FUNCTION, frames.isEmpty() ? null : frames.peek().file, positional());
        f.exitsAtStart = exits.size();
        frames.push(f);
        subshellDepth++;
        try {
            body.run();
        } catch (SubshellDone e) {
            // exit inside a subshell
        } finally {
            subshellDepth--;
            frames.pop();
            exits.clear();
            exits.addAll(savedExits);
        }
    }

    /** Thrown nowhere for now; kept for clarity of subshell semantics. */
    static final class SubshellDone extends RuntimeException {
        SubshellDone() {
            super(null, null, false, false);
        }
    }

    private State pipeline(Node.Pipeline p, State s, Frame.FileCtx fc) {
        if (p.commands().size() == 1) {
            s = execCommand(p.commands().get(0), s, fc);
            if (p.negated()) s.status = s.status.not();
            return s;
        }
        int last = p.commands().size() - 1;
        for (int i = 0; i < last; i++) {
            Node.Command c = p.commands().get(i);
            State copy = s.copy();
            subshell(copy, () -> execCommand(c, copy, fc));
        }
        if (dialect == Dialect.ZSH) {
            s = execCommand(p.commands().get(last), s, fc);
        } else {
            State copy = s.copy();
            subshell(copy, () -> execCommand(p.commands().get(last), copy, fc));
            s.status = copy.status;
        }
        if (p.negated()) s.status = s.status.not();
        return s;
    }

    private State andOr(Node.AndOr a, State s, Frame.FileCtx fc) {
        s = execCommand(a.items().get(0), s, fc);
        for (int i = 0; i < a.ops().size(); i++) {
            Node.Command next = a.items().get(i + 1);
            boolean and = a.ops().get(i).equals("&&");
            Tri run = and ? s.status : s.status.not();
            String why = describeCondition(a.items().get(i), fc, and);
            Tri prevStatus = s.status;
            State r = branch(s, run, why, t -> execCommand(next, t, fc), t -> {
                t.status = prevStatus == Tri.UNKNOWN ? (and ? Tri.FALSE : Tri.TRUE) : prevStatus;
                return t;
            });
            if (run == Tri.FALSE) recordSkippedCommand(next, fc, why + " is false here");
            s = r;
        }
        return s;
    }

    private String describeCondition(Node.Command c, Frame.FileCtx fc, boolean whenTrue) {
        String text = fc == null ? "" : oneLine(fc.text(c.span().start(), c.span().end()));
        int line = fc == null ? 0 : fc.line(c.span().start());
        String extra = lastConditionReason != null ? " (" + lastConditionReason + ")" : "";
        return (whenTrue ? "only when `" : "only when not `") + text + "` (line " + line + ")" + extra;
    }

    static String oneLine(String text) {
        String t = text.replace('\n', ' ').replaceAll("\\s+", " ").trim();
        return t.length() > 60 ? t.substring(0, 57) + "…" : t;
    }

    private State ifCommand(Node.If i, State s, Frame.FileCtx fc, int from) {
        if (from >= i.branches().size()) {
            if (i.elseBody() == null) {
                s.status = Tri.TRUE;
                return s;
            }
            return execList(i.elseBody(), s, fc);
        }
        Node.CondBranch br = i.branches().get(from);
        lastConditionReason = null;
        s = execList(br.condition(), s, fc);
        if (s.alive == Reach.NO) return s;
        Tri c = s.status;
        String text = br.condition().isEmpty() ? "" : oneLine(fc.text(br.condition().get(0).span().start(),
                br.condition().get(br.condition().size() - 1).span().end()));
        int line = fc.line(br.keyword().start());
        String detail = lastConditionReason != null ? ": " + lastConditionReason : "";
        String why = "inside `if " + text + "` (line " + line + ")" + detail;
        if (c == Tri.FALSE) recordSkipped(br.body(), fc, "the condition `" + text + "` on line " + line + " is false here" + detail);
        if (c == Tri.TRUE) {
            for (int k = from + 1; k < i.branches().size(); k++) {
                recordSkipped(i.branches().get(k).condition(), fc, "an earlier branch (line " + line + ") is taken");
                recordSkipped(i.branches().get(k).body(), fc, "an earlier branch (line " + line + ") is taken");
            }
            recordSkipped(i.elseBody(), fc, "the condition `" + text + "` on line " + line + " is true here" + detail);
        }
        return branch(s, c, why, t -> execList(br.body(), t, fc), t -> ifCommand(i, t, fc, from + 1));
    }

    private State caseCommand(Node.Case cs, State s, Frame.FileCtx fc) {
        AValue subject = ex.scalar(cs.subject(), s, Expander.Tilde.WORD);
        return caseFrom(cs, subject, s, fc, 0, false);
    }

    private State caseFrom(Node.Case cs, AValue subject, State s, Frame.FileCtx fc, int from, boolean fallthrough) {
        if (from >= cs.items().size()) {
            s.status = Tri.TRUE;
            return s;
        }
        Node.CaseItem item = cs.items().get(from);
        Tri m = Tri.FALSE;
        if (fallthrough) m = Tri.TRUE;
        else {
            for (Word pw : item.patterns()) {
                String pat = ex.pattern(pw, s);
                m = m.or(pat == null ? Tri.UNKNOWN : Glob.matches(pat, subject));
                if (m == Tri.TRUE) break;
            }
        }
        String pats = oneLine(fc.text(item.span().start(), item.patterns().isEmpty() ? item.span().start()
                : item.patterns().get(item.patterns().size() - 1).span().end()));
        int line = fc.line(item.span().start());
        String subj = oneLine(fc.text(cs.subject().span().start(), cs.subject().span().end()));
        String detail = subj.equals("$-") ? (interactive ? " (interactive: $- has i)" : " (not interactive: $- has no i)") : "";
        String why = "in the case branch `" + pats + "` (line " + line + ")";
        if (m == Tri.FALSE) recordSkipped(item.body(), fc, "the case pattern `" + pats + "` on line " + line + " does not match `" + subj + "`" + detail);
        Tri matched = m;
        return branch(s, m, why + detail, t -> {
            t = execList(item.body(), t, fc);
            String term = item.terminator();
            if (";&".equals(term)) return caseFrom(cs, subject, t, fc, from + 1, true);
            if (";;&".equals(term) || ";|".equals(term)) return caseFrom(cs, subject, t, fc, from + 1, false);
            if (item.body() == null || item.body().isEmpty()) t.status = Tri.TRUE;
            return t;
        }, t -> {
            if (matched == Tri.TRUE) return t;
            return caseFrom(cs, subject, t, fc, from + 1, false);
        });
    }

    private State forLoop(Node.For f, State s, Frame.FileCtx fc) {
        List<String> vars = f.variables().isEmpty() ? List.of("_") : f.variables();
        List<AValue> items = new ArrayList<>();
        boolean exact = true;
        boolean unordered = false;
        if (f.items() == null) {
            List<AValue> pos = positional();
            if (pos == null) exact = false;
            else items.addAll(pos);
        } else {
            for (Word w : f.items()) {
                Expander.Fields fl = ex.fields(w, s);
                items.addAll(fl.items());
                exact &= fl.exact();
                unordered |= fl.unordered();
            }
        }
        if (exact && items.size() <= MAX_LOOP_UNROLL && (vars.size() == 1 || dialect == Dialect.ZSH)) {
            if (items.isEmpty()) recordSkipped(f.body(), fc, "the loop on line " + fc.line(f.span().start()) + " has no items");
            // zsh: for k v in …: each iteration takes as many items as there are names (missing ones are empty)
            List<List<AValue>> rounds = new ArrayList<>();
            for (int i = 0; i < items.size(); i += vars.size()) {
                List<AValue> r = new ArrayList<>();
                for (int k = 0; k < vars.size(); k++) r.add(i + k < items.size() ? items.get(i + k) : AValue.EMPTY);
                rounds.add(r);
            }
            if (unordered && rounds.size() > 1) {
                // the shell's order is not known (zsh hash order): run both orders; what differs is unknown
                List<List<AValue>> reversed = new ArrayList<>(rounds);
                java.util.Collections.reverse(reversed);
                State a = unrolledFor(f, vars, rounds, s.copy(), fc);
                State b = unrolledFor(f, vars, reversed, s, fc);
                return State.merge(a, b);
            }
            return unrolledFor(f, vars, rounds, s, fc);
        }
        return unknownLoop(f.body(), s, fc, "a loop over values not known here", f.variables());
    }

    private State unrolledFor(Node.For f, List<String> vars, List<List<AValue>> rounds, State s, Frame.FileCtx fc) {
        {
            Loop loop = new Loop();
            loops.push(loop);
            Reach startAlive = s.alive;
            int exits0 = exits.size();
            int returns0 = frames.isEmpty() ? 0 : frames.peek().returns.size();
            try {
                for (List<AValue> round : rounds) {
                    if (s.alive == Reach.NO) break;
                    for (int k = 0; k < vars.size(); k++) {
                        assign(s, vars.get(k), round.get(k), origin(fc, f.span(), "for " + vars.get(k) + " in …"), false);
                    }
                    Reach before = s.alive;
                    int e0 = exits.size();
                    int r0 = frames.isEmpty() ? 0 : frames.peek().returns.size();
                    s = execList(f.body(), s, fc);
                    s = collect(s, loop.continues, before, e0, r0);
                    loop.continues.clear();
                }
            } finally {
                loops.pop();
            }
            return collect(s, loop.breaks, startAlive, exits0, returns0);
        }
    }

    /** A loop being interpreted: the states that left an iteration by continue or the loop by break. */
    static final class Loop {
        final List<State> continues = new ArrayList<>();
        final List<State> breaks = new ArrayList<>();
    }

    final Deque<Loop> loops = new ArrayDeque<>();

    /** {@code break} / {@code continue}: this path leaves the iteration. */
    State loopJump(State s, boolean isBreak, Frame.FileCtx fc, Span span) {
        Loop l = loops.peek();
        if (l == null) {
            s.status = Tri.TRUE;
            return s;
        }
        (isBreak ? l.breaks : l.continues).add(s.copy());
        s.alive = Reach.NO;
        s.aliveReason = "skipped by the `" + (isBreak ? "break" : "continue") + "` on line " + fc.line(span.start())
                + (pathReason != null ? ", " + pathReason : "");
        return s;
    }

    /** Paths that left by break/continue join the live ones again. */
    private State collect(State s, List<State> extra, Reach before, int exits0, int returns0) {
        if (extra.isEmpty()) return s;
        List<State> outs = new ArrayList<>();
        if (s.alive != Reach.NO) outs.add(s);
        outs.addAll(extra);
        boolean other = exits.size() > exits0 || (!frames.isEmpty() && frames.peek().returns.size() > returns0);
        State m = null;
        for (State o : outs) {
            State c = o.copy();
            c.alive = Reach.YES;
            m = m == null ? c : State.merge(m, c);
        }
        m.alive = before.and(other ? Reach.MAYBE : Reach.YES);
        if (m.alive == Reach.YES) m.aliveReason = null;
        else if (m.aliveReason == null) m.aliveReason = s.aliveReason;
        return m;
    }


    private State whileLoop(Node.While w, State s, Frame.FileCtx fc) {
        s = execList(w.condition(), s, fc);
        Tri c = w.until() ? s.status.not() : s.status;
        if (c == Tri.FALSE) {
            recordSkipped(w.body(), fc, "the loop condition on line " + fc.line(w.span().start()) + " is false here");
            s.status = Tri.TRUE;
            return s;
        }
        return unknownLoop(w.body(), s, fc, "a while loop", List.of());
    }

    private State unknownLoop(List<Node.Statement> body, State s, Frame.FileCtx fc, String what) {
        return unknownLoop(body, s, fc, what, List.of());
    }

    /** A loop that runs an unknown number of times: zero or more runs, values it assigns unknown. */
    private State unknownLoop(List<Node.Statement> body, State s, Frame.FileCtx fc, String what, List<String> vars) {
        int line = body == null || body.isEmpty() ? 0 : fc.line(body.get(0).span().start());
        Set<String> before = new HashSet<>(s.vars.keySet());
        Map<String, AValue> valuesBefore = new LinkedHashMap<>();
        s.vars.forEach((k, v) -> valuesBefore.put(k, v.value));
        State r = branch(s, Tri.UNKNOWN, "inside " + what + " (line " + line + ")", t -> {
            for (String v : vars) assign(t, v, AValue.unknown("$" + v + " (loop item)"), origin(fc, Span.of(0, 0), "loop variable"), false);
            Loop loop = new Loop();
            loops.push(loop);
            Reach aliveIn = t.alive;
            int e0 = exits.size();
            int r0 = frames.isEmpty() ? 0 : frames.peek().returns.size();
            try {
                t = execList(body, t, fc);
            } finally {
                loops.pop();
            }
            loop.continues.addAll(loop.breaks);
            return collect(t, loop.continues, aliveIn, e0, r0);
        }, t -> t);
        for (Map.Entry<String, Var> e : r.vars.entrySet()) {
            AValue old = valuesBefore.get(e.getKey());
            Var v = e.getValue();
            if (!before.contains(e.getKey()) || v.value == null || !v.value.equals(old)) {
                if (v.value != null && v.value.isExact()) v.value = AValue.unknown("$" + e.getKey() + " (set in a loop)");
                v.array = null;
            }
        }
        r.status = Tri.UNKNOWN;
        return r;
    }

    private State defineFunction(Node.FunctionDef fd, State s, Frame.FileCtx fc) {
        if (fd.names().isEmpty()) {
            // zsh anonymous function: runs at once
            List<AValue> args = new ArrayList<>();
            for (Word w : fd.args()) args.addAll(ex.fields(w, s).items());
            return callBody(fd, new State.Fn(fd, fc, Tri.TRUE), args, s);
        }
        for (String n : fd.names()) {
            s.functions.put(n, new State.Fn(fd, fc, Tri.TRUE));
            s.toolFunctions.remove(n);
        }
        s.status = Tri.TRUE;
        return s;
    }

    /** Calls a recorded function. */
    State call(State.Fn fn, List<AValue> args, State s) {
        if (callDepth >= MAX_CALL_DEPTH) {
            notes.add("function call depth limit reached at " + fn.def().names());
            havoc(s, "function call depth limit reached");
            s.status = Tri.UNKNOWN;
            return s;
        }
        if (fn.defined() == Tri.UNKNOWN) {
            String name = fn.def().names().isEmpty() ? "(anonymous)" : fn.def().names().get(0);
            return branch(s, Tri.UNKNOWN, "the function " + name + " may not be defined here",
                    t -> callBody(fn.def(), fn, args, t), t -> {
                        t.status = Tri.UNKNOWN;
                        return t;
                    });
        }
        return callBody(fn.def(), fn, args, s);
    }

    private State callBody(Node.FunctionDef fd, State.Fn fn, List<AValue> args, State s) {
        Frame frame = new Frame(Frame.Kind.FUNCTION, fn.file(), args);
        frame.exitsAtStart = exits.size();
        frame.aliveAtStart = s.alive;
        frame.reasonAtStart = s.aliveReason;
        frames.push(frame);
        callDepth++;
        callLevel++;
        try {
            s.status = Tri.TRUE;
            s = execCommand(fd.body(), s, fn.file());
        } finally {
            callLevel--;
            callDepth--;
            frames.pop();
        }
        State out = endFrame(frame, s);
        // restore what local variables hid
        for (Map.Entry<String, Var> e : frame.savedLocals.entrySet()) {
            if (e.getValue() == null) out.vars.remove(e.getKey());
            else out.vars.put(e.getKey(), e.getValue());
        }
        return out;
    }

    // ================================================================ control

    /**
     * Runs {@code then} where {@code c} holds and {@code otherwise} where it does not; with an unknown
     * condition both run on copies and their results merge.
     */
    State branch(State s, Tri c, String why, UnaryOperator<State> then, UnaryOperator<State> otherwise) {
        if (s.alive == Reach.NO) return s;
        if (c == Tri.TRUE) {
            String saved = takenBranch;
            takenBranch = why;
            try {
                return then.apply(s);
            } finally {
                takenBranch = saved;
            }
        }
        if (c == Tri.FALSE) return otherwise.apply(s);
        Reach savedReach = pathReach;
        String savedReason = pathReason;
        Reach outer = s.alive;
        pathReach = pathReach.and(s.alive).and(Reach.MAYBE);
        pathReason = s.alive != Reach.YES && s.aliveReason != null ? s.aliveReason : why;
        State a;
        State b;
        try {
            State sa = s.copy();
            sa.alive = Reach.YES;
            a = then.apply(sa);
            State sb = s.copy();
            sb.alive = Reach.YES;
            b = otherwise.apply(sb);
        } finally {
            pathReach = savedReach;
            pathReason = savedReason;
        }
        State m = State.merge(a, b);
        m.alive = outer.and(m.alive);
        if (m.alive == Reach.YES) m.aliveReason = null;
        else if (outer != Reach.YES && m.aliveReason == null) m.aliveReason = s.aliveReason;
        return m;
    }

    /** The branch known to be taken that encloses the current statement (for reasons). */
    String takenBranch;

    /** {@code return}: ends the current function or sourced file on this path. */
    State doReturn(State s, Frame.FileCtx fc, Span span, Tri status, Integer code, boolean keepStatus) {
        Frame f = frames.peek();
        if (f == null || (f.file == null && f.kind == Frame.Kind.FILE)) {
            s.status = Tri.FALSE;
            return s;
        }
        if (!keepStatus) {
            s.status = status;
            s.code = code;
        }
        State ret = s.copy();
        f.returns.add(ret);
        s.alive = Reach.NO;
        String guard = pathReason != null ? ", " + pathReason : takenBranch != null ? ", " + takenBranch : "";
        s.aliveReason = "stops at the `return` on line " + fc.line(span.start()) + guard;
        return s;
    }

    /** {@code exit}: ends the shell on this path. */
    State exitShell(State s, String reason) {
        exits.add(s.copy());
        s.alive = Reach.NO;
        s.aliveReason = reason + (pathReason != null ? ", " + pathReason : takenBranch != null ? ", " + takenBranch : "");
        return s;
    }

    // ================================================================ variables

    Origin origin(Frame.FileCtx fc, Span span, String text) {
        if (fc == null || fc.path() == null) return new Origin(Origin.SHELL, null, 0, null, text);
        return new Origin(fc.shellPath(), fc.path(), fc.line(span.start()), span, text);
    }

    Origin origin(Frame.FileCtx fc, Span span) {
        if (fc == null) return origin(null, span, "");
        return origin(fc, span, oneLine(fc.text(span.start(), span.end())));
    }

    /**
     * Assigns a scalar. {@code selfRef} tells whether the value was built from the variable's own
     * previous value (then the provenance grows instead of restarting).
     */
    void assign(State s, String name, AValue value, Origin origin, boolean selfRef) {
        Var v = s.getOrCreate(name);
        if (v.readonly) return;
        List<Origin> prov = selfRef && v.set != Tri.FALSE ? new ArrayList<>(v.provenance) : new ArrayList<>();
        prov.add(origin);
        if (dialect == Dialect.ZSH && s.unique.contains(name) && TIED.containsKey(name)) value = dedupe(value);
        v.value = value;
        v.array = null;
        v.set = Tri.TRUE;
        if (dialect == Dialect.ZSH) {
            // zsh: a scalar assignment replaces an array by a new scalar, without the export attribute
            // (bash instead sets element 0 and the variable stays an array)
            if (v.isArray == Tri.TRUE) v.exported = Tri.FALSE;
            else if (v.isArray == Tri.UNKNOWN && v.exported != Tri.FALSE) v.exported = Tri.UNKNOWN;
            v.isArray = Tri.FALSE;
            v.assoc = false;
        }
        v.exported = v.exported.or(s.allexport);
        v.origin = origin;
        v.provenance = prov;
        if (dialect == Dialect.ZSH && TIED.containsKey(name)) {
            // the array side is derived when read
            Var arr = s.get(TIED.get(name));
            if (arr != null) s.vars.remove(TIED.get(name));
        }
    }

    /** Assigns an array; zsh's tied arrays update their scalar. */
    void assignArray(State s, String name, List<AValue> elements, boolean exactShape, Origin origin, boolean selfRef) {
        if (dialect == Dialect.ZSH && TIED_ARRAYS.containsKey(name)) {
            String scalar = TIED_ARRAYS.get(name);
            List<AValue> els = elements;
            if (s.unique.contains(name) || s.unique.contains(scalar)) els = dedupeList(els);
            AValue joined = exactShape ? AValue.join(els, ":") : AValue.unknown("$" + scalar + " (from " + name + ")");
            Var v = s.getOrCreate(scalar);
            if (v.readonly) return;
            List<Origin> prov = selfRef && v.set != Tri.FALSE ? new ArrayList<>(v.provenance) : new ArrayList<>();
            prov.add(origin);
            v.value = joined;
            v.set = Tri.TRUE;
            v.exported = v.exported.or(s.allexport);
            v.origin = origin;
            v.provenance = prov;
            return;
        }
        Var v = s.getOrCreate(name);
        if (v.readonly) return;
        List<Origin> prov = selfRef && v.set != Tri.FALSE ? new ArrayList<>(v.provenance) : new ArrayList<>();
        prov.add(origin);
        v.array = exactShape ? new ArrayList<>(elements) : null;
        v.isArray = Tri.TRUE;
        if (v.assoc) {
            // zsh: (k1 v1 k2 v2) pairs; bash's ([k]=v) words are not modelled
            if (dialect != Dialect.ZSH || elements.size() % 2 != 0) v.array = null;
            v.value = AValue.unknown("$" + name + " (associative array)");
        }
        v.value = exactShape ? (elements.isEmpty() ? AValue.EMPTY : dialect == Dialect.ZSH ? AValue.join(elements, " ") : elements.get(0))
                : AValue.unknown("$" + name);
        v.set = Tri.TRUE;
        v.origin = origin;
        v.provenance = prov;
    }

    /** The elements of a zsh tied array, derived from its scalar. */
    List<AValue> tiedElements(State s, String array) {
        String scalar = TIED_ARRAYS.get(array);
        Var v = s.get(scalar);
        if (v == null || v.set == Tri.FALSE) return List.of();
        if (v.value == null || v.set == Tri.UNKNOWN) return null;
        if (v.value.isEmpty() == Tri.TRUE) return List.of();
        return v.value.split(':');
    }

    static final Map<String, String> TIED = Map.of("PATH", "path", "FPATH", "fpath", "MANPATH", "manpath",
            "CDPATH", "cdpath", "MODULE_PATH", "module_path");
    static final Map<String, String> TIED_ARRAYS = Map.of("path", "PATH", "fpath", "FPATH", "manpath", "MANPATH",
            "cdpath", "CDPATH", "module_path", "MODULE_PATH");

    private static AValue dedupe(AValue v) {
        return AValue.join(dedupeList(v.split(':')), ":");
    }

    private static List<AValue> dedupeList(List<AValue> els) {
        List<AValue> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AValue e : els) {
            String x = e.exact();
            if (x != null && !seen.add(x)) continue;
            out.add(e);
        }
        return out;
    }

    void assignFromExpansion(String name, AValue value, State s) {
        Frame f = frames.peek();
        Origin o = f != null && f.file != null ? new Origin(f.file.shellPath(), f.file.path(), 0, null, "${" + name + ":=…}")
                : new Origin(Origin.SHELL, null, 0, null, "${" + name + ":=…}");
        assign(s, name, value, o, false);
    }

    /** Unknown code ran: every value may have changed and new exports may exist. */
    void havoc(State s, String reason) {
        havoc(s, reason, "after " + shortReason(reason));
    }

    /**
     * Unknown code ran; {@code why} says it in a few words for the values it leaves unknown
     * ("eval "$(tool init)" at ~/.bashrc:4 may change it").
     */
    void havoc(State s, String reason, String why) {
        if (!s.tainted) notes.add(reason);
        s.tainted = true;
        if (s.taintReason == null) s.taintReason = reason;
        for (Map.Entry<String, Var> e : s.vars.entrySet()) {
            Var v = e.getValue();
            if (v.readonly) continue;
            // assumption: code envreach cannot see does not move the home (otherwise every later
            // ~/... and $HOME/... path, and all it sources, would be lost)
            if (e.getKey().equals("HOME") && v.set == Tri.TRUE) continue;
            // the first unknown code that touched it is the reason people need (later ones follow from it)
            boolean already = v.value != null && v.value.segs().size() == 1 && v.value.segs().get(0) instanceof AValue.Unk u
                    && u.why() != null;
            if (!already) v.value = AValue.unknownBecause("$" + e.getKey(), why);
            v.array = null;
            if (v.exported == Tri.FALSE) v.exported = Tri.UNKNOWN;
            if (v.set == Tri.FALSE) v.set = Tri.UNKNOWN;
        }
        s.allexport = s.allexport.or(Tri.UNKNOWN);
    }

    /** Known code touched these names: their values become unknown, they may be exported. */
    void havocNames(State s, List<String> names, Origin origin) {
        for (String n : names) {
            if (TIED_ARRAYS.containsKey(n) && dialect == Dialect.ZSH) n = TIED_ARRAYS.get(n);
            Var v = s.getOrCreate(n);
            if (v.readonly) continue;
            v.value = AValue.unknownBecause("$" + n, "set by " + shortText(origin.text()) + " at " + where(origin));
            v.array = null;
            v.set = v.set == Tri.TRUE ? Tri.TRUE : Tri.UNKNOWN;
            v.exported = v.exported == Tri.TRUE ? Tri.TRUE : Tri.UNKNOWN;
            v.provenance.add(origin);
            v.origin = origin;
        }
    }

    /** {@code ~/.bashrc:3} for an origin in a file, the shell's own name otherwise. */
    String where(Origin o) {
        if (o == null) return "?";
        if (o.path() == null) return o.shellPath();
        return tildePath(o.shellPath()) + ":" + o.line();
    }

    String where(Frame.FileCtx fc, Span span) {
        return tildePath(fc.shellPath()) + ":" + fc.line(span.start());
    }

    /** A path under the home as {@code ~/…}. */
    String tildePath(String p) {
        if (p == null) return "?";
        String h = facts.home().toString();
        if (p.equals(h)) return "~";
        if (p.startsWith(h + "/")) return "~" + p.substring(h.length());
        return p;
    }

    /** Statement text for a reason: one line, at most 40 characters. */
    static String shortText(String t) {
        if (t == null) return "?";
        t = t.replace('\n', ' ').replaceAll("\\s+", " ").trim();
        return t.length() > 40 ? t.substring(0, 37) + "…" : t;
    }

    private static String shortReason(String r) {
        return r.length() > 50 ? r.substring(0, 47) + "…" : r;
    }

    // ================================================================ services for expansion and conditions

    Dialect dialect() {
        return emulation != null ? emulation : dialect;
    }

    List<AValue> positional() {
        Frame f = frames.peek();
        return f == null ? List.of() : f.positional;
    }

    String sourceText(Span span) {
        Frame f = frames.peek();
        Frame.FileCtx fc = currentFile;
        if (fc == null && f != null) fc = f.file;
        if (fc == null || span == null) return null;
        return fc.text(span.start(), span.end());
    }

    /** The file whose statements are being interpreted (for labels of unknown values). */
    Frame.FileCtx currentFile;

    AValue dashFlags(State s) {
        Set<Character> present = new HashSet<>();
        Set<Character> absent = new HashSet<>();
        if (interactive) present.add('i');
        else absent.add('i');
        if (dialect == Dialect.ZSH) {
            if (login) present.add('l');
            else absent.add('l');
        }
        Tri ax = s.allexport;
        if (ax == Tri.TRUE) present.add('a');
        else if (ax == Tri.FALSE) absent.add('a');
        return AValue.flags(present, absent);
    }

    String platformUname() {
        if (facts.pure()) return null;
        return platform.isMac() ? "Darwin" : "Linux";
    }

    Optional<List<String>> listDirectory(String dir) {
        return facts.listDirectory(dir);
    }

    /** {@code command -v NAME}: a function, a builtin, or an executable on the simulated PATH. */
    Tri commandExists(String name, State s, boolean includeFunctions) {
        State.Fn fn = s.functions.get(name);
        if (fn != null) {
            if (fn.defined() == Tri.TRUE) return Tri.TRUE;
        }
        if (Builtins.isBuiltin(name, dialect())) return Tri.TRUE;
        Var p = s.get("PATH");
        List<String> dirs = null;
        if (p == null || p.set == Tri.FALSE) {
            dirs = s.tainted ? null : List.of("/usr/local/bin", "/usr/bin", "/bin"); // shells' default search path
        } else if (p.set == Tri.TRUE && p.value != null && p.value.exact() != null) {
            dirs = List.of(p.value.exact().split(":", -1));
        }
        Tri onPath = facts.commandOnPath(name, dirs);
        if (fn != null && fn.defined() == Tri.UNKNOWN) return onPath.or(Tri.UNKNOWN);
        if (s.tainted && onPath == Tri.FALSE) return Tri.UNKNOWN;
        return onPath;
    }

    /** Shell arithmetic on the state; assignments inside it are applied. Null when not known. */
    Long arith(String expr, State s) {
        Frame.FileCtx fc = currentFile;
        return Arith.eval(expr, n -> {
            Var v = s.get(n);
            if (v == null || v.set == Tri.FALSE) return s.tainted ? null : 0L;
            if (v.set != Tri.TRUE || v.value == null || v.value.exact() == null) return null;
            String e = v.value.exact().trim();
            if (e.isEmpty()) return 0L;
            try {
                return Long.parseLong(e);
            } catch (NumberFormatException x) {
                return null;
            }
        }, (n, val) -> {
            Origin o = fc == null ? new Origin(Origin.SHELL, null, 0, null, "arithmetic") : new Origin(fc.shellPath(), fc.path(), 0, null, "arithmetic");
            assign(s, n, val == null ? AValue.unknown("$" + n + " (arithmetic)") : AValue.of(Long.toString(val)), o, true);
        });
    }

    /**
     * {@code $(echo literal)} and {@code $(printf literal)} give their text; a command that is surely not
     * found gives nothing. Null when the output is not known.
     */
    AValue simpleSubstitution(List<Node.Statement> body, State s) {
        if (body == null) return null;
        if (body.isEmpty()) return AValue.EMPTY;
        if (body.size() != 1 || body.get(0).background()) return null;
        Node.Command c = body.get(0).command();
        if (!(c instanceof Node.SimpleCommand sc) || !sc.assignments().isEmpty() || sc.words().isEmpty()) return null;
        String name = sc.words().get(0).literalValue();
        if (name == null) return null;
        if (name.startsWith("/") && !facts.pure()) {
            // an absolute command path that is not an executable here: "not found", nothing on stdout
            return facts.isExecutable(name) == Tri.FALSE ? AValue.EMPTY : null;
        }
        if (name.contains("/")) return null;
        if (name.equals("echo") || name.equals("printf")) {
            if (!sc.redirects().isEmpty()) return null;
            List<String> words = new ArrayList<>();
            for (Word w : sc.words().subList(1, sc.words().size())) {
                Expander.Fields f = ex.fields(w, s);
                if (!f.exact()) return null;
                for (AValue v : f.items()) {
                    if (v.exact() == null) return null;
                    words.add(v.exact());
                }
            }
            if (name.equals("echo")) {
                if (!words.isEmpty() && words.get(0).startsWith("-")) return null;
                String out = String.join(" ", words);
                if (out.indexOf('\\') >= 0 && dialect() != Dialect.BASH) return null;
                return AValue.of(stripNewlines(out));
            }
            if (words.size() != 1 || words.get(0).indexOf('%') >= 0 || words.get(0).indexOf('\\') >= 0) return null;
            return AValue.of(stripNewlines(words.get(0)));
        }
        if (s.functions.containsKey(name) || Builtins.isBuiltin(name, dialect())) return null;
        if (commandExists(name, s, true) == Tri.FALSE) return AValue.EMPTY;
        return null;
    }

    private static String stripNewlines(String t) {
        int e = t.length();
        while (e > 0 && t.charAt(e - 1) == '\n') e--;
        return t.substring(0, e);
    }

    /** Parses and interprets a literal string ({@code eval 'export A=1'}, {@code emulate sh -c '...'}). */
    State evalText(String text, State s, Dialect d, Frame.FileCtx caller) {
        ParseResult pr = Parser.parse(text, d);
        Frame.FileCtx fc = new Frame.FileCtx(caller == null ? "(eval)" : caller.shellPath(), caller == null ? null : caller.path(), pr, d, false);
        Frame.FileCtx saved = currentFile;
        currentFile = fc;
        try {
            if (!pr.errors().isEmpty()) {
                notes.add("eval text has a syntax error: not interpreted");
                s.status = Tri.FALSE;
                return s;
            }
            for (Node.Statement st : pr.statements()) {
                if (s.alive == Reach.NO) break;
                s = execCommand(st.command(), s, fc);
            }
        } finally {
            currentFile = saved;
        }
        return s;
    }
}
