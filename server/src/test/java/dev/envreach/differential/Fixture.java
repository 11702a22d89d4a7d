package dev.envreach.differential;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One fixture home: a directory of dotfiles plus {@value #SPEC}, which names the contexts to run,
 * the extra initial environment, the variables of interest and the variables whose value static
 * analysis cannot know. Example:
 *
 * <pre>{@code
 * {
 *   "about": "what the fixture proves",
 *   "contexts": ["bash-login", {"context": "bash-ssh-command", "set": {"SHLVL": "1"}}],
 *   "set": {"BASH_ENV": "@HOME@/.bashenv"},
 *   "variables": ["GOPATH", "NOT_EXPORTED"],
 *   "unknown": ["BUILT_BY_COMMAND"],
 *   "mkdirs": ["bin"]
 * }
 * }</pre>
 *
 * {@code @HOME@} in values stands for the home copy. {@code mkdirs} creates (empty) directories in
 * the copy, since git keeps no empty directories.
 */
record Fixture(String name, Path dir, String about, List<Case> cases, List<String> mkdirs) {
    static final String SPEC = "fixture.json";
    static final String HOME_TOKEN = "@HOME@";

    /** One context of a fixture, with its own additions to the initial environment. */
    record Case(String context, Map<String, String> set, Set<String> variables, Set<String> unknown,
                Set<String> ownSet) {
        /** The context, plus the names this case adds to the initial environment: {@code bash-noninteractive[SSH_CLIENT]}. */
        String label() {
            return ownSet.isEmpty() ? context : context + "[" + String.join(",", ownSet) + "]";
        }
    }

    static Fixture load(Path dir) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(dir.resolve(SPEC))).getAsJsonObject();
        String about = o.has("about") ? o.get("about").getAsString() : "";
        Map<String, String> set = stringMap(o.getAsJsonObject("set"));
        Set<String> variables = stringSet(o.getAsJsonArray("variables"));
        Set<String> unknown = stringSet(o.getAsJsonArray("unknown"));
        List<Case> cases = new ArrayList<>();
        for (JsonElement c : o.getAsJsonArray("contexts")) {
            if (c.isJsonPrimitive()) {
                cases.add(new Case(c.getAsString(), set, variables, unknown, Set.of()));
            } else {
                JsonObject co = c.getAsJsonObject();
                Map<String, String> own = stringMap(co.getAsJsonObject("set"));
                Map<String, String> s = new LinkedHashMap<>(set);
                s.putAll(own);
                Set<String> v = new LinkedHashSet<>(variables);
                v.addAll(stringSet(co.getAsJsonArray("variables")));
                Set<String> u = new LinkedHashSet<>(unknown);
                u.addAll(stringSet(co.getAsJsonArray("unknown")));
                cases.add(new Case(co.get("context").getAsString(), s, v, u, own.keySet()));
            }
        }
        List<String> mkdirs = new ArrayList<>(stringSet(o.getAsJsonArray("mkdirs")));
        return new Fixture(dir.getFileName().toString(), dir, about, cases, mkdirs);
    }

    /** Copies the dotfiles (everything except the spec; symbolic links as links) into a fresh home. */
    void copyTo(Path home) throws IOException {
        Files.createDirectories(home);
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path rel = dir.relativize(p);
                if (rel.toString().isEmpty() || rel.toString().equals(SPEC)) {
                    continue;
                }
                Path target = home.resolve(rel.toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(p)); // stow-style homes keep their links
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        for (String d : mkdirs) {
            Files.createDirectories(home.resolve(d));
        }
    }

    static String substitute(String value, Path home) {
        return value.replace(HOME_TOKEN, home.toString());
    }

    private static Map<String, String> stringMap(JsonObject o) {
        Map<String, String> m = new LinkedHashMap<>();
        if (o != null) {
            for (var e : o.entrySet()) {
                m.put(e.getKey(), e.getValue().getAsString());
            }
        }
        return m;
    }

    private static Set<String> stringSet(JsonArray a) {
        Set<String> s = new LinkedHashSet<>();
        if (a != null) {
            for (JsonElement e : a) {
                s.add(e.getAsString());
            }
        }
        return s;
    }
}
