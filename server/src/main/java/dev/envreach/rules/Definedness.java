package dev.envreach.rules;

import dev.envreach.analysis.ContextResult;
import dev.envreach.model.Reach;
import dev.envreach.syntax.Span;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Whether a variable has been set before a given point in a context: from the engine's file order and
 * statement reach, and the assignments the syntax index found. Unknown ({@code MAYBE}) whenever
 * anything is unsure.
 */
final class Definedness {
    /** Names the login environment or the shell itself provides. */
    static final Set<String> PROVIDED = Set.of("HOME", "PATH", "USER", "LOGNAME", "SHELL", "TERM", "LANG", "PWD", "OLDPWD",
            "SHLVL", "MAIL", "DISPLAY", "WAYLAND_DISPLAY", "HOSTNAME", "HOSTTYPE", "OSTYPE", "MACHTYPE", "UID", "EUID",
            "PPID", "RANDOM", "LINENO", "SECONDS", "IFS", "OPTIND", "OPTARG", "PS1", "PS2", "PS4", "COLUMNS", "LINES",
            "TMPDIR", "TZ", "EDITOR", "VISUAL", "PAGER", "BASH", "BASH_VERSION", "ZSH_VERSION", "ZSH_NAME", "BASH_SOURCE",
            "FUNCNAME", "HISTFILE", "HISTSIZE", "HISTFILESIZE", "SAVEHIST", "PROMPT_COMMAND", "CDPATH", "MANPATH", "INFOPATH",
            "LC_ALL", "LANGUAGE", "ZDOTDIR", "BASH_ENV", "ENV", "POSIXLY_CORRECT", "COLORTERM", "TERM_PROGRAM");

    private Definedness() {}

    static boolean provided(String name) {
        return PROVIDED.contains(name) || name.startsWith("XDG_") || name.startsWith("SSH_") || name.startsWith("LC_")
                || name.startsWith("DBUS_") || name.startsWith("BASH_") || name.startsWith("ZSH_") || name.startsWith("VSCODE_");
    }

    /** YES when surely set before {@code offset} in {@code file} in context {@code c}, NO when surely not, else MAYBE. */
    static Reach setBefore(ContextResult c, Map<Path, SyntaxIndex> indexes, String name, Path file, int offset) {
        Map<Path, Integer> order = ReachData.readOrder(c);
        Integer here = order.get(file);
        if (here == null) return Reach.MAYBE;
        Reach result = Reach.NO;
        for (Map.Entry<Path, SyntaxIndex> e : indexes.entrySet()) {
            Integer at = order.get(e.getKey());
            for (SyntaxIndex.Definition d : e.getValue().definitions) {
                if (!d.name().equals(name) || d.kind() == SyntaxIndex.Kind.FUNCTION || d.kind() == SyntaxIndex.Kind.ALIAS) continue;
                Reach r = ReachData.stmt(c, e.getKey(), d.statement());
                if (r == Reach.NO) continue;
                boolean before = at != null && (at < here || e.getKey().equals(file) && d.nameSpan().start() < offset);
                boolean unordered = at == null;
                if (before && r == Reach.YES) return Reach.YES;
                if (before || unordered) result = Reach.MAYBE;
            }
        }
        return result;
    }

    /** A definition of {@code name} after the point that surely runs in {@code c}, or null. */
    static Located laterDefinition(ContextResult c, Map<Path, SyntaxIndex> indexes, String name, Path file, int offset) {
        Map<Path, Integer> order = ReachData.readOrder(c);
        Integer here = order.get(file);
        if (here == null) return null;
        Located best = null;
        for (Map.Entry<Path, SyntaxIndex> e : indexes.entrySet()) {
            Integer at = order.get(e.getKey());
            if (at == null) continue;
            for (SyntaxIndex.Definition d : e.getValue().definitions) {
                if (!d.name().equals(name) || d.kind() == SyntaxIndex.Kind.FUNCTION || d.kind() == SyntaxIndex.Kind.ALIAS) continue;
                boolean after = at > here || e.getKey().equals(file) && d.nameSpan().start() > offset;
                if (after && ReachData.stmt(c, e.getKey(), d.statement()) == Reach.YES && best == null) best = new Located(e.getKey(), d);
            }
        }
        return best;
    }

    record Located(Path file, SyntaxIndex.Definition def) {
        Span span() {
            return def.nameSpan();
        }
    }
}
