package dev.envreach.syntax;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs work on a thread with the stack a plain {@code java -jar envreach.jar} thread gets (1 MiB on 64-bit Linux,
 * macOS and Windows: HotSpot's default {@code -Xss}), under a timeout, and returns its result or rethrows what it
 * threw. The test JVM itself runs with a larger stack, so this is how a stack overflow is caught.
 */
final class Bounded {
    private Bounded() {}

    static final long JAVA_DEFAULT_STACK = 1024L * 1024;

    static <T> T run(Duration timeout, Supplier<T> work) {
        return assertTimeoutPreemptively(timeout.plusSeconds(5), () -> onDefaultStack(work, timeout));
    }

    static <T> T onDefaultStack(Supplier<T> work) throws Throwable {
        return onDefaultStack(work, null);
    }

    /**
     * Runs {@code work} on a 1 MiB-stack thread. With a timeout, a run that is still going is stopped (so that it
     * does not eat the CPU of the tests after it) and reported as an {@link AssertionError}.
     */
    @SuppressWarnings({"deprecation", "removal"})
    static <T> T onDefaultStack(Supplier<T> work, Duration timeout) throws Throwable {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "parse-on-default-stack", JAVA_DEFAULT_STACK);
        t.setDaemon(true);
        t.start();
        try {
            if (timeout == null) t.join();
            else t.join(timeout.toMillis());
        } catch (InterruptedException e) {
            t.stop();
            throw e;
        }
        if (t.isAlive()) {
            t.stop();
            stopBusyParserThreads();
            throw new AssertionError("still running after " + timeout.toMillis() + " ms");
        }
        if (thrown.get() != null) throw thrown.get();
        return result.get();
    }

    /** {@link Parser} parses on its own pool threads; a runaway parse there is stopped too. */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stopBusyParserThreads() {
        for (Thread p : Thread.getAllStackTraces().keySet()) {
            if (p.getName().startsWith("envreach-parser-") && p.getState() == Thread.State.RUNNABLE) p.stop();
        }
    }
}
