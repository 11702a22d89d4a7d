package dev.envreach.lsp;

import com.google.gson.JsonObject;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.services.LanguageClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** The client side of a test connection: records what the server sends and answers its requests. */
final class TestClient implements LanguageClient {
    final List<PublishDiagnosticsParams> published = new ArrayList<>();
    final List<MessageParams> logs = new ArrayList<>();
    final List<RegistrationParams> registrations = new ArrayList<>();
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicInteger inlayRefreshes = new AtomicInteger();
    volatile JsonObject configuration;

    @Override
    public synchronized void publishDiagnostics(PublishDiagnosticsParams p) {
        published.add(p);
        notifyAll();
    }

    /** Waits for the newest publish for {@code uri} to satisfy {@code ok}; fails with what was seen after the timeout. */
    synchronized PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> ok, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            PublishDiagnosticsParams last = latest(uri);
            if (last != null && ok.test(last)) return last;
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching diagnostics for " + uri + " within " + timeout + "; last: " + last);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    synchronized PublishDiagnosticsParams latest(String uri) {
        for (int i = published.size() - 1; i >= 0; i--) {
            if (published.get(i).getUri().equals(uri)) return published.get(i);
        }
        return null;
    }

    /**
     * The publishes for {@code uri} from the first one that names a version on: what the server pushed
     * once it had the document open. (The analysis that starts at {@code initialized} may publish a
     * startup file read from disk, without a version, before the server has seen {@code didOpen}.)
     */
    synchronized List<PublishDiagnosticsParams> publishedSinceOpen(String uri) {
        List<PublishDiagnosticsParams> all = publishedFor(uri);
        for (int i = 0; i < all.size(); i++) if (all.get(i).getVersion() != null) return all.subList(i, all.size());
        return List.of();
    }

    synchronized List<PublishDiagnosticsParams> publishedFor(String uri) {
        return published.stream().filter(p -> p.getUri().equals(uri)).toList();
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void showMessage(MessageParams messageParams) {
        synchronized (logs) {
            logs.add(messageParams);
        }
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
        synchronized (logs) {
            logs.add(message);
        }
    }

    boolean logged(String part) {
        synchronized (logs) {
            return logs.stream().anyMatch(m -> m.getMessage().contains(part));
        }
    }

    @Override
    public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < params.getItems().size(); i++) out.add(configuration);
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public synchronized CompletableFuture<Void> registerCapability(RegistrationParams params) {
        registrations.add(params);
        notifyAll();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unregisterCapability(UnregistrationParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refreshDiagnostics() {
        refreshes.incrementAndGet();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refreshInlayHints() {
        inlayRefreshes.incrementAndGet();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(ApplyWorkspaceEditParams params) {
        return CompletableFuture.completedFuture(new ApplyWorkspaceEditResponse(false));
    }
}
