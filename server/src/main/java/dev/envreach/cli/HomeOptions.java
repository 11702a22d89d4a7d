package dev.envreach.cli;

import dev.envreach.analysis.AnalysisInput;
import dev.envreach.facts.Facts;
import dev.envreach.facts.PureFacts;
import dev.envreach.facts.RealFacts;
import dev.envreach.model.Platform;
import dev.envreach.model.Platforms;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options shared by env, matrix and explain; parsing throws {@link UsageException}. */
final class HomeOptions {
    Path home;
    Path sysroot = Path.of("/");
    Platform platform;
    Map<String, String> set;
    boolean pure;
    boolean json;
    String context;
    List<String> contexts = new ArrayList<>();
    List<String> positional = new ArrayList<>();

    /** @param allowed the options the command accepts besides the common ones */
    static HomeOptions parse(String[] args, List<String> allowed) {
        HomeOptions o = new HomeOptions();
        String platform = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            String name = a;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (!name.startsWith("--")) {
                o.positional.add(a);
                continue;
            }
            if (!allowed.contains(name) && !List.of("--home", "--platform", "--sysroot", "--set", "--pure", "--json").contains(name)) {
                throw new UsageException("unknown option '" + name + "'");
            }
            boolean flag = name.equals("--pure") || name.equals("--json");
            if (flag) {
                if (value != null) throw new UsageException(name + " takes no value");
                if (name.equals("--pure")) o.pure = true;
                else o.json = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) throw new UsageException(name + " needs a value");
                value = args[++i];
            }
            switch (name) {
                case "--home" -> o.home = path(value, "--home");
                case "--sysroot" -> o.sysroot = path(value, "--sysroot");
                case "--platform" -> platform = value;
                case "--context" -> o.context = value;
                case "--contexts" -> {
                    for (String c : value.split(",")) if (!c.isBlank()) o.contexts.add(c.trim());
                    if (o.contexts.isEmpty()) throw new UsageException("--contexts needs at least one context");
                }
                case "--set" -> {
                    int k = value.indexOf('=');
                    if (k <= 0 || !dev.envreach.syntax.TreeWalk.isName(value.substring(0, k))) {
                        throw new UsageException("--set expects NAME=VALUE, got '" + value + "'");
                    }
                    if (o.set == null) o.set = new LinkedHashMap<>();
                    o.set.put(value.substring(0, k), value.substring(k + 1));
                }
                default -> throw new UsageException("unknown option '" + name + "'");
            }
        }
        if (o.home == null) throw new UsageException("--home DIR is required");
        if (!Files.isDirectory(o.home)) throw new UsageException("home directory '" + o.home + "' does not exist or is not a directory");
        if (!Files.isDirectory(o.sysroot)) throw new UsageException("sysroot '" + o.sysroot + "' does not exist or is not a directory");
        if (platform == null) o.platform = Platforms.host();
        else {
            String pid = platform;
            o.platform = Platforms.byId(pid).orElseThrow(() -> new UsageException(
                    "unknown platform '" + pid + "' (expected one of " + String.join(", ", Platforms.IDS) + ")"));
        }
        return o;
    }

    private static Path path(String value, String option) {
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException(option + ": invalid path '" + value + "'");
        }
    }

    Facts facts() {
        return pure ? new PureFacts(home) : RealFacts.forMachine(home, sysroot);
    }

    AnalysisInput input(List<String> ctxs) {
        return new AnalysisInput(facts(), platform, Map.of(), ctxs, set, null);
    }

    /** A path for people: the home shown as ~. */
    String show(String path) {
        if (path == null) return "?";
        String h = home.toString();
        if (path.equals(h)) return "~";
        if (path.startsWith(h + "/")) return "~" + path.substring(h.length());
        return path;
    }
}
