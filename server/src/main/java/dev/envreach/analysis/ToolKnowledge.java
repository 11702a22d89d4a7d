package dev.envreach.analysis;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import dev.envreach.syntax.Node;
import dev.envreach.syntax.Word;
import dev.envreach.syntax.WordPart;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the output of a well-known tool does when a startup file evaluates it ({@code eval "$(pyenv init -)"},
 * {@code source <(fzf --bash)}, {@code eval "$__conda_setup"} where the variable holds {@code $(conda shell.bash
 * hook)}): the JSON resource {@code envreach/tools/evals.json}.
 *
 * <p>A substitution matches a tool when its body is one simple command (optionally {@code … || true}) whose
 * command word ends with the tool's name (a full path or {@code $(brew --prefix)/bin/brew} is fine, so is a
 * leading {@code command}) and whose arguments contain every word the entry names after the tool, in any order
 * and among other arguments.
 */
public final class ToolKnowledge {
    private ToolKnowledge() {}

    /**
     * One entry of {@code evals.json}.
     *
     * @param command        the tool name and the words its arguments must contain ({@code "pyenv init"})
     * @param sets           every variable its output may assign or unset (values never known)
     * @param unsets         those of {@code sets} that its output may unset
     * @param exported       those of {@code sets} that its output may export
     * @param functions      the functions its output defines
     * @param functionSets   variables a call of those functions may change, besides {@code sets}
     * @param functionNameArg an option whose next argument names one more function ({@code thefuck --alias fk})
     * @param open           why its output may change any variable (null when {@code sets} is complete)
     * @param functionsOpen  why a call of its functions may change any variable (null when bounded)
     * @param mayReturn      its output may {@code return}, ending the file that evaluates it
     * @param source         where the knowledge comes from (a repository path read, or UNVERIFIED)
     */
    public record Tool(String command, List<String> sets, List<String> unsets, List<String> exported,
                       List<String> functions, List<String> functionSets, String functionNameArg, String open,
                       String functionsOpen, boolean mayReturn, String source) {
        public Tool {
            sets = sets == null ? List.of() : List.copyOf(sets);
            unsets = unsets == null ? List.of() : List.copyOf(unsets);
            exported = exported == null ? List.of() : List.copyOf(exported);
            functions = functions == null ? List.of() : List.copyOf(functions);
            functionSets = functionSets == null ? List.of() : List.copyOf(functionSets);
        }

        public String name() {
            return command.split(" ")[0];
        }

        public List<String> requiredArgs() {
            String[] w = command.split(" ");
            return List.of(w).subList(1, w.length);
        }
    }

    /**
     * A use of a tool: the entry, the command as written (shortened, for people) and the functions named by
     * its arguments.
     */
    public record Use(Tool tool, String text, List<String> functions) {}

    private static final List<Tool> TOOLS = load();

