package dev.petrel.reactor.testing;

import dev.petrel.reactor.Clock;
import dev.petrel.reactor.DelayedCall;
import dev.petrel.reactor.Scheduler;
import dev.petrel.reactor.TimerQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A clock and scheduler whose time moves only with {@link #advance}, as Twisted's {@code task.Clock}: timers run in
 * deadline order, each seeing the clock at its own deadline, so a test of timeouts is exact and instant.
 *
 * <p>Tasks given to {@link #execute} run on the next {@link #advance} or {@link #runPending()}. An exception thrown
 * by a timer or task does not stop the others; the first one is rethrown when the call that ran it returns.
 */
public final class ManualClock implements Clock, Scheduler {
    /** Where wall-clock time starts: 2024-01-01T00:00:00Z, fixed so that tests are repeatable. */
    public static final long START_EPOCH_MILLIS = 1_704_067_200_000L;

    /** Guards against a task that queues itself forever. */
    private static final int MAX_TASKS_PER_RUN = 1_000_000;

    private final TimerQueue timers = new TimerQueue();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final long startEpochMillis;
    private long nanos;

    public ManualClock() {
        this(START_EPOCH_MILLIS);
    }

    public ManualClock(long startEpochMillis) {
        this.startEpochMillis = startEpochMillis;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public long currentTimeMillis() {
        return startEpochMillis + Math.floorDiv(nanos, 1_000_000L);
    }

    @Override
    public DelayedCall callLater(Duration delay, Runnable task) {
        long d = delay.isNegative() ? 0 : saturatedNanos(delay);
        return timers.schedule(nanos + d, task);
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    @Override
    public boolean inEventLoop() {
        return true;
    }

    @Override
    public Clock clock() {
        return this;
    }

    /** Moves time forward by {@code delta}, running every timer and task that comes due on the way. */
    public void advance(Duration delta) {
        if (delta.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + delta);
        }
        advanceNanos(saturatedNanos(delta));
    }

    /** Moves time forward by {@code delta} nanoseconds, as {@link #advance}. */
    public void advanceNanos(long delta) {
        if (delta < 0) {
            throw new IllegalArgumentException("time only moves forward: " + delta);
        }
        long target = nanos + delta;
        drainTasks();
        // Step to each deadline in turn, so a timer sees its own deadline and timers that callbacks schedule
        // inside the span still run in order.
        while (timers.size() > 0 && timers.nextDeadline() - target <= 0) {
            long next = timers.nextDeadline();
            if (next - nanos > 0) {
                nanos = next;
            }
            timers.runDue(nanos, errors::add);
            drainTasks();
        }
        nanos = target;
        rethrowFirstError();
    }

    /** Runs the tasks queued with {@link #execute}, and those they queue, without moving time. */
    public void runPending() {
        drainTasks();
        rethrowFirstError();
    }

    /** Timers scheduled and neither run nor cancelled. */
    public int pendingTimers() {
        return timers.size();
    }

    /** Tasks queued with {@link #execute} and not run yet. */
    public int pendingTasks() {
        return tasks.size();
    }

    /** The earliest pending deadline in {@link #nanoTime()} units, or {@link Long#MAX_VALUE} if none. */
    public long nextDeadline() {
        return timers.nextDeadline();
    }

    private void drainTasks() {
        Runnable task;
        int ran = 0;
        while ((task = tasks.poll()) != null) {
            if (++ran > MAX_TASKS_PER_RUN) {
                throw new IllegalStateException("tasks keep queuing tasks: more than " + MAX_TASKS_PER_RUN);
            }
            try {
                task.run();
            } catch (Throwable e) {
                errors.add(e);
            }
        }
    }

    private void rethrowFirstError() {
        if (errors.isEmpty()) {
            return;
        }
        Throwable first = errors.get(0);
        for (int i = 1; i < errors.size(); i++) {
            first.addSuppressed(errors.get(i));
        }
        errors.clear();
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("a scheduled call failed", first);
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2;
        }
    }

    @Override
    public String toString() {
        return "ManualClock[nanos=" + nanos + ", timers=" + timers.size() + ", tasks=" + tasks.size() + "]";
    }
}
