package dev.petrel.reactor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One thread, one selector, and everything registered on it: listeners, connections, timers and tasks.
 *
 * <p>A turn: select (with {@link Selector#select(java.util.function.Consumer, long)}, so no selected-key set is
 * built), handle the ready keys, run queued tasks, run due timers, then flush every connection that was written to
 * during the turn. The selector is woken only when another thread queues a task while the loop is asleep in select.
 */
public final class EventLoop implements Scheduler {
    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());
    /** Tasks run per turn at most, so a task that queues tasks cannot starve I/O. */
    private static final int MAX_TASKS_PER_TURN = 4096;

    private final Reactor reactor;
    private final int index;
    private final Clock clock;
    private final Selector selector;
    private final ByteBuffer readBuffer;
    private final BufferPool pool = new BufferPool(4096, 256);
    private final TimerQueue timers = new TimerQueue();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final Set<TcpConnection> connections = new HashSet<>();
    private final List<AutoCloseable> listeners = new ArrayList<>();
    private final CountDownLatch terminated;
    private final int lowWater;
    private final int highWater;
    private TcpConnection[] flushQueue = new TcpConnection[64];
    private int flushCount;
    private volatile Thread thread;
    private volatile boolean started;
    private boolean terminatedUnstarted;
    private boolean shuttingDown;
    private long shutdownDeadline;

    EventLoop(
            Reactor reactor,
            int index,
            Clock clock,
            int readBufferSize,
            int lowWater,
            int highWater,
            CountDownLatch terminated) {
        this.reactor = reactor;
        this.index = index;
        this.clock = clock;
        this.readBuffer = ByteBuffer.allocateDirect(readBufferSize);
        this.lowWater = lowWater;
        this.highWater = highWater;
        this.terminated = terminated;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    /** Unit tests drive a loop by hand from their own thread: no selector turns, no real time. */
    void bindToCurrentThread() {
        thread = Thread.currentThread();
    }

    void start() {
        started = true;
        Thread t = new Thread(this::run, "petrel-loop-" + index);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run() {
        try {
            while (!turn()) {
                // one turn after another until an orderly stop has finished
            }
        } catch (Throwable t) {
            LOG.log(Level.ERROR, "event loop " + index + " died", t);
        } finally {
            closeEverything();
            terminated.countDown();
        }
    }

    /** One turn of the loop; true when the loop should end. */
    private boolean turn() throws IOException {
        long now = clock.nanoTime();
        long next = timers.nextDeadline();
        if (!tasks.isEmpty() || flushCount > 0 || (next != Long.MAX_VALUE && next - now <= 0)) {
            selector.selectNow(this::onKey);
        } else {
            sleeping.set(true);
            if (!tasks.isEmpty()) {
                sleeping.set(false);
                selector.selectNow(this::onKey);
            } else {
                long timeoutMillis = next == Long.MAX_VALUE ? 0 : Math.max(1, (next - now + 999_999) / 1_000_000);
                selector.select(this::onKey, timeoutMillis);
                sleeping.set(false);
            }
        }
        runTasks();
        timers.runDue(clock.nanoTime(), this::timerFailed);
        flushAll();
        if (shuttingDown) {
            if (connections.isEmpty()) {
                return true;
            }
            if (clock.nanoTime() - shutdownDeadline >= 0) {
                LOG.log(Level.WARNING, connections.size() + " connections did not drain in time; aborting them");
                return true;
            }
        }
        return false;
    }

    private void onKey(SelectionKey key) {
        Selectable s = (Selectable) key.attachment();
        if (!key.isValid()) {
            return;
        }
        try {
            s.onReady(key.readyOps());
        } catch (Throwable t) {
            LOG.log(Level.ERROR, "unexpected failure handling " + s, t);
        }
    }

    void runTasks() {
        for (int i = 0; i < MAX_TASKS_PER_TURN; i++) {
            Runnable task = tasks.poll();
            if (task == null) {
                return;
            }
            try {
                task.run();
            } catch (Throwable t) {
                LOG.log(Level.WARNING, "task on loop " + index + " threw", t);
            }
        }
    }

    private void timerFailed(Throwable t) {
        LOG.log(Level.WARNING, "timer on loop " + index + " threw", t);
    }

    /** Flushes every connection written to in this turn; a flush may queue more, which are flushed too. */
    void flushAll() {
        for (int i = 0; i < flushCount; i++) {
            TcpConnection c = flushQueue[i];
            flushQueue[i] = null;
            c.flush();
        }
        flushCount = 0;
    }

    void queueFlush(TcpConnection c) {
        if (flushCount == flushQueue.length) {
            flushQueue = Arrays.copyOf(flushQueue, flushCount * 2);
        }
        flushQueue[flushCount++] = c;
    }

    @Override
    public DelayedCall callLater(Duration delay, Runnable task) {
        LoopCall call = new LoopCall(clock.nanoTime() + delay.toNanos(), task);
        if (inEventLoop()) {
            call.arm();
        } else {
            execute(call::arm);
        }
        return call;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (!inEventLoop() && sleeping.compareAndSet(true, false)) {
            selector.wakeup();
        }
    }

    @Override
    public boolean inEventLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** The reactor this loop belongs to. */
    public Reactor reactor() {
        return reactor;
    }

    /** This loop's place in its group. */
    public int index() {
        return index;
    }

    /** Takes over an accepted socket: registers it and starts its protocol. On this loop's thread. */
    void adopt(SocketChannel ch, ProtocolFactory factory, boolean tcpNoDelay) {
        TcpConnection conn;
        try {
            ch.configureBlocking(false);
            if (tcpNoDelay) {
                ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            }
            SelectionKey key = ch.register(selector, 0);
            conn = new TcpConnection(this, new SocketIo(ch, key));
            key.attach(conn);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "accepted socket failed before it was registered", e);
            closeQuietly(ch);
            return;
        }
        Protocol p;
        try {
            p = factory.buildProtocol(conn.getPeer());
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "buildProtocol threw; closing the connection from " + conn.getPeer(), t);
            p = null;
        }
        if (p == null) {
            conn.close(ConnectionDone.INSTANCE);
            return;
        }
        conn.start(p, null);
    }

    Selector selector() {
        return selector;
    }

    ByteBuffer readBuffer() {
        return readBuffer;
    }

    BufferPool pool() {
        return pool;
    }

    int lowWater() {
        return lowWater;
    }

    int highWater() {
        return highWater;
    }

    void connectionOpened(TcpConnection c) {
        connections.add(c);
    }

    void connectionClosed(TcpConnection c) {
        connections.remove(c);
    }

    void listenerOpened(AutoCloseable l) {
        listeners.add(l);
    }

    void listenerClosed(AutoCloseable l) {
        listeners.remove(l);
    }

    /** Connections open on this loop now. */
    int connectionCount() {
        return connections.size();
    }

    void shutdownGracefully(Duration grace) {
        if (!started) {
            if (!terminatedUnstarted) {
                terminatedUnstarted = true;
                closeEverything();
                terminated.countDown();
            }
            return;
        }
        execute(() -> {
            if (shuttingDown) {
                return;
            }
            shuttingDown = true;
            shutdownDeadline = clock.nanoTime() + grace.toNanos();
            timers.schedule(shutdownDeadline, () -> {}); // wakes the loop at the deadline even if nothing else does
            for (AutoCloseable l : new ArrayList<>(listeners)) {
                closeQuietly(l);
            }
            for (TcpConnection c : new ArrayList<>(connections)) {
                c.loseConnection();
            }
        });
    }

    private void closeEverything() {
        for (AutoCloseable l : new ArrayList<>(listeners)) {
            closeQuietly(l);
        }
        IOException reason = new IOException("The reactor stopped.");
        for (TcpConnection c : new ArrayList<>(connections)) {
            c.close(reason);
        }
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof ClientConnection cc) {
                cc.fail(reason);
            }
        }
        closeQuietly(selector);
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing on the way out: nothing more to do with the error
        }
    }

    /**
     * A timer's handle, safe from any thread: whether it runs or is cancelled is decided by one compare-and-set, so a
     * cancel that reports success means the task never runs; the heap itself is only touched on the loop.
     */
    private final class LoopCall implements DelayedCall, Runnable {
        private static final int PENDING = 0;
        private static final int RAN = 1;
        private static final int CANCELLED = 2;

        private final AtomicInteger state = new AtomicInteger();
        private final long deadline;
        private final Runnable task;
        private DelayedCall inHeap; // loop thread only

        LoopCall(long deadline, Runnable task) {
            this.deadline = deadline;
            this.task = task;
        }

        void arm() {
            if (state.get() == PENDING) {
                inHeap = timers.schedule(deadline, this);
            }
        }

        @Override
        public void run() {
            if (state.compareAndSet(PENDING, RAN)) {
                task.run();
            }
        }

        @Override
        public boolean cancel() {
            if (!state.compareAndSet(PENDING, CANCELLED)) {
                return false;
            }
            if (inEventLoop()) {
                disarm();
            } else {
                execute(this::disarm); // so that cancelled timeouts do not linger in the heap
            }
            return true;
        }

        private void disarm() {
            if (inHeap != null) {
                inHeap.cancel();
                inHeap = null;
            }
        }

        @Override
        public boolean isActive() {
            return state.get() == PENDING;
        }

        @Override
        public long deadlineNanos() {
            return deadline;
        }
    }
}
