package dev.envreach.syntax;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time spent by the calling thread plus the parser's own threads ({@link Parser} runs each parse on a
 * large-stack thread named {@code envreach-parser-N}). Unlike wall-clock time it does not grow when other processes
 * compete for the machine. Falls back to wall-clock time where the JVM cannot measure thread CPU time.
 */
public final class ParseCpuClock {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private ParseCpuClock() {}

    public static boolean measuresCpu() {
        return MX.isThreadCpuTimeSupported() && MX.isThreadCpuTimeEnabled();
    }

    /** Nanoseconds; only differences are meaningful. */
    public static long now() {
        if (!measuresCpu()) return System.nanoTime();
        long sum = MX.getCurrentThreadCpuTime();
        for (ThreadInfo t : MX.getThreadInfo(MX.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("envreach-parser-")) {
                long c = MX.getThreadCpuTime(t.getThreadId());
                if (c > 0) sum += c;
            }
        }
        return sum;
    }
}
