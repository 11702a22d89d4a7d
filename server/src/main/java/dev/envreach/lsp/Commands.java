package dev.envreach.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

import java.util.List;

/** {@code envreach.showMatrix} and {@code envreach.explain}: text answers from the analysis. */
final class Commands {
    private Commands() {}

    static Object run(String command, Snapshot snap, List<Object> args) {
        String name = firstString(args);
        return switch (command) {
            case Capabilities.SHOW_MATRIX -> name == null ? Matrix.overview(snap) : Matrix.markdown(snap, name, null);
            case Capabilities.EXPLAIN -> {
                if (name == null) throw new org.eclipse.lsp4j.jsonrpc.ResponseErrorException(new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(
                        org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidParams, "envreach.explain needs a variable name", null));
                yield Matrix.explain(snap, name);
            }
            default -> throw new IllegalArgumentException(command);
        };
    }

    /** The first argument as a string: a JSON string, a Java string, an object with a name, or null. */
    static String firstString(List<Object> args) {
        if (args == null || args.isEmpty() || args.get(0) == null) return null;
        Object a = args.get(0);
        if (a instanceof JsonPrimitive p && p.isString()) return p.getAsString();
        if (a instanceof JsonElement e && e.isJsonObject() && e.getAsJsonObject().has("name")) return e.getAsJsonObject().get("name").getAsString();
        if (a instanceof JsonElement e && e.isJsonNull()) return null;
        if (a instanceof String s) return s;
        return a.toString();
    }
}
