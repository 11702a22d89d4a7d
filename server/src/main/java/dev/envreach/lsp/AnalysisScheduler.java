package dev.envreach.lsp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Debounced, cancellable analysis on one worker thread. Every change bumps the generation; a run
 * that finds a newer generation stops and its result is dropped. Requests wait for a snapshot at
 * least as new as the generation they saw.
 */
final class AnalysisScheduler {
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "envreach-analysis");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    private final LongFunction<Snapshot> analysis;
    private final Consumer<Snapshot> onResult;
    private final List<Waiter> waiters = new ArrayList<>();
    private volatile Snapshot latest;
    private ScheduledFuture<?> pending;
    private volatile int debounceMs;

    private record Waiter(long generation, CompletableFuture<Snapshot> future) {}

    AnalysisScheduler(LongFunction<Snapshot> analysis, Consumer<Snapshot> onResult, int debounceMs) {
        this.analysis = analysis;
        this.onResult = onResult;
        this.debounceMs = debounceMs;
    }

    void setDebounce(int ms) {
        this.debounceMs = ms;
    }

    long generation() {
        return generation.get();
    }

    /** True when generation {@code g} has been superseded. */
    boolean stale(long g) {
        return generation.get() != g;
    }

    /** Something changed: schedule a run after the debounce, superseding any pending one. */
    synchronized void changed() {
        long g = generation.incrementAndGet();
        if (pending != null) pending.cancel(false);
        pending = worker.schedule(() -> run(g), debounceMs, TimeUnit.MILLISECONDS);
    }

    /** Run now (after settings change or at start), superseding pending work. */
    synchronized void runSoon() {
        long g = generation.incrementAndGet();
        if (pending != null) pending.cancel(false);
        pending = worker.schedule(() -> run(g), 0, TimeUnit.MILLISECONDS);
    }

    private void run(long g) {
        if (stale(g)) return;
        Snapshot s;
        try {
            s = analysis.apply(g);
        } catch (Analyzer.Cancelled c) {
            return;
        } catch (RuntimeException | StackOverflowError e) {
            ServerLog.error("analysis failed", e);
            failWaiters(g, e);
            return;
        }
        if (s == null || stale(g)) return;
        latest = s;
        try {
            onResult.accept(s);
        } catch (RuntimeException e) {
            ServerLog.error("publishing diagnostics failed", e);
        }
        completeWaiters(s);
    }

    /** A snapshot at least as new as every change seen so far. */
    synchronized CompletableFuture<Snapshot> current() {
        long g = generation.get();
        Snapshot s = latest;
        if (s != null && s.generation() >= g) return CompletableFuture.completedFuture(s);
        CompletableFuture<Snapshot> f = new CompletableFuture<>();
        waiters.add(new Waiter(g, f));
        if (pending == null || pending.isDone()) {
            long ng = generation.incrementAndGet();
            pending = worker.schedule(() -> run(ng), 0, TimeUnit.MILLISECONDS);
        }
        return f;
    }

    /** The newest snapshot, possibly older than the documents (for cheap requests); null before the first run. */
    Snapshot latest() {
        return latest;
    }

    private synchronized void completeWaiters(Snapshot s) {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (w.future().isDone()) it.remove();
            else if (w.generation() <= s.generation()) {
                w.future().complete(s);
                it.remove();
            }
        }
    }

    private synchronized void failWaiters(long g, Throwable e) {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (w.generation() <= g) {
                w.future().completeExceptionally(e);
                it.remove();
            }
        }
    }

    void shutdown() {
        worker.shutdownNow();
    }
}
