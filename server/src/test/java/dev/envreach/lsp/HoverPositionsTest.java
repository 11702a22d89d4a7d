package dev.envreach.lsp;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hover finds the variable wherever `$NAME` is written: quoted, braced, in tests, here-documents, loops, case. */
class HoverPositionsTest {
    @TempDir
    Path tmp;

    /** Each line uses GOPATH once; the column of the G of the use is found by text search. */
    static final List<String> LINES = List.of(
            "export GOPATH=\"$HOME/go\"",
            "PATH=\"$PATH:$GOPATH/bin\"",
            "PATH=$PATH:${GOPATH}/bin",
            "[ -d \"${GOPATH:-/x}\" ] && echo ok",
            "[[ -n $GOPATH ]] && echo ok",
            "case \"$GOPATH\" in *) ;; esac",
            "for d in \"$GOPATH\"/bin; do :; done",
            "echo \"$(ls \"$GOPATH\")\"",
            "cat <<EOF\n$GOPATH\nEOF",
            "alias gp='cd $GOPATH'");

    @Test
    void hoverOnEveryUseShowsTheMatrix() throws Exception {
        String text = String.join("\n", LINES) + "\n";
        try (LspSession s = LspSession.start(tmp, Fixture.of("#- ~/.bashrc\n" + text))) {
            s.open("~/.bashrc");
            var lines = new dev.envreach.syntax.LineMap(text);
            List<String> failed = new ArrayList<>();
            int from = text.indexOf("GOPATH", text.indexOf('\n'));
            for (int at = from; at >= 0; at = text.indexOf("GOPATH", at + 1)) {
                if (text.startsWith("alias", lines.lineStart(lines.line(at)))) continue; // inside single quotes: not a use
                Position p = new Position(lines.line(at), lines.column(at) + 2);
                Hover h = s.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(s.uri("~/.bashrc")), p))
                        .get(20, TimeUnit.SECONDS);
                if (h == null || !h.getContents().getRight().getValue().startsWith("**GOPATH**")) failed.add((p.getLine() + 1) + ": " + text.split("\n")[p.getLine()]);
            }
            assertTrue(failed.isEmpty(), "no hover at: " + failed);
        }
    }
}
