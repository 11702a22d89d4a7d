package dev.envreach.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of corpus files (deletions, duplications, inserted quotes, brackets, keywords and
 * operators): every parse returns within 200 ms and throws nothing, on the default 1 MiB stack. A failing input is
 * written to {@code target/fuzz-failures/} to be replayed. The 200 ms are CPU time of the parse ({@link ParseCpuClock};
 * wall-clock time where the JVM cannot measure it), so that a loaded build machine does not make the test flaky.
 */
class FuzzTest {
    static final long SEED = 0x5EED_2024L;
    static final int MUTANTS = 20_000;
    static final long PER_PARSE_LIMIT_NANOS = 200_000_000L;

    static final String[] INSERTS = {
        "\"", "'", "`", "(", ")", "{", "}", "[", "]", "[[", "]]", "((", "))", "$(", "${", "$((", "$'", "$\"",
        "<(", ">(", "=(", "\\", "\\\n", "\n", ";", ";;", ";&", ";;&", ";|", "&", "&&", "||", "|", "|&", "!", "#",
        "<<EOF\n", "<<-'X'\n", "\nEOF\n", "<<<", ">", ">>", "2>&1", "&>", "=", "+=", "=(", "*(N)", "**/",
        "if ", "then ", "elif ", "else ", "fi ", "case ", " in ", "esac ", "for ", "while ", "until ", "do ", "done ",
        "select ", "function ", "repeat ", "foreach ", "end ", "always ", "time ", "coproc ", "export ", "local ",
        "declare -x ", "typeset -A ", "() ", "x=", "${x:-", "${(j.:.)", "$+commands[", "~", "{a,b}", "$#", "$@",
    };

    /** One seeded mutation: 1 to 4 edits of the text. */
    static String mutate(String text, Random rnd) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + rnd.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int len = sb.length();
            int at = len == 0 ? 0 : rnd.nextInt(len + 1);
            switch (rnd.nextInt(4)) {
                case 0 -> { // delete a range
                    int end = Math.min(len, at + 1 + rnd.nextInt(40));
                    if (at < end) sb.delete(at, end);
                }
                case 1 -> { // duplicate a range
                    int end = Math.min(len, at + 1 + rnd.nextInt(200));
                    if (at < end) sb.insert(at, sb.substring(at, end));
                }
                case 2 -> sb.insert(at, INSERTS[rnd.nextInt(INSERTS.length)]);
                default -> { // a line swapped with the next one, or truncated where typing stopped
                    if (rnd.nextBoolean()) sb.setLength(at);
                    else {
                        int nl = sb.indexOf("\n", at);
                        int nl2 = nl < 0 ? -1 : sb.indexOf("\n", nl + 1);
                        if (nl2 > 0) {
                            String a = sb.substring(at, nl + 1);
                            String b = sb.substring(nl + 1, nl2 + 1);
                            sb.replace(at, nl2 + 1, b + a);
                        }
                    }
                }
            }
        }
        return sb.toString();
    }

    @Test
    void mutatedCorpusFilesParseQuicklyWithoutThrowing() throws Throwable {
        Corpus.assumePresent();
        List<Corpus.Entry> entries = Corpus.entries();
        List<String> texts = new ArrayList<>();
        for (Corpus.Entry e : entries) texts.add(e.text());
        String report = Bounded.run(Duration.ofSeconds(300), () -> {
            // warm up so that the time limit measures the parser, not the JIT
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < texts.size(); i++) Parser.parse(texts.get(i), entries.get(i).dialect());
            }
            Random rnd = new Random(SEED);
            long worst = 0;
            String worstName = "";
            long bytes = 0;
            long start = System.nanoTime();
            boolean cpu = ParseCpuClock.measuresCpu();
            List<String> failures = new ArrayList<>();
            for (int n = 0; n < MUTANTS; n++) {
                int i = rnd.nextInt(texts.size());
                Corpus.Entry e = entries.get(i);
                Dialect d = rnd.nextInt(5) == 0 ? Dialect.values()[rnd.nextInt(3)] : e.dialect();
                String mutant = mutate(texts.get(i), rnd);
                bytes += mutant.length();
                long t0 = ParseCpuClock.now();
                try {
                    ParseResult r = Parser.parse(mutant, d);
                    r.assignments();
                    for (SyntaxError err : r.errors()) {
                        if (err.span().start() < 0 || err.span().end() > mutant.length() || err.span().start() > err.span().end()) {
                            throw new AssertionError("error span outside the text: " + err);
                        }
                    }
                } catch (Throwable t) {
                    failures.add(save(n, e, d, mutant) + ": " + t);
                    continue;
                }
                long took = ParseCpuClock.now() - t0;
                if (took > worst) {
                    worst = took;
                    worstName = "mutant " + n + " of " + e.name();
                }
                if (took > PER_PARSE_LIMIT_NANOS) {
                    failures.add(save(n, e, d, mutant) + ": took " + took / 1_000_000 + " ms");
                }
            }
            long total = System.nanoTime() - start;
            System.out.printf("fuzz: %d mutants (seed %d), %.1f MB, %.1f s, slowest parse %.1f ms %s (%s), %d failures%n",
                    MUTANTS, SEED, bytes / 1e6, total / 1e9, worst / 1e6, cpu ? "CPU" : "wall", worstName, failures.size());
            return String.join("\n", failures.subList(0, Math.min(20, failures.size())));
        });
        assertEquals("", report, "fuzz failures (inputs saved under target/fuzz-failures/)");
        assertTrue(entries.size() > 100);
    }

    private static String save(int n, Corpus.Entry e, Dialect d, String mutant) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
            Path f = dir.resolve("mutant-" + n + "." + d.id());
            Files.writeString(f, mutant, StandardCharsets.UTF_8);
            return "mutant " + n + " of " + e.name() + " [" + d.id() + "] saved as " + f;
        } catch (IOException io) {
            return "mutant " + n + " of " + e.name() + " [" + d.id() + "]";
        }
    }
}
