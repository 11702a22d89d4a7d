package dev.envreach.lsp;

import com.google.gson.JsonPrimitive;
import dev.envreach.analysis.ContextResult;
import dev.envreach.model.Reach;
import dev.envreach.rules.ReachData;
import dev.envreach.rules.SyntaxIndex;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;

import java.util.ArrayList;
import java.util.List;

/** "reaches 9 of 14 contexts" above each export; clicking shows the variable's matrix. */
final class CodeLenses {
    private CodeLenses() {}

    static List<CodeLens> of(Snapshot snap, AnalyzedFile f) {
        ReachData rd = snap.reach();
        if (rd == null) return List.of();
        List<CodeLens> out = new ArrayList<>();
        for (SyntaxIndex.Definition d : snap.index(f).definitions) {
            if (d.kind() != SyntaxIndex.Kind.EXPORT) continue;
            int yes = 0, maybe = 0;
            for (ContextResult c : rd.contexts()) {
                Reach r = ReachData.stmt(c, f.homePath(), d.statement());
                if (r == Reach.YES) yes++;
                else if (r == Reach.MAYBE) maybe++;
            }
            String title = "reaches " + yes + " of " + rd.contexts().size() + " contexts" + (maybe > 0 ? " (" + maybe + " maybe)" : "");
            Command cmd = new Command(title, Capabilities.SHOW_MATRIX, List.of(new JsonPrimitive(d.name())));
            out.add(new CodeLens(Positions.range(f.parse().lines(), d.nameSpan()), cmd, null));
        }
        return out;
    }
}
