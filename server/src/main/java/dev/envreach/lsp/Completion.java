package dev.envreach.lsp;

import dev.envreach.rules.SyntaxIndex;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.envreach.syntax.Span;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Variable names: those set in the startup files, then well-known environment variables with short docs. */
final class Completion {
    private static final Map<String, String> WELL_KNOWN = load();

    private Completion() {}

    private static Map<String, String> load() {
        Map<String, String> out = new LinkedHashMap<>();
        try (var in = Completion.class.getResourceAsStream("/envreach/lsp/well-known-variables.json")) {
            if (in == null) return out;
            JsonObject root = new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), JsonObject.class);
            for (var el : root.getAsJsonArray("variables")) {
                JsonObject o = el.getAsJsonObject();
                out.put(o.get("name").getAsString(), o.get("doc").getAsString());
            }
        } catch (Exception e) {
            ServerLog.error("cannot read well-known variables", e);
        }
        return out;
    }

    static Map<String, String> wellKnown() {
        return WELL_KNOWN;
    }

    static List<CompletionItem> items(Snapshot snap, Navigation.At at) {
        if (at == null) return List.of();
        String text = at.file().parse().text();
        int end = Math.min(at.offset(), text.length());
        int start = end;
        while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) start--;
        Span replace = Span.of(start, end);
        Map<String, CompletionItem> out = new LinkedHashMap<>();
        for (AnalyzedFile f : snap.files()) {
            for (SyntaxIndex.Definition d : snap.index(f).definitions) {
                if (d.kind() == SyntaxIndex.Kind.FUNCTION || d.kind() == SyntaxIndex.Kind.ALIAS || out.containsKey(d.name())) continue;
                CompletionItem item = item(d.name(), at, replace);
                item.setKind(CompletionItemKind.Variable);
                item.setDetail((d.kind() == SyntaxIndex.Kind.EXPORT ? "exported in " : "set in ") + "~/" + snap.view().home().relativize(f.homePath()));
                item.setSortText("0" + d.name());
                String doc = WELL_KNOWN.get(d.name());
                if (doc != null) item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, doc));
                out.put(d.name(), item);
            }
        }
        for (Map.Entry<String, String> e : WELL_KNOWN.entrySet()) {
            if (out.containsKey(e.getKey())) continue;
            CompletionItem item = item(e.getKey(), at, replace);
            item.setKind(CompletionItemKind.Constant);
            item.setDetail("environment variable");
            item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, e.getValue()));
            item.setSortText("1" + e.getKey());
            out.put(e.getKey(), item);
        }
        return new ArrayList<>(out.values());
    }

    private static CompletionItem item(String name, Navigation.At at, Span replace) {
        CompletionItem item = new CompletionItem(name);
        item.setTextEdit(Either.forLeft(new TextEdit(Positions.range(at.file().parse().lines(), replace), name)));
        item.setFilterText(name);
        return item;
    }
}
