package dev.petrel.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop ping-pong: every connection sends one message, waits for the whole echo, records
 * the round trip and sends the next. A few selector threads drive all connections (non-blocking
 * channels, {@code Selector.select(Consumer)}), so a thousand connections cost a thousand
 * sockets, not a thousand threads.
 *
 * <p>Throughput counts the round trips completed inside the measurement window; latency is
 * recorded for the round trips that also started inside it.
 */
final class PingPong {
    private PingPong() {}

    /** What one run measured: round trips in the window, and their latency in nanoseconds. */
    record Result(long roundTrips, long windowNanos, Histogram latencyNanos) {
        double perSecond() {
            return roundTrips * 1e9 / windowNanos;
        }
    }

    static Result run(InetSocketAddress server, int conns, int size, int threads, long warmupNanos, long measureNanos)
            throws IOException, InterruptedException {
        ByteBuffer message = ByteBuffer.allocateDirect(size);
        for (int i = 0; i < size; i++) {
            message.put(i, (byte) ('a' + i % 26));
        }
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new Worker(Selector.open()));
        }
        for (int i = 0; i < conns; i++) {
            SocketChannel ch = SocketChannel.open(server); // blocking connect: simple, and done before timing
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.configureBlocking(false);
            Worker w = workers.get(i % threads);
            Conn c = new Conn(ch, message.duplicate(), size);
            c.key = ch.register(w.selector, SelectionKey.OP_READ, c);
            w.conns.add(c);
        }
        long start = System.nanoTime();
        long windowStart = start + warmupNanos;
        long windowEnd = windowStart + measureNanos;
        List<Thread> running = new ArrayList<>();
        for (Worker w : workers) {
            w.windowStart = windowStart;
            w.windowEnd = windowEnd;
            Thread t = new Thread(w, "pingpong-" + running.size());
            t.start();
            running.add(t);
        }
        Histogram all = newHistogram();
        long total = 0;
        for (int i = 0; i < running.size(); i++) {
            running.get(i).join();
            Worker w = workers.get(i);
            if (w.failure != null) {
                throw new IOException("load generator failed", w.failure);
            }
            all.add(w.latency);
            total += w.roundTrips;
        }
        return new Result(total, measureNanos, all);
    }

    /** A trivial blocking client on one connection: the yardstick the selector loop is checked against. */
    static Result blocking(InetSocketAddress server, int size, long warmupNanos, long measureNanos) throws IOException {
        Histogram latency = newHistogram();
        long count = 0;
        try (SocketChannel ch = SocketChannel.open(server)) {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ByteBuffer out = ByteBuffer.allocateDirect(size);
            ByteBuffer in = ByteBuffer.allocateDirect(size);
            long windowStart = System.nanoTime() + warmupNanos;
            long windowEnd = windowStart + measureNanos;
            while (true) {
                long sent = System.nanoTime();
                if (sent >= windowEnd) {
                    break;
                }
                out.clear();
                while (out.hasRemaining()) {
                    ch.write(out);
                }
                in.clear();
                while (in.hasRemaining()) {
                    if (ch.read(in) < 0) {
                        throw new IOException("server closed the connection");
                    }
                }
                long now = System.nanoTime();
                if (now >= windowStart && now <= windowEnd) {
                    count++;
                    if (sent >= windowStart) {
                        latency.recordValue(now - sent);
                    }
                }
            }
        }
        return new Result(count, measureNanos, latency);
    }

    static Histogram newHistogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    }

    /** One connection's state: its message (position = how much is written), and bytes echoed so far. */
    private static final class Conn {
        final SocketChannel ch;
        final ByteBuffer out;
        final ByteBuffer in;
        SelectionKey key;
        long sentAt;

        Conn(SocketChannel ch, ByteBuffer out, int size) {
            this.ch = ch;
            this.out = out;
            this.in = ByteBuffer.allocateDirect(size);
        }
    }

    /** One selector thread and the connections pinned to it. */
    private static final class Worker implements Runnable {
        final Selector selector;
        final List<Conn> conns = new ArrayList<>();
        final Histogram latency = newHistogram();
        long windowStart;
        long windowEnd;
        long roundTrips;
        Throwable failure;

        Worker(Selector selector) {
            this.selector = selector;
        }

        @Override
        public void run() {
            try (selector) {
                long now = System.nanoTime();
                for (Conn c : conns) {
                    send(c, now);
                }
                while ((now = System.nanoTime()) < windowEnd) {
                    long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(windowEnd - now));
                    selector.select(this::ready, waitMillis);
                }
                for (Conn c : conns) {
                    c.ch.close();
                }
            } catch (Throwable e) {
                failure = e;
            }
        }

        private void ready(SelectionKey key) {
            Conn c = (Conn) key.attachment();
            try {
                if (key.isWritable()) {
                    c.ch.write(c.out);
                    if (!c.out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                if (key.isReadable()) {
                    if (c.ch.read(c.in) < 0) {
                        throw new IOException("server closed the connection");
                    }
                    if (!c.in.hasRemaining()) {
                        long now = System.nanoTime();
                        if (now >= windowStart && now <= windowEnd) {
                            roundTrips++;
                            if (c.sentAt >= windowStart) {
                                latency.recordValue(now - c.sentAt);
                            }
                        }
                        send(c, now);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void send(Conn c, long now) throws IOException {
            c.in.clear();
            c.out.clear();
            c.sentAt = now;
            c.ch.write(c.out);
            if (c.out.hasRemaining()) {
                c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        }
    }
}
