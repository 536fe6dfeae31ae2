package dev.petrel.reactor;

import java.time.Duration;

/**
 * Time and tasks on one thread, as Twisted's {@code IReactorTime}: an {@link EventLoop}, or a manual clock in tests.
 */
public interface Scheduler {

    /**
     * Runs {@code task} on this scheduler's thread after {@code delay}; the returned call may be cancelled. On an
     * {@link EventLoop} both this and the cancel are safe from any thread.
     */
    DelayedCall callLater(Duration delay, Runnable task);

    /** Runs {@code task} on this scheduler's thread soon. Safe from any thread. */
    void execute(Runnable task);

    /** True on this scheduler's own thread. */
    boolean inEventLoop();

    /** The clock timers are measured with. */
    Clock clock();
}
