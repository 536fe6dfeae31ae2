package dev.petrel.reactor;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A group of {@link EventLoop}s and the calls a program makes of it, as Twisted's reactor: {@link #listenTcp}, {@link
 * #connectTcp}, {@link #callLater}, {@link #run}, {@link #stop}. Each loop is one thread with its own selector; a
 * listener spreads the connections it accepts over the loops (or pins them to one), and a connection stays on its
 * loop for life.
 */
public final class Reactor implements AutoCloseable {
    /** How long an orderly stop waits for connections to drain before aborting them. */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final EventLoop[] loops;
    private final AtomicInteger nextLoop = new AtomicInteger();
    private final CountDownLatch terminated;
    private boolean started;
    private boolean stopped;

    private Reactor(Builder b) {
        loops = new EventLoop[b.loops];
        terminated = new CountDownLatch(b.loops);
        for (int i = 0; i < b.loops; i++) {
            loops[i] = new EventLoop(this, i, b.clock, b.readBufferSize, b.lowWater, b.highWater, terminated);
        }
    }

    /** A reactor of one loop on the system clock. */
    public static Reactor create() {
        return builder().build();
    }

    /** A reactor of {@code loops} loops on the system clock. */
    public static Reactor create(int loops) {
        return builder().loops(loops).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a reactor of one loop for a server of its own and opens the server on it with {@code open}; if opening
     * fails, the reactor is closed again and the failure goes to the caller.
     */
    public static <T> T startFor(Function<Reactor, T> open) {
        Reactor reactor = create(1).start();
        try {
            return open.apply(reactor);
        } catch (RuntimeException e) {
            reactor.close();
            throw e;
        }
    }

    /**
     * Listens on every interface at {@code port} (0: any free port), as Twisted's {@code listenTCP} does, spreading
     * connections over the loops. Servers that should stay on loopback pass {@link ListenOptions#of(String, int)}.
     */
    public Listener listenTcp(int port, ProtocolFactory factory) {
        return listenTcp(ListenOptions.port(port), factory);
    }

    /** Listens as {@code options} say. The socket is bound when this returns, so its port is known. */
    public Listener listenTcp(ListenOptions options, ProtocolFactory factory) {
        if (options.pinnedLoop() >= loops.length) {
            throw new IllegalArgumentException("no loop " + options.pinnedLoop() + " in a group of " + loops.length);
        }
        EventLoop home = options.pinnedLoop() >= 0 ? loops[options.pinnedLoop()] : loops[0];
        return Acceptor.open(this, home, options, factory);
    }

    /** Connects to {@code host:port} with a 30-second connect timeout. */
    public Connector connectTcp(String host, int port, ClientFactory factory) {
        return connectTcp(host, port, factory, Duration.ofSeconds(30));
    }

    /** Connects to {@code host:port}; an attempt not through within {@code timeout} fails. */
    public Connector connectTcp(String host, int port, ClientFactory factory, Duration timeout) {
        return ClientConnection.start(nextLoop(), new InetSocketAddress(host, port), factory, timeout);
    }

    /** Runs {@code task} on the first loop after {@code delay}. */
    public DelayedCall callLater(Duration delay, Runnable task) {
        return loops[0].callLater(delay, task);
    }

    /** Runs {@code task} on the first loop soon. Safe from any thread. */
    public void execute(Runnable task) {
        loops[0].execute(task);
    }

    /** Starts the loops' threads and returns. */
    public synchronized Reactor start() {
        if (!started && !stopped) {
            started = true;
            for (EventLoop loop : loops) {
                loop.start();
            }
        }
        return this;
    }

    /** Starts the loops (if not yet started) and blocks until the reactor has stopped. */
    public void run() {
        start();
        try {
            terminated.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Orderly stop, from any thread (a callback included): listeners close, every connection is closed after its
     * pending writes drain (aborted after a grace period), then the loops end. Returns at once.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        for (EventLoop loop : loops) {
            loop.shutdownGracefully(STOP_GRACE);
        }
    }

    /** Waits for the loops to end after {@link #stop()}. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops and waits for the loops to end; from a loop's own thread (a callback), only stops. */
    @Override
    public void close() {
        stop();
        for (EventLoop loop : loops) {
            if (loop.inEventLoop()) {
                return; // waiting here would wait for ourselves
            }
        }
        try {
            awaitTermination(STOP_GRACE.plusSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many loops the group has. */
    public int loopCount() {
        return loops.length;
    }

    /** Loop {@code i} of the group. */
    public EventLoop loop(int i) {
        return loops[i];
    }

    /** The next loop in round-robin order, for spreading connections. */
    EventLoop nextLoop() {
        return loops[Math.floorMod(nextLoop.getAndIncrement(), loops.length)];
    }

    /** How a reactor is made. */
    public static final class Builder {
        private int loops = 1;
        private Clock clock = Clock.SYSTEM;
        private int readBufferSize = 64 * 1024;
        private int lowWater = 32 * 1024;
        private int highWater = 64 * 1024;

        private Builder() {}

        /** Number of event loops (threads); default 1. */
        public Builder loops(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("loops must be at least 1: " + n);
            }
            loops = n;
            return this;
        }

        public Builder clock(Clock c) {
            clock = c;
            return this;
        }

        /** Size of each loop's one direct read buffer; default 64 KiB. */
        public Builder readBufferSize(int bytes) {
            readBufferSize = bytes;
            return this;
        }

        /** Default outbound watermarks of every connection; default 32 KiB and 64 KiB. */
        public Builder writeWatermarks(int low, int high) {
            if (low < 0 || high < low) {
                throw new IllegalArgumentException("need 0 <= low <= high: " + low + ", " + high);
            }
            lowWater = low;
            highWater = high;
            return this;
        }

        public Reactor build() {
            return new Reactor(this);
        }
    }
}
