package dev.envreach.lsp;

import com.google.gson.JsonElement;
import dev.envreach.rules.RuleRunner;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SetTraceParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

/** The envreach language server: lifecycle, settings, and the glue between documents, analysis and client. */
public final class EnvreachServer implements LanguageServer, LanguageClientAware {
    public static final String VERSION = "0.1.0";

    final DocumentStore store = new DocumentStore();
    private final IntConsumer exit;
    private final Analyzer analyzer = new Analyzer(RuleRunner.standard());
    final AnalysisScheduler scheduler;
    private final TextDocuments textDocuments = new TextDocuments(this);
    private final Workspace workspace = new Workspace(this);
    private final FileWatchers watchers = new FileWatchers(this);
    private final Map<String, Published> published = new HashMap<>();

    volatile LanguageClient client;
    volatile ClientSupport support = ClientSupport.of(null);
    private volatile Settings initSettings = new Settings();
    volatile Settings settings = new Settings();
    private final UnaryOperator<String> env;
    volatile HomeView view;
    private volatile Path workspaceRoot;
    private volatile boolean shutdownRequested;

    private record Published(Integer version, List<Diagnostic> diagnostics) {}

    /** @param exit called with the process exit code on {@code exit} or when the parent process dies */
    public EnvreachServer(IntConsumer exit) {
        this(exit, System::getenv);
    }

