package dev.petrel.amqp.broker;

import java.lang.management.ManagementFactory;

/** Measures what a piece of code allocates on the calling thread, through the JDK's per-thread counter. */
final class Allocations {
    private static final int CALLS = 20_000;

    private Allocations() {}

    /** The bytes allocated per call, averaged over many calls after a warm-up. */
    static double bytesPerCall(Runnable r) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < CALLS; i++) {
            r.run();
        }
        long before = mx.getThreadAllocatedBytes(thread);
        for (int i = 0; i < CALLS; i++) {
            r.run();
        }
        return (mx.getThreadAllocatedBytes(thread) - before) / (double) CALLS;
    }
}
