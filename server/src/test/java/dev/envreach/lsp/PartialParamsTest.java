package dev.envreach.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests whose params lack fields a real client leaves out (Neovim 0.7 sends code-action context
 * diagnostics without {@code range}) are answered, not failed, and the server keeps serving.
 */
class PartialParamsTest {
    @TempDir
    Path tmp;

    static final Fixture TILDE = Fixture.of("""
            #- ~/.bashrc
            export GOPATH="~/go"
            """);

    private static List<String> titles(Object result) {
        List<String> out = new ArrayList<>();
        JsonElement json = new Gson().toJsonTree(result);
        if (json == null || !json.isJsonArray()) return out;
        for (JsonElement e : (JsonArray) json) {
            JsonElement a = e.isJsonObject() && e.getAsJsonObject().has("right") ? e.getAsJsonObject().get("right") : e;
            if (a.isJsonObject() && a.getAsJsonObject().has("title")) out.add(a.getAsJsonObject().get("title").getAsString());
        }
        return out;
    }

    private static Object answer(LspSession s, String method, String params) throws Exception {
        try {
            return s.raw(method, params).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(method + " " + params + " answered with an error: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Test
    void codeActionContextDiagnosticsWithoutARangeStillGetTheFix() throws Exception {
        try (LspSession s = LspSession.start(tmp, TILDE, null, ClientEdits.documentChanges())) {
            String uri = s.uri("~/.bashrc");
            s.open("~/.bashrc");
            s.client.awaitDiagnostics(uri, p -> CodeActionTest.has(p.getDiagnostics(), "ER105"), Duration.ofSeconds(20));
            // what Neovim 0.7 sends: the diagnostic as it kept it, with no range
            Object r = answer(s, "textDocument/codeAction", """
                    {"textDocument": {"uri": "%s"},
                     "range": {"start": {"line": 0, "character": 10}, "end": {"line": 0, "character": 10}},
                     "context": {"diagnostics": [{"message": "~ stays literal", "code": "ER105", "severity": 2, "source": "envreach"}]}}
                    """.formatted(uri));
            List<String> t = titles(r);
            assertTrue(t.stream().anyMatch(x -> x.contains("$HOME")), "the ER105 fix is offered: " + t);
            assertTrue(t.contains("Disable ER105 for this line"), t.toString());
        }
    }

    @Test
    void partialCodeActionParamsAreAnsweredWithoutError() throws Exception {
        try (LspSession s = LspSession.start(tmp, TILDE, null, ClientEdits.documentChanges())) {
            String uri = s.uri("~/.bashrc");
            s.open("~/.bashrc");
            s.client.awaitDiagnostics(uri, p -> CodeActionTest.has(p.getDiagnostics(), "ER105"), Duration.ofSeconds(20));
            Map<String, String> cases = new LinkedHashMap<>();
            String range = "\"range\": {\"start\": {\"line\": 0, \"character\": 10}, \"end\": {\"line\": 0, \"character\": 10}}";
            cases.put("diagnostic with only a start", "{\"textDocument\": {\"uri\": \"" + uri + "\"}, " + range
                    + ", \"context\": {\"diagnostics\": [{\"range\": {\"start\": {\"line\": 0}}, \"message\": \"m\"}]}}");
            cases.put("null diagnostic entry", "{\"textDocument\": {\"uri\": \"" + uri + "\"}, " + range
                    + ", \"context\": {\"diagnostics\": [null], \"only\": [null, \"quickfix\"]}}");
            cases.put("numeric code, no message", "{\"textDocument\": {\"uri\": \"" + uri + "\"}, " + range
                    + ", \"context\": {\"diagnostics\": [{\"code\": 105}]}}");
            cases.put("no diagnostics", "{\"textDocument\": {\"uri\": \"" + uri + "\"}, " + range + ", \"context\": {}}");
            cases.put("no context", "{\"textDocument\": {\"uri\": \"" + uri + "\"}, " + range + "}");
            cases.put("range with only a start", "{\"textDocument\": {\"uri\": \"" + uri + "\"}, \"range\": {\"start\": {\"line\": 0, \"character\": 10}}}");
            cases.put("range with only an end", "{\"textDocument\": {\"uri\": \"" + uri + "\"}, \"range\": {\"end\": {\"line\": 0, \"character\": 10}}}");
            cases.put("no range", "{\"textDocument\": {\"uri\": \"" + uri + "\"}}");
            for (Map.Entry<String, String> c : cases.entrySet()) {
                List<String> t = titles(answer(s, "textDocument/codeAction", c.getValue()));
                assertTrue(t.stream().anyMatch(x -> x.contains("$HOME")), c.getKey() + ": the fix at line 1 is offered: " + t);
            }
            for (String p : List.of("{}", "{\"textDocument\": {}}", "{\"textDocument\": {\"uri\": null}, " + range + "}")) {
                assertEquals(List.of(), titles(answer(s, "textDocument/codeAction", p)), "no document, no actions: " + p);
            }
        }
    }

    @Test
    void otherRequestsWithMissingFieldsAreAnsweredAndTheServerKeepsServing() throws Exception {
        try (LspSession s = LspSession.start(tmp, TILDE, null, ClientEdits.documentChanges())) {
            String uri = s.uri("~/.bashrc");
            s.open("~/.bashrc");
            s.client.awaitDiagnostics(uri, p -> CodeActionTest.has(p.getDiagnostics(), "ER105"), Duration.ofSeconds(20));
            String doc = "\"textDocument\": {\"uri\": \"" + uri + "\"}";
            List<String[]> requests = List.of(
                    new String[] {"textDocument/hover", "{" + doc + "}"},
                    new String[] {"textDocument/hover", "{\"position\": {\"line\": 0, \"character\": 8}}"},
                    new String[] {"textDocument/hover", "{" + doc + ", \"position\": {}}"},
                    new String[] {"textDocument/definition", "{" + doc + "}"},
                    new String[] {"textDocument/references", "{" + doc + "}"},
                    new String[] {"textDocument/documentHighlight", "{" + doc + "}"},
                    new String[] {"textDocument/completion", "{" + doc + "}"},
                    new String[] {"textDocument/prepareRename", "{" + doc + "}"},
                    new String[] {"textDocument/documentSymbol", "{}"},
                    new String[] {"textDocument/documentLink", "{}"},
                    new String[] {"textDocument/codeLens", "{}"},
                    new String[] {"textDocument/inlayHint", "{" + doc + "}"},
                    new String[] {"textDocument/inlayHint", "{" + doc + ", \"range\": {\"start\": {\"line\": 0, \"character\": 0}}}"},
                    new String[] {"textDocument/diagnostic", "{}"},
                    new String[] {"workspace/executeCommand", "{\"command\": \"envreach.showMatrix\"}"});
            for (String[] r : requests) answer(s, r[0], r[1]);
            var noName = s.raw("textDocument/rename", "{" + doc + ", \"position\": {\"line\": 0, \"character\": 8}}");
            var err = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> noName.get(20, TimeUnit.SECONDS));
            assertTrue(err.getCause() instanceof org.eclipse.lsp4j.jsonrpc.ResponseErrorException re
                    && re.getResponseError().getCode() == org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidParams.getValue(),
                    "a rename without a new name is invalid params, not an internal error: " + err.getCause());
            s.server.getWorkspaceService().didChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesParams());
            s.server.getWorkspaceService().didChangeConfiguration(new org.eclipse.lsp4j.DidChangeConfigurationParams());
            s.server.getTextDocumentService().didChange(new org.eclipse.lsp4j.DidChangeTextDocumentParams());
            s.server.getTextDocumentService().didClose(new org.eclipse.lsp4j.DidCloseTextDocumentParams());
            s.server.getTextDocumentService().didOpen(new org.eclipse.lsp4j.DidOpenTextDocumentParams());

            int v = s.insert("~/.bashrc", 0, 0, "export EDITOR=\"~/bin/vi\"\n");
            var p = s.client.awaitDiagnostics(uri, d -> Integer.valueOf(v).equals(d.getVersion()), Duration.ofSeconds(20));
            assertEquals(2, p.getDiagnostics().stream().filter(d -> "ER105".equals(d.getCode().getLeft())).count(),
                    "still analysing after the malformed messages: " + p.getDiagnostics());
            Object hover = answer(s, "textDocument/hover", "{" + doc + ", \"position\": {\"line\": 1, \"character\": 9}}");
            assertTrue(new Gson().toJson(hover).contains("GOPATH"), "hover still works: " + hover);
        }
    }
}
