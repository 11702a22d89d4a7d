package dev.envreach.lsp;

import org.eclipse.lsp4j.ClientCapabilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A GNU stow dotfiles repository as the workspace: its files are analysed as the home files they stand for. */
class DotfilesRepoTest {
    @TempDir
    Path tmp;

    @Test
    void aStowPackageBashrcIsAnalysedAsHomeBashrcAndReportedOnTheRepositoryFile() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path repo = Files.createDirectories(tmp.resolve("dotfiles/bash"));
        Files.writeString(repo.resolve(".profile"), Fixture.of(ReachOverLspTest.DEBIAN).text("~/.profile"));
        Files.writeString(repo.resolve(".bashrc"), Fixture.of(ReachOverLspTest.DEBIAN).text("~/.bashrc"));
        var options = LspSession.options(home, root);
        try (LspSession s = LspSession.startIn(home, root, options, new ClientCapabilities(), tmp.resolve("dotfiles"))) {
            String uri = repo.resolve(".bashrc").toUri().toString();
            s.server.getTextDocumentService().didOpen(new org.eclipse.lsp4j.DidOpenTextDocumentParams(
                    new org.eclipse.lsp4j.TextDocumentItem(uri, "shellscript", 1, Files.readString(repo.resolve(".bashrc")))));
            var p = s.client.awaitDiagnostics(uri, d -> ReachOverLspTest.has(d.getDiagnostics(), "ER101"), Duration.ofSeconds(20));
            assertTrue(ReachOverLspTest.find(p.getDiagnostics(), "ER101").getMessage().contains("ssh-command"),
                    "the repository's .profile sources its .bashrc as ~/.profile sources ~/.bashrc");
            assertTrue(s.client.latest(home.resolve(".bashrc").toUri().toString()) == null, "nothing is reported on the (absent) home file");
        }
    }
}
