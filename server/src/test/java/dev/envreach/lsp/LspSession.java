package dev.envreach.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real JSON-RPC connection to an in-process server over in-memory pipes: the test talks to the
 * server only through LSP messages.
 */
final class LspSession implements AutoCloseable {
    final Path home;
    final Path sysroot;
    final TestClient client = new TestClient();
    final LanguageServer server;
    final List<Message> received = new ArrayList<>();
    final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    final InitializeResult initializeResult;
    private final Launcher<LanguageServer> launcher;
    private final Map<String, Integer> versions = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();
    private final Future<Void> serverListening;
    private final Pipe toServer = new Pipe();
    private final Pipe toClient = new Pipe();

    private LspSession(Path home, Path sysroot, JsonObject options, ClientCapabilities caps, Path workspace,
                       Consumer<InitializeParams> tweak) {
        this(home, sysroot, options, caps, workspace, tweak, System::getenv);
    }

    private LspSession(Path home, Path sysroot, JsonObject options, ClientCapabilities caps, Path workspace,
                       Consumer<InitializeParams> tweak, java.util.function.UnaryOperator<String> env) {
        this.home = home;
        this.sysroot = sysroot;
        EnvreachServer impl = new EnvreachServer(exitCode::complete, env);
        serverListening = ServerLauncher.start(impl, toServer.in, toClient.out);
        launcher = new LSPLauncher.Builder<LanguageServer>()
                .setLocalService(client)
                .setRemoteInterface(LanguageServer.class)
                .setInput(toClient.in)
                .setOutput(toServer.out)
                .wrapMessages(consumer -> message -> {
                    synchronized (received) {
                        received.add(message);
                    }
                    consumer.consume(message);
                })
                .create();
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setProcessId((int) ProcessHandle.current().pid());
        init.setCapabilities(caps);
        init.setInitializationOptions(options);
        Path ws = workspace == null ? home : workspace;
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(ws.toUri().toString(), "ws")));
        if (tweak != null) tweak.accept(init);
        try {
            initializeResult = server.initialize(init).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("initialize failed", e);
        }
        server.initialized(new InitializedParams());
    }

    /** Default test settings: the given home, Debian, bash, a short debounce. */
    static JsonObject options(Path home, Path sysroot) {
        JsonObject o = new JsonObject();
        o.addProperty("home", home.toString());
        o.addProperty("sysroot", sysroot.toString());
        o.addProperty("platform", "debian");
        o.addProperty("loginShell", "bash");
        o.addProperty("debounceMs", 10);
        return o;
    }

    static LspSession start(Path tmp, Fixture fixture) {
        return start(tmp, fixture, null, new ClientCapabilities());
    }

    static LspSession start(Path tmp, Fixture fixture, Consumer<JsonObject> settings, ClientCapabilities caps) {
        Path home = mkdirs(tmp.resolve("home"));
        Path sysroot = mkdirs(tmp.resolve("root"));
        if (fixture != null) fixture.write(home, sysroot);
        JsonObject o = options(home, sysroot);
        if (settings != null) settings.accept(o);
        return new LspSession(home, sysroot, o, caps, null, null);
    }

    static LspSession startIn(Path home, Path sysroot, JsonObject options, ClientCapabilities caps, Path workspace) {
        return new LspSession(home, sysroot, options, caps, workspace, null);
    }

    /** A server that sees these environment variables instead of the real ones. */
    static LspSession startWithEnv(Path home, Path sysroot, JsonObject options, Map<String, String> env) {
        return new LspSession(home, sysroot, options, new ClientCapabilities(), null, null, env::get);
    }

    static LspSession startWithParent(Path home, JsonObject options, int pid) {
        return new LspSession(home, home, options, new ClientCapabilities(), null, p -> p.setProcessId(pid));
    }

    private static Path mkdirs(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String uri(String name) {
        return path(name).toUri().toString();
    }

    Path path(String name) {
        return Fixture.resolve(home, sysroot, name);
    }

    /** Opens a file with its disk content at version 1. */
    void open(String name) {
        try {
            openText(name, Files.readString(path(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void openText(String name, String text) {
        String uri = uri(name);
        versions.put(uri, 1);
        texts.put(uri, text);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "shellscript", 1, text)));
    }

    int version(String name) {
        return versions.getOrDefault(uri(name), 0);
    }

    String text(String name) {
        return texts.get(uri(name));
    }

    /** Sends one incremental change and returns the new version. */
    int change(String name, Range range, String newText) {
        String uri = uri(name);
        int v = versions.merge(uri, 1, Integer::sum);
        String old = texts.get(uri);
        if (old != null) texts.put(uri, LocalEdits.apply(old, range, newText));
        TextDocumentContentChangeEvent ev = new TextDocumentContentChangeEvent(range, newText);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, v), List.of(ev)));
        return v;
    }

    /** Replaces the whole text (full sync change). */
    int replace(String name, String text) {
        String uri = uri(name);
        int v = versions.merge(uri, 1, Integer::sum);
        texts.put(uri, text);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, v),
                List.of(new TextDocumentContentChangeEvent(text))));
        return v;
    }

    /** Inserts text at a 0-based line and column. */
    int insert(String name, int line, int col, String text) {
        Position p = new Position(line, col);
        return change(name, new Range(p, p), text);
    }

    /**
     * Sends a request whose params are exactly this JSON (fields missing as a real client may leave
     * them out), through the same connection; the future holds the result or fails with the error.
     */
    CompletableFuture<?> raw(String method, String paramsJson) {
        return launcher.getRemoteEndpoint().request(method, com.google.gson.JsonParser.parseString(paramsJson));
    }

    List<Message> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    static String json(Object o) {
        return new Gson().toJson(o);
    }

    @Override
    public void close() {
        try {
            server.shutdown().get(10, TimeUnit.SECONDS);
            server.exit();
            exitCode.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the server may already be gone in tests that stop it themselves
        } finally {
            try {
                toServer.out.close();
                toClient.out.close();
            } catch (IOException ignored) {
                // in-memory pipes do not fail on close
            }
            serverListening.cancel(true);
        }
    }
}
