package dev.envreach.analysis;

import dev.envreach.model.Reach;
import dev.envreach.syntax.Span;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ContextResult#valuesAfter}: the value of a variable right after each statement that changed it.
 * The expected values are worked out from bash's rules (written next to each line), and a second test
 * runs the same file in the real bash and compares line by line.
 */
class ValuesAfterTest {
    @TempDir
    Path tmp;

    /** Runs in bash-interactive with HOME=H and PATH=/usr/bin:/bin; the directory ~/tools exists, ~/missing does not. */
    static final String BASHRC = """
            PATH="$HOME/bin:$PATH"
            if [ -d "$HOME/missing" ]; then PATH="$HOME/missing:$PATH"; fi
            if [ -d "$HOME/tools" ]; then
                PATH="$PATH:$HOME/tools"
            fi
            add_path() { PATH="$1:$PATH"; }
            add_path /opt/x
            . "$HOME/.path"
            export GOPATH="$HOME/go"
            PATH="$PATH:$GOPATH/bin"
            ( PATH=/nowhere )
            PATH=/tmp/only command -v ls >/dev/null
            unset GOPATH
            PATH="$(pwd)/bin:$PATH"
            for d in a b; do
                PATH="$PATH:/$d"
            done
            """;

    private Fixture fixture() {
        return Fixture.of(tmp, "#- ~/.bashrc\n" + BASHRC + "#- ~/.path\nPATH=\"$PATH:/srv/y\"\n#- ~/tools/\n");
    }

    /** The variables changed by the statements on a 1-based line, innermost statement first. */
    private static Map<String, ValueAfter> after(ContextResult c, Path file, int line) {
        Map<Span, StatementReach> reach = c.statements().get(file.toAbsolutePath().normalize());
        Map<String, ValueAfter> out = new LinkedHashMap<>();
        List<Map.Entry<Span, Map<String, ValueAfter>>> onLine = new ArrayList<>();
        for (Map.Entry<Span, Map<String, ValueAfter>> e : c.valuesAfterIn(file).entrySet()) {
            StatementReach r = reach == null ? null : reach.get(e.getKey());
            if (r != null && r.line() == line) onLine.add(e);
        }
        onLine.sort((a, b) -> Integer.compare(b.getKey().start(), a.getKey().start()));
        for (var e : onLine) e.getValue().forEach(out::putIfAbsent);
        return out;
    }

    @Test
    void eachStatementThatChangesAVariableRecordsItsValueRightAfter() {
        Fixture f = fixture();
        ContextResult c = f.run("bash-interactive");
        Path rc = f.physical("~/.bashrc");
        String h = f.home.toString();
        String p1 = h + "/bin:/usr/bin:/bin";
        // 1: $HOME/bin is put in front of the initial PATH
        assertEquals(p1, after(c, rc, 1).get("PATH").exact());
        assertEquals("/usr/bin:/bin", after(c, rc, 1).get("PATH").before().exact(), "the value just before the line");
        // 2: ~/missing does not exist: the assignment never runs, nothing changes on this line
        assertTrue(after(c, rc, 2).isEmpty(), "line 2 changes nothing: " + after(c, rc, 2));
        // 3-5: ~/tools exists: the assignment on line 4 runs; the `if` itself (line 3) is not credited with it
        String p4 = p1 + ":" + h + "/tools";
        assertEquals(p4, after(c, rc, 4).get("PATH").exact());
        assertFalse(after(c, rc, 3).containsKey("PATH"), "the change belongs to line 4, not to the `if` on line 3");
        // 7: the call runs the body: /opt/x in front
        String p7 = "/opt/x:" + p4;
        assertEquals(p7, after(c, rc, 7).get("PATH").exact(), "a call is credited with what the function did");
        // 6: the assignment in the function body ran once, during that call
        assertEquals(p7, after(c, rc, 6).get("PATH").exact(), "the body's statement records the value of its one run");
        // 8: the sourced file appends /srv/y; credited to the `.` line and to the line inside ~/.path
        String p8 = p7 + ":/srv/y";
        assertEquals(p8, after(c, rc, 8).get("PATH").exact(), "a `.` is credited with what the file did");
        assertEquals(p8, after(c, f.physical("~/.path"), 1).get("PATH").exact());
        // 9: GOPATH is set and exported
        ValueAfter go = after(c, rc, 9).get("GOPATH");
        assertEquals(h + "/go", go.exact());
        assertEquals(Reach.YES, go.exported());
        // 10
        String p10 = p8 + ":" + h + "/go/bin";
        assertEquals(p10, after(c, rc, 10).get("PATH").exact());
        // 11: a subshell's assignment does not reach the shell
        assertFalse(after(c, rc, 11).containsKey("PATH"), "( PATH=… ) changes nothing in the shell");
        // 12: a prefix assignment lasts only for the command
        assertFalse(after(c, rc, 12).containsKey("PATH"), "PATH=… cmd changes nothing after the line");
        // 13: unset
        ValueAfter unset = after(c, rc, 13).get("GOPATH");
        assertEquals(Reach.NO, unset.set());
        assertEquals("(unset)", unset.withQuestionMarks());
        // 14: the output of $(pwd) is not known statically; the rest is
        ValueAfter p14 = after(c, rc, 14).get("PATH");
        assertNull(p14.exact());
        assertEquals("?/bin:" + p10, p14.withQuestionMarks());
        // 15-17: the loop: line 16 runs twice (…:/a, then …:/a:/b), so after it PATH is one of two values
        ValueAfter p16 = after(c, rc, 16).get("PATH");
        assertEquals(Reach.YES, p16.set());
        assertNull(p16.exact(), "one of two values: " + p16.display());
        assertEquals("b", after(c, rc, 15).get("d").exact(), "the loop variable holds the last item after the loop");
    }

