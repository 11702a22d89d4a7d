package dev.envreach.analysis;

import dev.envreach.facts.RealFacts;
import dev.envreach.model.Platforms;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.envreach.analysis.Fixture.absent;
import static dev.envreach.analysis.Fixture.exported;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Workspace limits: cycles, depth, size, non-regular files, editor overlays. None may hang. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WorkspaceTest {
    @TempDir
    Path tmp;

    private static boolean skipped(ContextResult c, String suffix, String reasonPart) {
        return c.files().stream().anyMatch(f -> f.status() == FileVisit.Status.SKIPPED && f.shellPath().endsWith(suffix)
                && f.reason() != null && f.reason().contains(reasonPart));
    }

    @Test
    void aSourceCycleEndsWithAReason() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.bashrc
                export BEFORE=1
                . ~/.other
                #- ~/.other
                . ~/.bashrc
                export AFTER_CYCLE=1
                """);
        ContextResult c = f.run("bash-interactive");
        exported(c, "BEFORE", "1");
        assertTrue(skipped(c, "/.bashrc", "cycle"), c.files().toString());
    }

    @Test
    void deepSourceChainsStopAtTheDepthLimit() {
        StringBuilder sb = new StringBuilder("#- ~/.bashrc\n. ~/f0\n");
        for (int i = 0; i < 40; i++) sb.append("#- ~/f").append(i).append("\n. ~/f").append(i + 1).append("\n");
        sb.append("#- ~/f40\nexport DEEP=1\n");
        ContextResult c = Fixture.of(tmp, sb.toString()).run("bash-interactive");
        assertTrue(c.files().stream().anyMatch(v -> v.reason() != null && v.reason().contains("depth")), c.files().toString());
    }

    @Test
    void filesOverOneMegabyteAreSkipped() throws Exception {
        Fixture f = Fixture.of(tmp, """
                #- ~/.bashrc
                . ~/big.sh
                """);
        Files.writeString(f.home.resolve("big.sh"), "export BIG=1\n" + "#".repeat(1_100_000) + "\n");
        ContextResult c = f.run("bash-interactive");
        assertTrue(skipped(c, "/big.sh", "1 MB"), c.files().toString());
        absent(c, "BIG");
    }

    @Test
    void fifosAndDevStdinAreNeverOpened() throws Exception {
        Fixture f = Fixture.of(tmp, """
                #- ~/.bashrc
                . ~/pipe
                . /dev/stdin
                export AFTER=1
                """);
        Path fifo = f.home.resolve("pipe");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("mkfifo is not available: " + e.getMessage());
            return;
        }
        p.waitFor();
        Assumptions.assumeTrue(Files.exists(fifo), "mkfifo did not create the FIFO");
        ContextResult c = f.run("bash-interactive");
        assertTrue(skipped(c, "/pipe", "not a regular file"), c.files().toString());
        assertTrue(skipped(c, "/dev/stdin", "not a regular file") || c.files().stream().anyMatch(v -> v.shellPath().equals("/dev/stdin") && v.status() != FileVisit.Status.READ),
                c.files().toString());
    }

    @Test
    void openDocumentsReplaceTheDisk() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.bashrc
                export ON_DISK=1
                """);
        Path rc = f.home.resolve(".bashrc");
        AnalysisInput in = new AnalysisInput(new RealFacts(f.home, f.sysroot, 1000, "user", "linux"),
                Platforms.byId("debian").orElseThrow(), Map.of(rc, "export IN_EDITOR=1\n"), List.of("bash-interactive"),
                f.env, null);
        ContextResult c = HomeAnalyzer.analyze(in).contexts().get(0);
        exported(c, "IN_EDITOR", "1");
        absent(c, "ON_DISK");
    }

    @Test
    void aSymlinkedStartupFileUsesTheEditorBufferOfItsTargetAndAnswersReachForIt() throws Exception {
        Fixture f = Fixture.of(tmp, """
                #- ~/dotfiles/bashrc
                export ON_DISK=1
                """);
        Path target = f.home.resolve("dotfiles/bashrc");
        Files.createSymbolicLink(f.home.resolve(".bashrc"), target);
        AnalysisInput in = new AnalysisInput(new RealFacts(f.home, f.sysroot, 1000, "user", "linux"),
                Platforms.byId("debian").orElseThrow(), Map.of(target, "export IN_EDITOR=1\n"), List.of("bash-interactive"),
                f.env, null);
        ContextResult c = HomeAnalyzer.analyze(in).contexts().get(0);
        exported(c, "IN_EDITOR", "1");
        assertTrue(c.reach(target, new dev.envreach.syntax.Span(0, 18)).reach() == dev.envreach.model.Reach.YES,
                c.reach(target, new dev.envreach.syntax.Span(0, 18)).toString());
        assertTrue(c.fileReach(target) == dev.envreach.model.Reach.YES);
    }

    @Test
    void onlyTheFilesTheContextNamesAreRead() {
        Fixture f = Fixture.of(tmp, """
                #- ~/.bashrc
                export A=1
                #- ~/unrelated/deep/file.sh
                export NEVER=1
                """);
        ContextResult c = f.run("bash-interactive");
        assertTrue(c.files().stream().noneMatch(v -> v.shellPath().contains("unrelated")), c.files().toString());
    }
}
