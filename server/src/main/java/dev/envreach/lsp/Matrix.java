package dev.envreach.lsp;

import dev.envreach.rules.SyntaxIndex;
import java.util.ArrayList;
import java.util.List;

/** The reach matrix of a variable: per context ✓/✗/?, the final value, and the reason for each ✗. */
final class Matrix {
    private Matrix() {}

    static String markdown(Snapshot snap, String name, AnalyzedFile from) {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(name).append("**");
        String doc = Completion.wellKnown().get(name);
        if (doc != null) sb.append(" — ").append(doc);
        sb.append("\n\n");
        List<String> sites = new ArrayList<>();
        for (AnalyzedFile f : snap.files()) {
            for (SyntaxIndex.Definition d : snap.index(f).definitions) {
                if (!d.name().equals(name) || d.kind() == SyntaxIndex.Kind.FUNCTION || d.kind() == SyntaxIndex.Kind.ALIAS) continue;
                sites.add("`" + display(snap, f) + ":" + (f.parse().lines().line(d.nameSpan().start()) + 1) + "`"
                        + (d.kind() == SyntaxIndex.Kind.EXPORT ? " (export)" : ""));
            }
        }
        if (!sites.isEmpty()) sb.append("Set in ").append(String.join(", ", sites)).append("\n");
        return sb.toString();
    }

    /** {@code ~/.bashrc} for files under home, else the path. */
    static String display(Snapshot snap, AnalyzedFile f) {
        if (f.homePath().startsWith(snap.view().home())) return "~/" + snap.view().home().relativize(f.homePath());
        return f.homePath().toString();
    }

    static String text(Snapshot snap, String name) {
        return markdown(snap, name, null);
    }
}
