package dev.petrel.reactor.testing;

import dev.petrel.reactor.ConnectionDone;
import dev.petrel.reactor.Protocol;
import dev.petrel.reactor.Scheduler;
import dev.petrel.reactor.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * A transport with no socket, as Twisted's {@code StringTransport}: it records what the protocol writes and how it
 * closes, and feeds it bytes with {@link #deliver}. It behaves as the reactor's does where protocols can tell: data
 * arrives in a direct read-only buffer that is zeroed after the call (a protocol that keeps it fails its test),
 * reading stops while paused or above the high-water mark, and {@link Protocol#connectionLost} comes once, after the
 * outermost callback has returned.
 *
 * <p>Written bytes reach {@link #written()} at once, unless {@link #holdWrites} makes them pend, as for a slow peer,
 * until {@link #drain}. A callback that throws throws to the test (where the reactor would close the connection).
 */
public final class FakeTransport implements Transport {
    private static final Object EOF = new Object();

    private final ManualClock clock;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final HeldBytes held = new HeldBytes();
    private final ArrayDeque<Object> inbound = new ArrayDeque<>();
    private Protocol protocol;
    private SocketAddress peer = new InetSocketAddress("127.0.0.1", 50_000);
    private SocketAddress host = new InetSocketAddress("127.0.0.1", 5_000);
    private int lowWater = 32 * 1024;
    private int highWater = 64 * 1024;
    private boolean holding;
    private boolean readPausesWhenUnwritable = true;
    private boolean writable = true;
    private boolean paused;
    private boolean disconnecting;
    private boolean writeClosed;
    private boolean aborted;
    private boolean closed;
    private boolean tcpNoDelay = true;
    private boolean pumping;
    private int depth;
    private long discarded;
    private Throwable lostReason;
    private boolean lostFired;

    public FakeTransport() {
        this(new ManualClock());
    }

    public FakeTransport(ManualClock clock) {
        this.clock = clock;
    }

    /** Attaches {@code p} and calls its {@code connectionMade}; returns this. */
    public FakeTransport connect(Protocol p) {
        if (protocol != null) {
            throw new IllegalStateException("already connected to " + protocol);
        }
        protocol = p;
        call(() -> p.connectionMade(this));
        return this;
    }

    /** The peer sends {@code chunks}: each is one {@code dataReceived}, unless reading is paused or stopped. */
    public FakeTransport deliver(byte[]... chunks) {
        requireProtocol();
        for (byte[] c : chunks) {
            inbound.add(c.clone());
        }
        pump();
        return this;
    }

    /** The peer sends each of {@code chunks} in UTF-8, as one chunk. */
    public FakeTransport deliver(String... chunks) {
        byte[][] bytes = new byte[chunks.length][];
        for (int i = 0; i < chunks.length; i++) {
            bytes[i] = chunks[i].getBytes(StandardCharsets.UTF_8);
        }
        return deliver(bytes);
    }

    /** The peer half-closes (EOF), after whatever was delivered before: {@code readConnectionLost} decides. */
    public FakeTransport peerClosed() {
        requireProtocol();
        inbound.add(EOF);
        pump();
        return this;
    }

    /** The connection breaks now with {@code reason}: queued bytes are lost and {@code connectionLost} runs. */
    public void connectionLost(Throwable reason) {
        requireProtocol();
        if (!closed) {
            discard();
            closed = true;
            lostReason = reason;
        }
        fireLostIfDue();
    }

    /** When on, written bytes pend (counting toward the watermarks) until {@link #drain}; turning it off drains. */
    public FakeTransport holdWrites(boolean on) {
        holding = on;
        if (!on) {
            drain();
        }
        return this;
    }

    /** Whether reading pauses above the high-water mark, as the reactor's does; on by default. */
    public FakeTransport readPausesWhenUnwritable(boolean on) {
        readPausesWhenUnwritable = on;
        pump();
        return this;
    }

    /** The peer reads every pending byte. */
    public long drain() {
        return drain(Long.MAX_VALUE);
    }

    /** The peer reads up to {@code max} pending bytes; the protocol hears it if that crosses the low-water mark. */
    public long drain(long max) {
        byte[] out = held.take(max);
        written.writeBytes(out);
        updateWritability();
        maybeClose();
        pump();
        fireLostIfDue();
        return out.length;
    }

    /** Every byte the peer has received so far. */
    public byte[] written() {
        return written.toByteArray();
    }

    /** {@link #written()} as UTF-8. */
    public String writtenString() {
        return written.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was written so far (not what is pending). */
    public void clear() {
        written.reset();
    }

    @Override
    public void write(ByteBuffer data) {
        int n = data.remaining();
        if (closed || disconnecting || writeClosed) {
            discarded += n; // as a closing socket would: the protocol wrote too late
            data.position(data.limit());
            return;
        }
        byte[] copy = new byte[n];
        data.get(copy);
        if (holding) {
            held.add(copy);
            updateWritability();
        } else {
            written.writeBytes(copy);
        }
    }

    @Override
    public void loseConnection() {
        if (!closed && !disconnecting) {
            disconnecting = true;
            maybeClose();
            fireLostIfDue();
        }
    }

    @Override
    public void loseWriteConnection() {
        writeClosed = true;
    }

    @Override
    public void abortConnection() {
        if (!closed) {
            aborted = true;
            discard();
            closed = true;
            lostReason = new IOException("connection aborted");
        }
        fireLostIfDue();
    }

    @Override
    public void pauseProducing() {
        paused = true;
    }

    @Override
    public void resumeProducing() {
        paused = false;
        pump();
    }

    @Override
    public SocketAddress getPeer() {
        return peer;
    }

    @Override
    public SocketAddress getHost() {
        return host;
    }

    public FakeTransport setPeer(SocketAddress a) {
        peer = a;
        return this;
    }

    public FakeTransport setHost(SocketAddress a) {
        host = a;
        return this;
    }

    @Override
    public void setTcpNoDelay(boolean on) {
        tcpNoDelay = on;
    }

    @Override
    public void setWriteWatermarks(int low, int high) {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("need 0 <= low <= high: " + low + ", " + high);
        }
        lowWater = low;
        highWater = high;
        updateWritability();
        pump();
    }

    @Override
    public long pendingOutboundBytes() {
        return held.size();
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    @Override
    public boolean isOpen() {
        return !closed && !disconnecting;
    }

    @Override
    public Scheduler scheduler() {
        return clock;
    }

    public ManualClock clock() {
        return clock;
    }

    public Protocol protocol() {
        return protocol;
    }

    public boolean tcpNoDelay() {
        return tcpNoDelay;
    }

    /** True after the protocol's {@code pauseProducing}, until its {@code resumeProducing}. */
    public boolean isPaused() {
        return paused;
    }

    /** True once {@code loseConnection} was called (or the peer's EOF closed it). */
    public boolean isDisconnecting() {
        return disconnecting;
    }

    public boolean isWriteClosed() {
        return writeClosed;
    }

    public boolean isAborted() {
        return aborted;
    }

    /** True once the connection is gone; {@link #lostReason()} says why. */
    public boolean isClosed() {
        return closed;
    }

    /** The reason given (or due) to {@code connectionLost}, or null while the connection lives. */
    public Throwable lostReason() {
        return lostReason;
    }

    /** True once {@code connectionLost} has been called. */
    public boolean connectionLostCalled() {
        return lostFired;
    }

    /** Chunks (and EOF) delivered but not read yet, because reading is paused or stopped. */
    public int pendingInbound() {
        return inbound.size();
    }

    /** Bytes written after the connection closed, or discarded by an abort. */
    public long discardedBytes() {
        return discarded;
    }

    private boolean reading() {
        return !closed && !disconnecting && !paused && (writable || !readPausesWhenUnwritable);
    }

    private void pump() {
        if (pumping || protocol == null) {
            return; // an outer pump is delivering; it will go on with what is queued
        }
        pumping = true;
        try {
            while (!inbound.isEmpty() && reading()) {
                Object next = inbound.poll();
                if (next == EOF) {
                    boolean[] keepOpen = new boolean[1];
                    call(() -> keepOpen[0] = protocol.readConnectionLost());
                    if (!keepOpen[0]) {
                        loseConnection();
                    }
                } else {
                    deliverChunk((byte[]) next);
                }
            }
        } finally {
            pumping = false;
        }
    }

    private void deliverChunk(byte[] chunk) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(chunk.length).put(chunk).flip();
        try {
            call(() -> protocol.dataReceived(buffer.asReadOnlyBuffer()));
        } finally {
            // The reactor reuses its read buffer: a protocol that kept this one now sees zeros.
            for (int i = 0; i < chunk.length; i++) {
                buffer.put(i, (byte) 0);
            }
        }
    }

    private void updateWritability() {
        if (writable && held.size() > highWater) {
            writable = false;
            call(() -> protocol.writabilityChanged(false));
        } else if (!writable && held.size() <= lowWater) {
            writable = true;
            call(() -> protocol.writabilityChanged(true));
        }
    }

    private void maybeClose() {
        if (disconnecting && !closed && held.size() == 0) {
            closed = true;
            lostReason = ConnectionDone.INSTANCE;
        }
    }

    private void discard() {
        discarded += held.size();
        held.take(Long.MAX_VALUE);
        inbound.clear();
    }

    /** Calls the protocol, then delivers a due {@code connectionLost} once no callback is on the stack. */
    private void call(Runnable callback) {
        if (protocol == null) {
            return;
        }
        depth++;
        try {
            callback.run();
        } finally {
            depth--;
        }
        fireLostIfDue();
    }

    private void fireLostIfDue() {
        if (closed && !lostFired && depth == 0 && protocol != null) {
            lostFired = true;
            call(() -> protocol.connectionLost(lostReason));
        }
    }

    private void requireProtocol() {
        if (protocol == null) {
            throw new IllegalStateException("connect(protocol) first");
        }
    }
}
