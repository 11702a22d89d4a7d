package dev.envreach.analysis;

import dev.envreach.facts.Facts;
import dev.envreach.model.ChainStep;
import dev.envreach.model.Mode;
import dev.envreach.model.NamedContext;
import dev.envreach.model.Platform;
import dev.envreach.model.Reach;
import dev.envreach.model.Tri;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entry point of the engine: for each context asked for, which files are read, which statements run,
 * and what every variable is when the context's program starts. Pure: no I/O except through
 * {@link Facts} and the {@link Workspace}.
 */
public final class HomeAnalyzer {
    private HomeAnalyzer() {}

    public static HomeAnalysis analyze(AnalysisInput input) {
        Workspace ws = new Workspace(input.facts(), input.openDocuments());
        Mode.ShellKind shell = loginShell(input);
        List<String> ids = input.contexts().isEmpty() ? ContextResolver.namedIds(input.platform()) : input.contexts();
        List<ContextResult> results = new ArrayList<>();
        for (String id : ids) {
            ContextResolver.Resolved r = ContextResolver.resolve(id, input.platform(), shell);
            results.add(run(r, input, ws, shell));
        }
        return new HomeAnalysis(List.copyOf(results), ws.parses());
    }

    /** The user's login shell: given, else from SHELL in the initial environment, else the platform's. */
    public static Mode.ShellKind loginShell(AnalysisInput input) {
        if (input.loginShell() != null) return input.loginShell();
        if (input.initialEnvironment() != null && input.initialEnvironment().containsKey("SHELL")) {
            var k = Mode.ShellKind.fromShellPath(input.initialEnvironment().get("SHELL"));
            if (k.isPresent()) return k.get();
        }
        return Mode.ShellKind.fromShellPath(input.platform().defaultShell()).orElse(Mode.ShellKind.BASH);
    }

    private static ContextResult run(ContextResolver.Resolved r, AnalysisInput input, Workspace ws, Mode.ShellKind shell) {
        Interpreter in = new Interpreter(input.facts(), input.platform(), ws);
        State s = initialState(r, input, shell, ws, in.notes);
        boolean first = true;
        for (ChainStep step : r.chain().steps()) {
            s = in.runShell(step, s, first);
            first = false;
        }
        return result(r, shell, in, s);
    }

    // ---------------------------------------------------------------- the first process's environment

    private static State initialState(ContextResolver.Resolved r, AnalysisInput input, Mode.ShellKind shell,
                                      Workspace ws, List<String> notes) {
        State s = new State();
        Origin env = new Origin(Origin.ENVIRONMENT, null, 0, null, "the initial environment");
        Map<String, AValue> vars = new LinkedHashMap<>();
        if (input.initialEnvironment() != null) {
            input.initialEnvironment().forEach((k, v) -> vars.put(k, AValue.of(v)));
        } else {
            vars.putAll(defaultEnvironment(r, input, shell, ws, notes));
        }
        for (Map.Entry<String, AValue> e : vars.entrySet()) {
            Var v = new Var();
            v.value = e.getValue();
            v.set = Tri.TRUE;
            v.exported = Tri.TRUE;
            v.origin = env;
            v.provenance.add(env);
            s.vars.put(e.getKey(), v);
        }
        return s;
    }

    private static Map<String, AValue> defaultEnvironment(ContextResolver.Resolved r, AnalysisInput input,
                                                          Mode.ShellKind shell, Workspace ws, List<String> notes) {
        Platform p = input.platform();
        Facts f = input.facts();
        NamedContext nc = r.named();
        NamedContext.Environment spec = nc == null ? null : nc.environment();
        Map<String, AValue> out = new LinkedHashMap<>();
        boolean login = spec == null || !"empty".equals(spec.base());
        if (login) {
            p.loginEnvironment().forEach((k, v) -> out.put(k, template(v, f, shell, p)));
        }
        if (spec != null && spec.pamEnvironment() && !f.pure()) {
            Workspace.Loaded etc = ws.load("/etc/environment");
            if (etc.status() == FileVisit.Status.READ) {
                EnvironmentFiles.pamEnvironment(etc.text()).forEach((k, v) -> out.put(k, AValue.of(v)));
            }
        }
        if (spec != null) {
            if (spec.set() != null) spec.set().forEach((k, v) -> out.put(k, template(v, f, shell, p)));
            if (spec.unset() != null) spec.unset().forEach(out::remove);
        }
        if (spec != null && spec.environmentD()) {
            environmentD(out, f, ws, p, notes); // the generator runs in the manager, which already has HOME
        }
        if (nc == null && !r.chain().steps().isEmpty() && r.chain().steps().get(0).mode() == Mode.BASH_SSH_COMMAND) {
            out.put("SSH_CLIENT", AValue.of("192.0.2.1 50000 22"));
            out.put("SSH_CONNECTION", AValue.of("192.0.2.1 50000 192.0.2.2 22"));
        }
        return out;
    }

