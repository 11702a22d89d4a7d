package dev.envreach.lsp;

import dev.envreach.analysis.ContextResult;
import dev.envreach.analysis.FileVisit;
import dev.envreach.analysis.VariableResult;
import dev.envreach.model.Reach;
import dev.envreach.rules.ReachData;
import dev.envreach.rules.SyntaxIndex;

import java.util.ArrayList;
import java.util.List;

/** The reach matrix of a variable: per context ✓/✗/?, the value there, and one line of reason per ✗. */
final class Matrix {
    private Matrix() {}

    /** A definition of the variable somewhere in the analysed files. */
    record Site(AnalyzedFile file, SyntaxIndex.Definition def) {}

    static List<Site> sites(Snapshot snap, String name) {
        List<Site> out = new ArrayList<>();
        for (AnalyzedFile f : snap.files()) {
            for (SyntaxIndex.Definition d : snap.index(f).definitions) {
                if (d.name().equals(name) && (d.kind() == SyntaxIndex.Kind.EXPORT || d.kind() == SyntaxIndex.Kind.ASSIGNMENT)) {
                    out.add(new Site(f, d));
                }
            }
        }
        return out;
    }

    static String mark(Reach r) {
        return switch (r) {
            case YES -> "✓";
            case NO -> "✗";
            case MAYBE -> "?";
        };
    }

    /** The matrix as Markdown; {@code from} (may be null) is the file being hovered, whose definition explains the ✗. */
    static String markdown(Snapshot snap, String name, AnalyzedFile from) {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(name).append("**");
        String doc = Completion.wellKnown().get(name);
        if (doc != null) sb.append(" — ").append(doc);
        sb.append("\n\n");
        List<Site> sites = sites(snap, name);
        if (!sites.isEmpty()) {
            List<String> where = new ArrayList<>();
            for (Site s : sites) {
                where.add("`" + display(snap, s.file()) + ":" + (s.file().parse().lines().line(s.def().nameSpan().start()) + 1) + "`"
                        + (s.def().kind() == SyntaxIndex.Kind.EXPORT ? " (export)" : ""));
            }
            sb.append("Set in ").append(String.join(", ", where)).append("\n\n");
        }
        ReachData rd = snap.reach();
        if (rd == null) {
            sb.append("_The reach analysis is not available._\n");
            return sb.toString();
        }
        int yes = 0;
        List<String> reasons = new ArrayList<>();
        sb.append("| context | in env | value |\n|---|:-:|---|\n");
        for (ContextResult c : ordered(rd)) {
            VariableResult v = c.variable(name).orElse(null);
            Reach r = v == null ? Reach.NO : v.exported();
            if (r == Reach.YES) yes++;
            String value = v == null ? "—" : "`" + (v.display() == null ? "…" : v.display().replace("|", "\\|").replace("`", "'")) + "`";
            sb.append("| ").append(c.id()).append(" | ").append(mark(r)).append(" | ").append(value).append(" |\n");
            if (r != Reach.YES) reasons.add(mark(r) + " **" + c.id() + "**: " + reason(snap, c, name, v, sites, from));
        }
        sb.append("\nIn the environment of ").append(yes).append(" of ").append(rd.contexts().size()).append(" contexts.\n");
        if (!reasons.isEmpty()) {
            sb.append("\n");
            for (String r : reasons) sb.append("- ").append(r).append("\n");
        }
        return sb.toString();
    }

    /** The user's login shell's contexts first (those whose chain runs that shell), then the rest, in engine order. */
    static List<ContextResult> ordered(ReachData rd) {
        List<ContextResult> first = new ArrayList<>();
        List<ContextResult> rest = new ArrayList<>();
        String shell = rd.loginShell() == null ? "" : rd.loginShell();
        for (ContextResult c : rd.contexts()) (ReachData.hasStep(c, shell) ? first : rest).add(c);
        first.addAll(rest);
        return first;
    }

    /** One line: why the variable is not (surely) in the context's environment. */
    static String reason(Snapshot snap, ContextResult c, String name, VariableResult v, List<Site> sites, AnalyzedFile from) {
        if (v != null && v.exported() == Reach.NO) return "set but not exported";
        if (c.chain().isEmpty()) return "no shell startup file is read (" + c.description() + ")";
        Site site = null;
        for (Site s : sites) if (from != null && s.file().homePath().equals(from.homePath())) site = s;
        if (site == null && !sites.isEmpty()) site = sites.get(0);
        if (site == null) return "not set by the startup files";
        Reach file = c.fileReach(site.file().homePath());
        if (file == Reach.NO) {
            for (FileVisit fv : c.files()) {
                if (fv.path() != null && fv.path().toAbsolutePath().normalize().equals(site.file().homePath()) && fv.reason() != null) {
                    return display(snap, site.file()) + " is " + fv.status().id() + ": " + fv.reason();
                }
            }
            return display(snap, site.file()) + " is not read";
        }
        return ReachData.reason(c, site.file().homePath(), site.def().statement());
    }

    static String display(Snapshot snap, AnalyzedFile f) {
        if (f.homePath().startsWith(snap.view().home())) return "~/" + snap.view().home().relativize(f.homePath());
        return f.homePath().toString();
    }

    /** Every variable the startup files export, one line each: how many contexts it reaches and which miss it. */
    static String overview(Snapshot snap) {
        ReachData rd = snap.reach();
        if (rd == null) return "The reach analysis is not available.";
        List<String> names = new ArrayList<>();
        for (AnalyzedFile f : snap.files()) {
            for (SyntaxIndex.Definition d : snap.index(f).definitions) {
                if (d.kind() == SyntaxIndex.Kind.EXPORT && !names.contains(d.name())) names.add(d.name());
            }
        }
        StringBuilder sb = new StringBuilder("| variable | contexts | missing in |\n|---|---|---|\n");
        for (String n : names) {
            int yes = 0;
            List<String> missing = new ArrayList<>();
            for (ContextResult c : ordered(rd)) {
                Reach r = c.variable(n).map(VariableResult::exported).orElse(Reach.NO);
                if (r == Reach.YES) yes++;
                else missing.add(c.id() + (r == Reach.MAYBE ? " (?)" : ""));
            }
            sb.append("| ").append(n).append(" | ").append(yes).append("/").append(rd.contexts().size()).append(" | ")
                    .append(String.join(", ", missing)).append(" |\n");
        }
        return sb.toString();
    }

    /** Plain-text explanation of a variable per context, with where its value comes from. */
    static String explain(Snapshot snap, String name) {
        ReachData rd = snap.reach();
        StringBuilder sb = new StringBuilder(name).append("\n");
        if (rd == null) return sb.append("The reach analysis is not available.\n").toString();
        List<Site> sites = sites(snap, name);
        for (ContextResult c : ordered(rd)) {
            VariableResult v = c.variable(name).orElse(null);
            sb.append("\n").append(c.id()).append(" (").append(String.join(" + ", c.chain())).append("): ");
            if (v == null) {
                sb.append("not in the environment — ").append(reason(snap, c, name, null, sites, null)).append("\n");
                continue;
            }
            sb.append(name).append("=").append(v.display()).append(v.exported() == Reach.YES ? "" : v.exported() == Reach.MAYBE ? " (maybe exported)" : " (not exported)").append("\n");
            if (v.provenance() != null) for (var o : v.provenance()) sb.append("    from ").append(o).append(": ").append(o.text()).append("\n");
        }
        return sb.toString();
    }
}