    private static List<Tool> load() {
        try (var in = ToolKnowledge.class.getResourceAsStream("/envreach/tools/evals.json")) {
            if (in == null) return List.of();
            List<Tool> raw = new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8),
                    new TypeToken<List<Tool>>() {}.getType());
            List<Tool> out = new ArrayList<>();
            for (Tool t : raw) {
                // Gson fills records through their canonical constructor: null lists become empty here
                out.add(new Tool(t.command(), t.sets(), t.unsets(), t.exported(), t.functions(), t.functionSets(),
                        t.functionNameArg(), t.open(), t.functionsOpen(), t.mayReturn(), t.source()));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            return List.of();
        }
    }

    public static List<Tool> all() {
        return TOOLS;
    }

    /** The tool whose output a substitution body prints, or null when it is not a known tool's. */
    static Use match(List<Node.Statement> body, String text) {
        if (body == null || body.size() != 1 || body.get(0).background()) return null;
        Node.Command c = body.get(0).command();
        if (c instanceof Node.AndOr ao) {
            // `tool init - || true`: the fallback prints nothing
            if (ao.items().isEmpty()) return null;
            for (int i = 1; i < ao.items().size(); i++) {
                if (!ao.ops().get(i - 1).equals("||") || !printsNothing(ao.items().get(i))) return null;
            }
            c = ao.items().get(0);
        }
        if (!(c instanceof Node.SimpleCommand sc) || sc.words().isEmpty()) return null;
        List<Word> words = sc.words();
        int i = 0;
        while (i < words.size() - 1 && isWrapper(words.get(i), words.get(i + 1))) i++;
        String name = commandName(words.get(i));
        if (name == null) return null;
        List<String> args = new ArrayList<>();
        for (Word w : words.subList(i + 1, words.size())) args.add(w.literalValue()); // null: not static
        Tool best = null;
        for (Tool t : TOOLS) {
            if (!t.name().equals(name) || !args.containsAll(t.requiredArgs())) continue;
            if (best == null || t.requiredArgs().size() > best.requiredArgs().size()) best = t;
        }
        if (best == null) return null;
        List<String> fns = new ArrayList<>(best.functions());
        if (best.functionNameArg() != null) {
            int k = args.indexOf(best.functionNameArg());
            if (k >= 0 && k + 1 < args.size() && args.get(k + 1) != null) fns.add(args.get(k + 1));
        }
        return new Use(best, text, List.copyOf(fns));
    }

    private static boolean printsNothing(Node.Command c) {
        if (!(c instanceof Node.SimpleCommand sc) || sc.words().size() != 1) return false;
        String w = sc.words().get(0).literalValue();
        return "true".equals(w) || ":".equals(w);
    }

    /** {@code command tool …}, {@code builtin}: the next word is the command (not {@code command -v}). */
    private static boolean isWrapper(Word w, Word next) {
        String v = w.literalValue();
        String n = next.literalValue();
        return "command".equals(v) && (n == null || !n.startsWith("-"));
    }

    /**
     * The last path component of a command word: {@code pyenv}, {@code /opt/homebrew/bin/brew},
     * {@code ~/.linuxbrew/bin/brew}, {@code $(brew --prefix)/bin/brew}, {@code "$prefix"/bin/brew}; null when the
     * name itself is not written out ({@code "$BREW"}).
     */
    static String commandName(Word w) {
        String all = w.literalValue();
        if (all != null) return basename(all);
        StringBuilder suffix = new StringBuilder();
        List<WordPart> parts = new ArrayList<>();
        for (WordPart p : w.parts()) {
            if (p instanceof WordPart.DoubleQuoted d) parts.addAll(d.parts()); // "$HOME"/bin/x, "$HOME/bin/x"
            else parts.add(p);
        }
        for (int k = parts.size() - 1; k >= 0; k--) {
            StringBuilder sb = new StringBuilder();
            if (!literal(parts.get(k), sb)) break;
            suffix.insert(0, sb);
        }
        String s = suffix.toString();
        int slash = s.lastIndexOf('/');
        if (slash < 0) return null;
        String base = s.substring(slash + 1);
        return base.isEmpty() ? null : base;
    }

    private static boolean literal(WordPart p, StringBuilder sb) {
        if (p instanceof WordPart.Literal l) sb.append(l.text());
        else if (p instanceof WordPart.Escaped e) sb.append(e.text());
        else if (p instanceof WordPart.SingleQuoted q) sb.append(q.value());
        else if (p instanceof WordPart.AnsiCQuoted a) sb.append(a.value());
        else if (p instanceof WordPart.DoubleQuoted d) {
            for (WordPart x : d.parts()) if (!literal(x, sb)) return false;
        } else return false;
        return true;
    }

    private static String basename(String s) {
        int slash = s.lastIndexOf('/');
        String b = slash < 0 ? s : s.substring(slash + 1);
        return b.isEmpty() ? null : b;
    }
}