    private static void environmentD(Map<String, AValue> out, Facts f, Workspace ws, Platform p, List<String> notes) {
        Map<String, String> env = new LinkedHashMap<>();
        out.forEach((k, v) -> {
            if (v.exact() != null) env.put(k, v.exact());
        });
        List<String> dirs = List.of(f.home() + "/.config/environment.d", "/etc/environment.d");
        Map<String, String> byName = new TreeMap<>();
        for (String dir : dirs) {
            var names = f.listDirectory(dir);
            if (names.isEmpty()) {
                if (f.pure()) notes.add("pure mode: " + dir + " not listed");
                continue;
            }
            for (String n : names.get()) {
                if (n.endsWith(".conf")) byName.putIfAbsent(n, dir + "/" + n);
            }
        }
        if ("debian".equals(p.id()) && !f.pure()) byName.putIfAbsent("99-environment.conf", "/etc/environment");
        for (String path : byName.values()) {
            Workspace.Loaded file = ws.load(path);
            if (file.status() == FileVisit.Status.READ) EnvironmentFiles.environmentD(file.text(), env);
        }
        env.forEach((k, v) -> out.put(k, AValue.of(v)));
    }

    private static AValue template(String v, Facts f, Mode.ShellKind shell, Platform p) {
        if (!v.contains("${")) return AValue.of(v);
        AValue r = AValue.EMPTY;
        int i = 0;
        while (i < v.length()) {
            int k = v.indexOf("${", i);
            if (k < 0) {
                r = r.concat(v.substring(i));
                break;
            }
            r = r.concat(v.substring(i, k));
            int close = v.indexOf('}', k);
            String name = v.substring(k + 2, close);
            r = r.concat(switch (name) {
                case "HOME" -> AValue.of(f.home().toString());
                case "USER" -> f.userName().map(AValue::of).orElse(AValue.unknownNonEmpty("(user name)"));
                case "SHELL" -> AValue.of(shellPath(shell, p));
                default -> AValue.unknown("${" + name + "}");
            });
            i = close + 1;
        }
        return r;
    }

    private static String shellPath(Mode.ShellKind shell, Platform p) {
        return switch (shell) {
            case BASH -> "/bin/bash";
            case ZSH -> p.isMac() ? "/bin/zsh" : "/usr/bin/zsh";
            case SH -> "/bin/sh";
        };
    }

    // ---------------------------------------------------------------- the result

    private static ContextResult result(ContextResolver.Resolved r, Mode.ShellKind shell, Interpreter in, State s) {
        Map<String, VariableResult> exported = new TreeMap<>();
        Map<String, VariableResult> local = new TreeMap<>();
        for (Map.Entry<String, Var> e : s.vars.entrySet()) {
            Var v = e.getValue();
            if (v.set == Tri.FALSE) continue;
            if (v.array != null && v.value == null) continue;
            Tri present = v.inEnvironment();
            AValue val = v.value == null ? AValue.unknown("$" + e.getKey()) : v.value;
            VariableResult vr = new VariableResult(e.getKey(), present.toReach(), val.exact(), val.display(), v.origin,
                    List.copyOf(v.provenance), val.exact() == null ? val.reasons() : List.of());
            if (v.exported == Tri.FALSE || v.isArray == Tri.TRUE) local.put(e.getKey(), vr);
            else exported.put(e.getKey(), vr);
        }
        List<String> notes = new ArrayList<>(in.notes);
        if (s.tainted) notes.add("other variables may be exported too: " + s.taintReason);
        Map<Path, Map<dev.envreach.syntax.Span, StatementReach>> st = new LinkedHashMap<>();
        in.reach.forEach((k, v) -> st.put(k, Collections.unmodifiableMap(v)));
        return new ContextResult(r.id(), r.description(), r.chain().ids(), shell.id(), List.copyOf(in.files),
                Collections.unmodifiableMap(exported), Collections.unmodifiableMap(local),
                Collections.unmodifiableMap(st), List.copyOf(dedupe(notes)), ValuesAfter.result(in.valuesAfter));
    }

    private static List<String> dedupe(List<String> notes) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(notes));
    }

    /** Whether a variable is in the environment of a context's program: yes, maybe or no. */
    public static Reach presence(ContextResult c, String name) {
        VariableResult v = c.variables().get(name);
        return v == null ? Reach.NO : v.exported();
    }
}
