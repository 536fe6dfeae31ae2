package dev.petrel.examples;

import dev.petrel.reactor.ListenOptions;
import dev.petrel.reactor.Listener;
import dev.petrel.reactor.Protocol;
import dev.petrel.reactor.Reactor;
import dev.petrel.reactor.Transport;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * The lesson's select() echo server: each connection keeps its own queue of received messages, and writes from it
 * only while the socket can take more (the lesson's {@code outputs} list is {@link Transport#isWritable()} and {@link
 * #writabilityChanged}). When the queue passes its bound, reading pauses until it has drained to half.
 */
public final class SelectEchoServer implements Protocol {
    /** Default bound of a connection's queue. */
    public static final int DEFAULT_MAX_QUEUED_BYTES = 64 * 1024;

    private final PrintStream verbose;
    private final int maxQueuedBytes;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean paused;
    private boolean peerDone;
    private Transport transport;

    /** A protocol whose queue holds at most about {@code maxQueuedBytes}; prints to {@code verbose} unless null. */
    public SelectEchoServer(PrintStream verbose, int maxQueuedBytes) {
        this.verbose = verbose;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    public SelectEchoServer() {
        this(null, DEFAULT_MAX_QUEUED_BYTES);
    }

    /** Listens on {@code bind:port} (0: any free port). */
    public static Listener listen(Reactor reactor, String bind, int port) {
        return listen(reactor, bind, port, null);
    }

    /** As {@link #listen(Reactor, String, int)}, printing each message to {@code verbose} unless it is null. */
    public static Listener listen(Reactor reactor, String bind, int port, PrintStream verbose) {
        return reactor.listenTcp(
                ListenOptions.of(bind, port), peer -> new SelectEchoServer(verbose, DEFAULT_MAX_QUEUED_BYTES));
    }

    @Override
    public void connectionMade(Transport t) {
        transport = t;
        if (verbose != null) {
            verbose.println("new connection from " + t.getPeer());
        }
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (verbose != null) {
            String text = StandardCharsets.UTF_8.decode(data.duplicate()).toString();
            verbose.println("received \"" + text + "\" from " + transport.getPeer());
        }
        // A copy: the read buffer is the loop's, and is reused once this call returns.
        ByteBuffer message = ByteBuffer.allocate(data.remaining()).put(data).flip();
        queue.add(message);
        queuedBytes += message.remaining();
        drain();
        if (!paused && queuedBytes > maxQueuedBytes) {
            paused = true;
            transport.pauseProducing();
        }
    }

    @Override
    public void writabilityChanged(boolean writable) {
        if (writable) {
            drain();
        }
    }

    /** The peer is done sending: keep the connection until the queue is out, then close. */
    @Override
    public boolean readConnectionLost() {
        peerDone = true;
        drain();
        return true;
    }

    /** Bytes received and not yet handed to the transport. */
    public long queuedBytes() {
        return queuedBytes;
    }

    private void drain() {
        while (!queue.isEmpty() && transport.isWritable()) {
            ByteBuffer next = queue.poll();
            queuedBytes -= next.remaining();
            transport.write(next);
        }
        if (paused && queuedBytes <= maxQueuedBytes / 2) {
            paused = false;
            transport.resumeProducing();
        }
        if (peerDone && queue.isEmpty()) {
            transport.loseConnection();
        }
    }
}