    @Test
    void aLaterShellOfTheChainReplacesWhatAnEarlierOneRecorded() {
        // terminal-tab style chain: ~/.profile sources ~/.bashrc in the login shell, then the
        // interactive shell reads ~/.bashrc again from the environment the login shell exported.
        Fixture f = Fixture.of(tmp, """
                #- ~/.profile
                export PATH="/login:$PATH"
                . "$HOME/.bashrc"
                #- ~/.bashrc
                PATH="/rc:$PATH"
                """);
        ContextResult c = f.run("bash-login+bash-interactive");
        // the login shell: /rc:/login:/usr/bin:/bin and exports it (PATH was exported already);
        // the interactive shell starts from that and prepends /rc again
        assertEquals("/rc:/rc:/login:/usr/bin:/bin", after(c, f.physical("~/.bashrc"), 1).get("PATH").exact());
        assertEquals("/login:/usr/bin:/bin", after(c, f.physical("~/.profile"), 1).get("PATH").exact());
    }

    @Test
    void zshPathArrayChangesAreRecordedAsPath() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.zshenv
                path=(/first $path)
                typeset -U path
                path+=(/first /last)
                """);
        ContextResult c = f.run("zsh-noninteractive");
        Path env = f.physical("~/.zshenv");
        // zsh ties the array to PATH: joining with ':'
        assertEquals("/first:/usr/bin:/bin", after(c, env, 1).get("PATH").exact());
        assertFalse(after(c, env, 1).containsKey("path"), "the array is reported through its scalar");
        // typeset -U on a value without duplicates changes nothing; then /first is already there
        assertEquals("/first:/usr/bin:/bin:/last", after(c, env, 3).get("PATH").exact());
    }

    @Test
    void theRealBashAgreesAfterEachTopLevelLine() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        boolean installed = Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash"));
        if (!installed && ci) throw new AssertionError("bash is required when CI=true");
        Assumptions.assumeTrue(installed, "bash is not installed: the comparison with the real shell is skipped");

        Fixture f = fixture();
        ContextResult c = f.run("bash-interactive");
        Path rc = f.physical("~/.bashrc");
        Path out = tmp.resolve("values");
        // after every top-level line (not inside the loop or the if block), print the variables that line changed
        int[] lines = {1, 2, 5, 7, 8, 9, 10, 11, 12, 13, 14, 17};
        String[] src = BASHRC.split("\n");
        StringBuilder probe = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < src.length; i++) {
            probe.append(src[i]).append('\n');
            int line = i + 1;
            for (int l : lines) {
                if (l != line) continue;
                Map<String, ValueAfter> m = after(c, rc, l == 5 ? 4 : l == 17 ? 16 : l);
                for (ValueAfter v : m.values()) {
                    probe.append("printf '%s %s=%s\\n' ").append(line).append(' ').append(v.name())
                            .append(" \"${").append(v.name()).append("-(unset)}\" >>'").append(out).append("'\n");
                    expected.add(line + " " + v.name() + "=" + v.withQuestionMarks());
                }
            }
        }
        Path script = tmp.resolve("probe.sh");
        Files.writeString(script, probe.toString());
        Files.writeString(out, "");
        String bash = Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "/usr/bin/bash";
        ProcessBuilder pb = new ProcessBuilder(bash, "--norc", "--noprofile", "-c", ". \"$0\"", script.toString());
        pb.environment().clear();
        pb.environment().put("HOME", f.home.toString());
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.directory(f.home.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("bash.log").toFile());
        Process proc = pb.start();
        assertTrue(proc.waitFor(10, TimeUnit.SECONDS), "bash finished");
        List<String> actual = Files.readAllLines(out);
        assertEquals(expected.size(), actual.size(), "one value per probe; bash said: " + actual + " expected " + expected);
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            String got = actual.get(i);
            // a '?' stands for a piece the analysis cannot know: any text
            String regex = String.join(".*", quoteParts(want));
            assertTrue(Pattern.matches(regex, got), "real bash: " + got + "\nanalysis: " + want);
        }
    }

    private static List<String> quoteParts(String s) {
        List<String> out = new ArrayList<>();
        for (String p : s.split("\\?", -1)) out.add(Pattern.quote(p));
        return out;
    }

    @Test
    void anUnknownValueReplacingAnUnknownOneIsNotInformative() {
        // the text eval runs is read from a file at run time: not known statically
        Fixture f = Fixture.of(tmp, """
                #- ~/.bashrc
                read -r CODE < "$HOME/.code"
                eval "$CODE"
                PATH="$(pwd)"
                PATH="/opt/bin:$PATH"
                #- ~/.code
                PATH=/x
                """);
        ContextResult c = f.run("bash-interactive");
        Path rc = f.physical("~/.bashrc");
        ValueAfter first = after(c, rc, 2).get("PATH");
        assertNull(first.exact(), "after unknown code PATH is not known");
        assertTrue(first.informative(), "it was known before the first eval: that it becomes unknown is news");
        ValueAfter second = after(c, rc, 3).get("PATH");
        assertFalse(second.informative(), "an unknown value replaced an unknown one: nothing to show: " + second);
        ValueAfter third = after(c, rc, 4).get("PATH");
        assertEquals("/opt/bin:?", third.withQuestionMarks());
        assertTrue(third.informative());
    }
}