    /** @param env the environment variables the server sees ({@code HOME}); tests pass their own */
    EnvreachServer(IntConsumer exit, UnaryOperator<String> env) {
        this.exit = exit;
        this.env = env;
        this.view = HomeView.plain(userHome());
        this.scheduler = new AnalysisScheduler(this::analyze, this::onResult, settings.debounceMs);
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
        ServerLog.connect(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        support = ClientSupport.of(params.getCapabilities());
        watchParent(params.getProcessId());
        workspaceRoot = workspaceRoot(params);
        initSettings = new Settings().merge(params.getInitializationOptions());
        applySettings(initSettings);
        ServerCapabilities caps = Capabilities.server(pullMode());
        InitializeResult result = new InitializeResult(caps, new ServerInfo("envreach", VERSION));
        ServerLog.info("envreach " + VERSION + " started; home " + view.home()
                + (view.mapped() ? " (dotfiles layout " + view.layout() + ", " + view.mappings().size() + " files mapped)" : ""));
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public void initialized(InitializedParams params) {
        fetchConfiguration();
        scheduler.runSoon();
    }

    /** Asks the client for the {@code envreach} section when it supports {@code workspace/configuration}. */
    void fetchConfiguration() {
        LanguageClient c = client;
        if (c == null || !support.configuration()) return;
        ConfigurationItem item = new ConfigurationItem();
        item.setSection("envreach");
        c.configuration(new ConfigurationParams(List.of(item))).whenComplete((values, err) -> {
            if (err != null) {
                ServerLog.warn("workspace/configuration failed: " + err.getMessage());
                return;
            }
            if (values != null && !values.isEmpty() && values.get(0) != null) {
                applySettings(initSettings.merge(values.get(0)));
                scheduler.runSoon();
            }
        });
    }

    /** Settings pushed by {@code workspace/didChangeConfiguration}. */
    void settingsChanged(Object pushed) {
        if (pushed instanceof JsonElement e && e.isJsonObject() && e.getAsJsonObject().has("envreach")) {
            applySettings(initSettings.merge(pushed));
            scheduler.runSoon();
        } else {
            fetchConfiguration();
        }
    }

    synchronized void applySettings(Settings s) {
        settings = s;
        Path home = s.home.isBlank() ? userHome() : expand(s.home);
        view = HomeView.of(home, workspaceRoot, s.dotfiles);
        scheduler.setDebounce(s.debounceMs);
    }

    private Path expand(String path) {
        if (path.equals("~")) return userHome();
        if (path.startsWith("~/")) return userHome().resolve(path.substring(2));
        return Path.of(path).toAbsolutePath().normalize();
    }

    /**
     * The home when the {@code home} setting does not name one: {@code $HOME} (what the shells reading
     * the startup files use), else Java's {@code user.home} (from the password database).
     */
    Path userHome() {
        String h = env.apply("HOME");
        if (h != null && !h.isBlank()) {
            try {
                Path p = Path.of(h);
                if (p.isAbsolute()) return p.normalize();
                ServerLog.warn("$HOME is not an absolute path (" + h + "); using " + System.getProperty("user.home"));
            } catch (java.nio.file.InvalidPathException e) {
                ServerLog.warn("$HOME is not a valid path (" + h + "); using " + System.getProperty("user.home"));
            }
        }
        return Path.of(System.getProperty("user.home"));
    }

    private static Path workspaceRoot(InitializeParams params) {
        List<WorkspaceFolder> folders = params.getWorkspaceFolders();
        if (folders != null && !folders.isEmpty()) return DocumentStore.toPath(folders.get(0).getUri()).orElse(null);
        @SuppressWarnings("deprecation") String root = params.getRootUri();
        return root == null ? null : DocumentStore.toPath(root).orElse(null);
    }

    private void watchParent(Integer pid) {
        if (pid == null || pid.longValue() == ProcessHandle.current().pid()) return;
        var handle = ProcessHandle.of(pid.longValue());
        if (handle.isEmpty()) {
            ServerLog.warn("parent process " + pid + " not visible; not watching it");
            return;
        }
        try {
            handle.get().onExit().thenRun(() -> {
                ServerLog.warn("parent process " + pid + " exited; stopping");
                exit.accept(1);
            });
        } catch (RuntimeException e) {
            ServerLog.warn("cannot watch parent process " + pid + ": " + e.getMessage());
        }
    }


    boolean pullMode() {
        return switch (settings.diagnosticMode) {
            case "pull", "both" -> true;
            case "push" -> false;
            default -> support.pullDiagnostics();
        };
    }

    boolean pushMode() {
        return switch (settings.diagnosticMode) {
            case "push", "both" -> true;
            case "pull" -> false;
            default -> !support.pullDiagnostics();
        };
    }

    private Snapshot analyze(long generation) {
        return analyzer.analyze(generation, store, view, settings, () -> scheduler.stale(generation));
    }

    /** Publishes the diagnostics of every file whose diagnostics changed; never for a version the client has moved past. */
    private void onResult(Snapshot snap) {
        LanguageClient c = client;
        if (c == null) return;
        watchers.update(snap);
        boolean changed = false;
        Set<String> seen = new HashSet<>();
        synchronized (store) {
            for (AnalyzedFile f : snap.files()) {
                seen.add(f.uri());
                OpenDocument now = store.get(f.realPath()).orElse(null);
                Integer nowVersion = now == null ? null : now.version();
                if (!Objects.equals(nowVersion, f.version())) continue;
                List<Diagnostic> diags = Diagnostics.forFile(snap, f);
                Published before = published.get(f.uri());
                if (before != null && Objects.equals(before.version(), f.version()) && before.diagnostics().equals(diags)) continue;
                if (before == null && diags.isEmpty() && f.version() == null) continue;
                published.put(f.uri(), new Published(f.version(), diags));
                changed = true;
                if (pushMode()) c.publishDiagnostics(new PublishDiagnosticsParams(f.uri(), diags, f.version()));
            }
            for (Map.Entry<String, Published> e : Map.copyOf(published).entrySet()) {
                if (seen.contains(e.getKey()) || e.getValue().diagnostics().isEmpty()) continue;
                published.put(e.getKey(), new Published(null, List.of()));
                changed = true;
                if (pushMode()) c.publishDiagnostics(new PublishDiagnosticsParams(e.getKey(), List.of()));
            }
        }
        if (settings.inlayHints && support.inlayHintRefresh()) {
            // values after a line depend on the other startup files too: ask the client to ask again
            c.refreshInlayHints().exceptionally(err -> {
                ServerLog.warn("workspace/inlayHint/refresh failed: " + err.getMessage());
                return null;
            });
        }
        if (changed && pullMode() && support.diagnosticRefresh()) {
            c.refreshDiagnostics().exceptionally(err -> {
                ServerLog.warn("workspace/diagnostic/refresh failed: " + err.getMessage());
                return null;
            });
        }
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        scheduler.shutdown();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        scheduler.shutdown();
        exit.accept(shutdownRequested ? 0 : 1);
    }

    @Override
    public void setTrace(SetTraceParams params) {
        // tracing is the client's business; nothing to do
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return textDocuments;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

}
