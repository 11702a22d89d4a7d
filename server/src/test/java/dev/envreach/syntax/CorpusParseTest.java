package dev.envreach.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every corpus file that its real shell accepts ({@code bash -n} / {@code zsh -n} = ok in the manifest) parses with
 * zero errors in the manifest's dialect.
 */
class CorpusParseTest {

    @Test
    void everyShellAcceptedCorpusFileParsesWithoutErrors() {
        Corpus.assumePresent();
        List<Corpus.Entry> entries = Corpus.entries();
        int accepted = 0;
        int rejectedByShell = 0;
        int rejectedByShellAndUs = 0;
        int noVerdict = 0;
        List<String> misses = new ArrayList<>();
        for (Corpus.Entry e : entries) {
            if (e.accepted() == null) {
                noVerdict++;
                continue;
            }
            String text = e.text();
            ParseResult r = Parser.parse(text, e.dialect());
            if (!e.accepted()) {
                rejectedByShell++;
                if (!r.errors().isEmpty()) rejectedByShellAndUs++;
                continue;
            }
            accepted++;
            if (!r.errors().isEmpty()) {
                SyntaxError first = r.errors().get(0);
                int line = r.lines().line(first.span().start()) + 1;
                int col = r.lines().column(first.span().start()) + 1;
                misses.add(e.name() + " [" + e.dialect().id() + "] " + line + ":" + col + " " + first.message()
                        + (r.errors().size() > 1 ? " (+" + (r.errors().size() - 1) + " more)" : ""));
            }
        }
        System.out.printf("corpus: %d files, %d accepted by their shell, %d misses (envreach reports errors); "
                        + "%d rejected by their shell (envreach also rejects %d); %d without a verdict%n",
                entries.size(), accepted, misses.size(), rejectedByShell, rejectedByShellAndUs, noVerdict);
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertTrue(accepted > 700, "expected the corpus to hold the shell-accepted files, found " + accepted);
        if (!misses.isEmpty()) {
            fail(misses.size() + " shell-accepted corpus files get syntax errors:\n  " + String.join("\n  ", misses));
        }
    }
}
