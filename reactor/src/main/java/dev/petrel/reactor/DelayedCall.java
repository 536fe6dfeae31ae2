package dev.petrel.reactor;

/** A call scheduled with {@link Scheduler#callLater}, as Twisted's {@code IDelayedCall}. */
public interface DelayedCall {

    /** Cancels the call if it has not run yet; returns whether it was still pending. */
    boolean cancel();

    /** True while the call is pending (neither run nor cancelled). */
    boolean isActive();

    /** When it is due, in the scheduler's {@link Clock#nanoTime()} units. */
    long deadlineNanos();
}
