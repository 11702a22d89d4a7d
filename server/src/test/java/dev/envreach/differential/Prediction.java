package dev.envreach.differential;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.envreach.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * envreach's prediction for a context, obtained only through the CLI contract
 * ({@code env --home H --context CTX --sysroot S --set NAME=VALUE... --json}), in-process.
 */
record Prediction(Map<String, Variable> variables, String failure, String json) {

    /** One variable of the {@code variables} object: exported yes/maybe, value or null (unknown). */
    record Variable(boolean surelyExported, String value) {}

    boolean ok() {
        return failure == null;
    }

    /** The engine may keep state; calls are serialised so parallel shell runs cannot disturb it. */
    private static final Object LOCK = new Object();

    static Prediction of(Path home, Path sysroot, String context, Map<String, String> initial) {
        List<String> args = new ArrayList<>(List.of("env", "--home", home.toString(), "--context", context,
                "--sysroot", sysroot.toString()));
        for (var e : initial.entrySet()) {
            args.add("--set");
            args.add(e.getKey() + "=" + e.getValue());
        }
        args.add("--json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        synchronized (LOCK) {
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                code = Main.run(args.toArray(String[]::new), o, e);
            } catch (RuntimeException | StackOverflowError ex) {
                return new Prediction(Map.of(), "envreach threw " + ex, "");
            }
        }
        String json = out.toString(StandardCharsets.UTF_8);
        if (code != 0) {
            return new Prediction(Map.of(), "envreach env exited " + code + ": "
                    + err.toString(StandardCharsets.UTF_8).strip(), json);
        }
        try {
            return parse(json, context);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                 | NullPointerException | ClassCastException ex) {
            return new Prediction(Map.of(), "output breaks the JSON contract: " + ex.getMessage(), json);
        }
    }

    static Prediction parse(String json, String context) {
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        for (String key : List.of("context", "chain", "files", "variables")) {
            if (!root.has(key)) {
                return new Prediction(Map.of(), "output has no \"" + key + "\"", json);
            }
        }
        root.getAsJsonArray("chain");
        for (JsonElement f : root.getAsJsonArray("files")) {
            String status = f.getAsJsonObject().get("status").getAsString();
            if (!List.of("read", "missing", "skipped").contains(status)) {
                return new Prediction(Map.of(), "file status '" + status + "' is not read|missing|skipped", json);
            }
        }
        Map<String, Variable> vars = new LinkedHashMap<>();
        for (var e : root.getAsJsonObject("variables").entrySet()) {
            JsonObject v = e.getValue().getAsJsonObject();
            String exported = v.get("exported").getAsString();
            if (!exported.equals("yes") && !exported.equals("maybe")) {
                return new Prediction(Map.of(), e.getKey() + ": exported '" + exported + "' is not yes|maybe", json);
            }
            JsonElement value = v.get("value");
            if (value == null) {
                return new Prediction(Map.of(), e.getKey() + " has no \"value\" (null when unknown)", json);
            }
            vars.put(e.getKey(), new Variable(exported.equals("yes"), value.isJsonNull() ? null : value.getAsString()));
        }
        return new Prediction(vars, null, json);
    }
}
