package dev.petrel.reactor;

import java.util.Arrays;

/**
 * The timers of one thread: a binary min-heap on (deadline, sequence), so that calls due at the same instant run in
 * the order they were scheduled. Each timer knows its heap index, so cancelling removes it at once (O(log n)) and
 * cancelled timeouts never pile up. Not thread-safe: owned by one loop (or one manual clock).
 */
public final class TimerQueue {
    private Timer[] heap = new Timer[16];
    private int size;
    private long sequence;

    /** Schedules {@code task} at {@code deadlineNanos}. */
    public DelayedCall schedule(long deadlineNanos, Runnable task) {
        Timer t = new Timer(this, deadlineNanos, sequence++, task);
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = t;
        t.index = size;
        siftUp(size++);
        return t;
    }

    /** Pending timers. */
    public int size() {
        return size;
    }

    /** The earliest deadline, or {@link Long#MAX_VALUE} when none is pending. */
    public long nextDeadline() {
        return size == 0 ? Long.MAX_VALUE : heap[0].deadline;
    }

    /**
     * Runs every timer due at {@code now}, earliest first. A timer scheduled by a running one for a deadline already
     * reached runs in this same call; one that throws is reported to {@code onError} and the rest still run.
     *
     * @return how many ran
     */
    public int runDue(long now, java.util.function.Consumer<Throwable> onError) {
        int ran = 0;
        while (size > 0 && heap[0].deadline - now <= 0) {
            Timer t = heap[0];
            removeAt(0);
            ran++;
            try {
                t.task.run();
            } catch (Throwable e) {
                onError.accept(e);
            }
        }
        return ran;
    }

    private void removeAt(int i) {
        Timer removed = heap[i];
        removed.index = -1;
        int last = --size;
        if (i != last) {
            Timer moved = heap[last];
            heap[i] = moved;
            moved.index = i;
            heap[last] = null;
            siftDown(i);
            if (heap[i] == moved) {
                siftUp(i);
            }
        } else {
            heap[last] = null;
        }
    }

    private void siftUp(int i) {
        Timer t = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Timer p = heap[parent];
            if (!t.before(p)) {
                break;
            }
            heap[i] = p;
            p.index = i;
            i = parent;
        }
        heap[i] = t;
        t.index = i;
    }

    private void siftDown(int i) {
        Timer t = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && heap[right].before(heap[child])) {
                child = right;
            }
            if (!heap[child].before(t)) {
                break;
            }
            heap[i] = heap[child];
            heap[i].index = i;
            i = child;
        }
        heap[i] = t;
        t.index = i;
    }

    private static final class Timer implements DelayedCall {
        final TimerQueue queue;
        final long deadline;
        final long seq;
        final Runnable task;
        int index = -1;

        Timer(TimerQueue queue, long deadline, long seq, Runnable task) {
            this.queue = queue;
            this.deadline = deadline;
            this.seq = seq;
            this.task = task;
        }

        boolean before(Timer o) {
            long d = deadline - o.deadline;
            return d < 0 || (d == 0 && seq < o.seq);
        }

        @Override
        public boolean cancel() {
            if (index < 0) {
                return false;
            }
            queue.removeAt(index);
            return true;
        }

        @Override
        public boolean isActive() {
            return index >= 0;
        }

        @Override
        public long deadlineNanos() {
            return deadline;
        }
    }
}
