package dev.envreach.lsp;

import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Navigation across the files of the startup graph, through a real JSON-RPC connection. */
class NavigationTest {
    @TempDir
    Path tmp;

    private static final String HOME = """
            #- ~/.profile
            export GOPATH="$HOME/go"
            if [ -n "$BASH_VERSION" ]; then
                . "$HOME/.bashrc"
            fi
            #- ~/.bashrc
            export PATH="$PATH:$GOP|ATH/bin"
            ll() { ls -l "$@"; }
            alias la='ls -A'
            echo "$GOPATH"
            """;

    private static <T> T get(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private Position cursor(Fixture f, LspSession s) {
        var lines = new dev.envreach.syntax.LineMap(f.text(f.cursorFile));
        return new Position(lines.line(f.cursorOffset), lines.column(f.cursorOffset));
    }

    @Test
    void definitionOfAUseInBashrcIsTheExportInProfile() throws Exception {
        Fixture f = Fixture.withCursor(HOME);
        try (LspSession s = LspSession.start(tmp, f)) {
            s.open("~/.bashrc");
            var defs = get(s.server.getTextDocumentService().definition(new DefinitionParams(
                    new TextDocumentIdentifier(s.uri("~/.bashrc")), cursor(f, s)))).getLeft();
            assertEquals(1, defs.size(), defs.toString());
            Location d = defs.get(0);
            assertEquals(s.uri("~/.profile"), d.getUri());
            assertEquals(0, d.getRange().getStart().getLine());
            assertEquals(7, d.getRange().getStart().getCharacter(), "the name after `export `");
        }
    }

    @Test
    void referencesAndRenameCoverEveryStartupFile() throws Exception {
        Fixture f = Fixture.withCursor(HOME);
        try (LspSession s = LspSession.start(tmp, f)) {
            s.open("~/.bashrc");
            ReferenceParams rp = new ReferenceParams(new TextDocumentIdentifier(s.uri("~/.bashrc")), cursor(f, s), new ReferenceContext(true));
            var refs = get(s.server.getTextDocumentService().references(rp));
            assertEquals(3, refs.size(), "the export in ~/.profile and two uses in ~/.bashrc: " + refs);

            var edit = get(s.server.getTextDocumentService().rename(new RenameParams(
                    new TextDocumentIdentifier(s.uri("~/.bashrc")), cursor(f, s), "GOWORK")));
            Map<String, List<TextEdit>> changes = edit.getChanges();
            assertEquals(1, changes.get(s.uri("~/.profile")).size());
            assertEquals(2, changes.get(s.uri("~/.bashrc")).size());
            String renamed = LocalEdits.apply(f.text("~/.bashrc"), changes.get(s.uri("~/.bashrc")));
            assertTrue(renamed.contains("$PATH:$GOWORK/bin") && renamed.contains("echo \"$GOWORK\""), renamed);
        }
    }

    @Test
    void highlightsMarkWritesAndReadsInTheFile() throws Exception {
        Fixture f = Fixture.withCursor(HOME);
        try (LspSession s = LspSession.start(tmp, f)) {
            s.open("~/.bashrc");
            var hl = get(s.server.getTextDocumentService().documentHighlight(new DocumentHighlightParams(
                    new TextDocumentIdentifier(s.uri("~/.bashrc")), cursor(f, s))));
            assertEquals(2, hl.size());
            assertTrue(hl.stream().allMatch(h -> h.getKind() == DocumentHighlightKind.Read));
        }
    }

    @Test
    void symbolsListExportsFunctionsAndAliases() throws Exception {
        Fixture f = Fixture.withCursor(HOME);
        try (LspSession s = LspSession.start(tmp, f)) {
            s.open("~/.bashrc");
            var symbols = get(s.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(
                    new TextDocumentIdentifier(s.uri("~/.bashrc")))));
            List<String> names = symbols.stream().map(e -> e.getRight().getName() + ":" + e.getRight().getDetail()).toList();
            assertEquals(List.of("PATH:export", "ll:function", "la:alias"), names);
        }
    }

    @Test
    void aSourcePathIsALinkToTheResolvedFile() throws Exception {
        Fixture f = Fixture.withCursor(HOME);
        try (LspSession s = LspSession.start(tmp, f)) {
            s.open("~/.profile");
            var links = get(s.server.getTextDocumentService().documentLink(new DocumentLinkParams(
                    new TextDocumentIdentifier(s.uri("~/.profile")))));
            assertEquals(1, links.size());
            assertEquals(s.path("~/.bashrc").toUri().toString(), links.get(0).getTarget());
            assertEquals(2, links.get(0).getRange().getStart().getLine());
        }
    }

    @Test
    void completionOffersNamesFromTheFilesAndWellKnownVariablesWithDocs() throws Exception {
        Fixture f = Fixture.withCursor(HOME);
        try (LspSession s = LspSession.start(tmp, f)) {
            s.open("~/.bashrc");
            var list = get(s.server.getTextDocumentService().completion(new CompletionParams(
                    new TextDocumentIdentifier(s.uri("~/.bashrc")), cursor(f, s)))).getRight();
            var gopath = list.getItems().stream().filter(i -> i.getLabel().equals("GOPATH")).findFirst().orElseThrow();
            assertTrue(gopath.getDetail().contains(".profile"), "GOPATH is known from ~/.profile: " + gopath.getDetail());
            var java = list.getItems().stream().filter(i -> i.getLabel().equals("JAVA_HOME")).findFirst().orElseThrow();
            assertTrue(java.getDocumentation().getRight().getValue().contains("JDK"));
        }
    }
}
