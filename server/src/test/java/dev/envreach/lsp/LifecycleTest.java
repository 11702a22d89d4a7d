package dev.envreach.lsp;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lifecycle and robustness of the server, through a real JSON-RPC connection. */
class LifecycleTest {
    @TempDir
    Path tmp;

    private static final Fixture HOME = Fixture.of("""
            #- ~/.bashrc
            export EDITOR=vim
            """);

    @Test
    void initializeAnnouncesIncrementalSyncAndTheCommandsClientsRelyOn() {
        try (LspSession s = LspSession.start(tmp, HOME)) {
            var caps = s.initializeResult.getCapabilities();
            assertEquals(TextDocumentSyncKind.Incremental, caps.getTextDocumentSync().getRight().getChange());
            assertTrue(caps.getExecuteCommandProvider().getCommands().containsAll(List.of("envreach.showMatrix", "envreach.explain")));
            assertEquals("envreach", s.initializeResult.getServerInfo().getName());
        }
    }

    @Test
    void shutdownThenExitEndsWithCodeZero() throws Exception {
        LspSession s = LspSession.start(tmp, HOME);
        s.server.shutdown().get(10, TimeUnit.SECONDS);
        s.server.exit();
        assertEquals(0, s.exitCode.get(10, TimeUnit.SECONDS));
        s.close();
    }

    @Test
    void exitWithoutShutdownEndsWithCodeOne() throws Exception {
        LspSession s = LspSession.start(tmp, HOME);
        s.server.exit();
        assertEquals(1, s.exitCode.get(10, TimeUnit.SECONDS));
        s.close();
    }

    @Test
    void diagnosticsArePublishedWithTheVersionOfEachEdit() {
        try (LspSession s = LspSession.start(tmp, HOME)) {
            String uri = s.uri("~/.bashrc");
            s.open("~/.bashrc");
            s.client.awaitDiagnostics(uri, p -> Integer.valueOf(1).equals(p.getVersion()), Duration.ofSeconds(10));
            int v = s.insert("~/.bashrc", 1, 0, "export PAGER=less\n");
            s.client.awaitDiagnostics(uri, p -> Integer.valueOf(v).equals(p.getVersion()), Duration.ofSeconds(10));
            for (var p : s.client.publishedSinceOpen(uri)) {
                assertTrue(p.getVersion() != null && p.getVersion() <= v, "never a version the client does not have: " + p.getVersion());
            }
        }
    }

    @Test
    void aChangeForAnUnopenedDocumentIsLoggedAndTheServerKeepsServing() throws Exception {
        try (LspSession s = LspSession.start(tmp, HOME)) {
            String uri = s.uri("~/.zshrc");
            s.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, 7), List.of(new TextDocumentContentChangeEvent("x=1\n"))));
            Object answer = s.server.getWorkspaceService().executeCommand(
                    new ExecuteCommandParams("envreach.explain", List.of("EDITOR"))).get(10, TimeUnit.SECONDS);
            assertInstanceOf(String.class, answer);
            assertTrue(s.client.logged("not open"), "the stray change is logged");
        }
    }

    @Test
    void aPositionPastTheEndIsClampedAndLogged() throws Exception {
        try (LspSession s = LspSession.start(tmp, HOME)) {
            s.open("~/.bashrc");
            Position far = new Position(99, 5);
            int v = s.change("~/.bashrc", new Range(far, far), "export PAGER=less\n");
            s.client.awaitDiagnostics(s.uri("~/.bashrc"), p -> Integer.valueOf(v).equals(p.getVersion()), Duration.ofSeconds(10));
            assertTrue(s.client.logged("past the end"), "the bad position is logged");
        }
    }

    @Test
    void anUnknownCommandIsAnsweredWithAnErrorAndTheServerKeepsServing() throws Exception {
        try (LspSession s = LspSession.start(tmp, HOME)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> s.server.getWorkspaceService()
                    .executeCommand(new ExecuteCommandParams("envreach.noSuchCommand", List.of())).get(10, TimeUnit.SECONDS));
            assertInstanceOf(ResponseErrorException.class, e.getCause());
            Object answer = s.server.getWorkspaceService().executeCommand(
                    new ExecuteCommandParams("envreach.showMatrix", List.of())).get(10, TimeUnit.SECONDS);
            assertInstanceOf(String.class, answer);
        }
    }

    @Test
    void cancelRequestAnswersTheRequestAsCancelled() throws Exception {
        // a long debounce keeps the analysis pending, so the command is still waiting when it is cancelled
        try (LspSession s = LspSession.start(tmp, HOME, o -> o.addProperty("debounceMs", 30_000), new ClientCapabilities())) {
            s.open("~/.bashrc");
            var pending = s.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("envreach.showMatrix", List.of()));
            Thread.sleep(100);
            pending.cancel(true);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            boolean cancelled = false;
            while (!cancelled && System.nanoTime() < end) {
                for (var m : s.received()) {
                    if (m instanceof ResponseMessage r && r.getError() != null
                            && r.getError().getCode() == ResponseErrorCode.RequestCancelled.getValue()) cancelled = true;
                }
                Thread.sleep(20);
            }
            assertTrue(cancelled, "the server answered the cancelled request with RequestCancelled");
        }
    }

    @Test
    void theServerStopsWhenItsParentProcessDies() throws Exception {
        Process parent;
        try {
            parent = new ProcessBuilder("sleep", "60").start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no 'sleep' program to stand in for the parent: " + e.getMessage());
            return;
        }
        Path home = java.nio.file.Files.createDirectories(tmp.resolve("home"));
        var options = LspSession.options(home, tmp);
        LspSession s = LspSession.startWithParent(home, options, (int) parent.pid());
        parent.destroy();
        assertEquals(1, s.exitCode.get(20, TimeUnit.SECONDS));
        s.close();
    }
}
