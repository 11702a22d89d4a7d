package dev.envreach.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parsers of the non-shell environment files (CONTEXTS.md 1d): pam_env's /etc/environment and environment.d. */
final class EnvironmentFiles {
    private EnvironmentFiles() {}

    /**
     * {@code /etc/environment} as pam_env reads it: {@code NAME=VALUE} per line, a leading {@code export }
     * skipped, surrounding quotes stripped, no {@code $} expansion, {@code #} anywhere ends the value.
     */
    static Map<String, String> pamEnvironment(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("export ")) line = line.substring(7).strip();
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            int eq = line.indexOf('=');
            if (eq <= 0) continue;
            String name = line.substring(0, eq).strip();
            if (!dev.envreach.syntax.TreeWalk.isName(name)) continue;
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            } else if (value.startsWith("\"") || value.startsWith("'")) {
                value = value.substring(1);
            }
            out.put(name, value);
        }
        return out;
    }

    /**
     * One environment.d file, applied on top of {@code env}: {@code KEY=VALUE}, {@code $X ${X} ${X:-d} ${X:+a}}
     * expanded (undefined: empty), surrounding quotes stripped (single quotes too), {@code ~} kept,
     * {@code export K=V} rejected, {@code a\ b} becomes {@code a b}.
     */
    static void environmentD(String text, Map<String, String> env) {
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            int eq = line.indexOf('=');
            if (eq <= 0) continue;
            String name = line.substring(0, eq).strip();
            if (!dev.envreach.syntax.TreeWalk.isName(name)) continue; // "export K" is not a name: rejected
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            env.put(name, expand(value, env));
        }
    }

    private static String expand(String v, Map<String, String> env) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                sb.append(v.charAt(++i));
                continue;
            }
            if (c != '$' || i + 1 >= v.length()) {
                sb.append(c);
                continue;
            }
            if (v.charAt(i + 1) == '{') {
                int close = v.indexOf('}', i + 2);
                if (close < 0) {
                    sb.append(c);
                    continue;
                }
                String body = v.substring(i + 2, close);
                String name = body;
                String op = null;
                String arg = "";
                for (String o : List.of(":-", ":+")) {
                    int k = body.indexOf(o);
                    if (k > 0) {
                        name = body.substring(0, k);
                        op = o;
                        arg = body.substring(k + 2);
                        break;
                    }
                }
                String val = env.getOrDefault(name, "");
                if (":-".equals(op)) sb.append(val.isEmpty() ? arg : val);
                else if (":+".equals(op)) sb.append(val.isEmpty() ? "" : arg);
                else sb.append(val);
                i = close;
                continue;
            }
            int j = i + 1;
            while (j < v.length() && (Character.isLetterOrDigit(v.charAt(j)) || v.charAt(j) == '_')) j++;
            if (j == i + 1) {
                sb.append(c);
                continue;
            }
            sb.append(env.getOrDefault(v.substring(i + 1, j), ""));
            i = j - 1;
        }
        return sb.toString();
    }
}
