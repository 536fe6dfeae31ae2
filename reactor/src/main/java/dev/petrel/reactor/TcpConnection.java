package dev.petrel.reactor;

import static java.nio.channels.SelectionKey.OP_READ;
import static java.nio.channels.SelectionKey.OP_WRITE;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * One TCP connection on its loop: the {@link Transport} a protocol writes to, and the reader that feeds it.
 *
 * <p>Writes are copied into an {@link OutboundBuffer} and the connection is put on the loop's flush list; the loop
 * flushes every connection once at the end of its turn, so many small writes become one gathering write. Only when the
 * socket does not take everything is OP_WRITE asked for. Above the high-water mark reading stops (the peer's writes
 * back up in TCP) until the queue drains to the low-water mark.
 */
final class TcpConnection implements Transport, Selectable {
    private static final System.Logger LOG = System.getLogger(TcpConnection.class.getName());
    /** Reads per readiness event before other connections get their turn. */
    private static final int MAX_READS_PER_EVENT = 16;
    /** Gathering writes per flush before other connections get their turn. */
    private static final int MAX_WRITES_PER_FLUSH = 16;

    private enum State {
        OPEN,
        CLOSING,
        CLOSED
    }

    private final EventLoop loop;
    private final ChannelIo io;
    private final OutboundBuffer out;
    private Protocol protocol;
    private ClientConnection client;
    private State state = State.OPEN;
    private int interest = -1;
    private int lowWater;
    private int highWater;
    private boolean flushQueued;
    private boolean waitingForWritable;
    private boolean userPaused;
    private boolean overHighWater;
    private boolean readEof;
    private boolean writeShutdownAsked;
    private boolean outputShut;

    TcpConnection(EventLoop loop, ChannelIo io) {
        this.loop = loop;
        this.io = io;
        this.out = new OutboundBuffer(loop.pool());
        this.lowWater = loop.lowWater();
        this.highWater = loop.highWater();
    }

    /** Makes the connection live with {@code p}: reading starts and {@link Protocol#connectionMade} is called. */
    void start(Protocol p, ClientConnection owner) {
        this.protocol = p;
        this.client = owner;
        loop.connectionOpened(this);
        updateInterest();
        try {
            p.connectionMade(this);
        } catch (Throwable t) {
            callbackFailed("connectionMade", t);
        }
    }

    @Override
    public void onReady(int readyOps) {
        if ((readyOps & OP_WRITE) != 0) {
            flush();
        }
        if ((readyOps & OP_READ) != 0 && state == State.OPEN) {
            read();
        }
    }

    private void read() {
        ByteBuffer buf = loop.readBuffer();
        for (int i = 0; i < MAX_READS_PER_EVENT && canRead(); i++) {
            buf.clear();
            int n;
            try {
                n = io.read(buf);
            } catch (IOException e) {
                close(e);
                return;
            }
            if (n < 0) {
                eof();
                return;
            }
            if (n == 0) {
                return;
            }
            buf.flip();
            try {
                protocol.dataReceived(buf);
            } catch (Throwable t) {
                callbackFailed("dataReceived", t);
                return;
            }
            if (n < buf.capacity()) {
                return;
            }
        }
    }

    private void eof() {
        readEof = true;
        boolean keepWriting;
        try {
            keepWriting = protocol.readConnectionLost();
        } catch (Throwable t) {
            callbackFailed("readConnectionLost", t);
            return;
        }
        if (keepWriting && !outputShut) {
            updateInterest();
        } else if (outputShut) {
            close(ConnectionDone.INSTANCE);
        } else {
            loseConnection();
        }
    }

    private boolean canRead() {
        return state == State.OPEN && !userPaused && !overHighWater && !readEof;
    }

    private void updateInterest() {
        if (state == State.CLOSED) {
            return;
        }
        int ops = (canRead() ? OP_READ : 0) | (waitingForWritable ? OP_WRITE : 0);
        if (ops != interest) {
            interest = ops;
            io.interestOps(ops);
        }
    }

    @Override
    public void write(ByteBuffer data) {
        if (!loop.inEventLoop()) {
            ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
            loop.execute(() -> write(copy));
            return;
        }
        if (state != State.OPEN || writeShutdownAsked) {
            data.position(data.limit()); // Twisted drops writes after loseConnection, too
            return;
        }
        out.append(data);
        queueFlush();
        if (!overHighWater && out.size() > highWater) {
            overHighWater = true;
            updateInterest();
            notifyWritability(false);
        }
    }

    private void queueFlush() {
        if (!flushQueued && !waitingForWritable) {
            flushQueued = true;
            loop.queueFlush(this);
        }
    }

    /** Writes what is queued; called once per loop turn for connections with new output, and on OP_WRITE. */
    void flush() {
        flushQueued = false;
        if (state == State.CLOSED) {
            return;
        }
        try {
            for (int i = 0; i < MAX_WRITES_PER_FLUSH && !out.isEmpty(); i++) {
                if (out.writeTo(io) == 0) {
                    break;
                }
            }
        } catch (IOException e) {
            close(e); // the peer reset or went away mid-write
            return;
        }
        if (!out.isEmpty()) {
            waitingForWritable = true;
            updateInterest();
        } else {
            if (waitingForWritable) {
                waitingForWritable = false;
                updateInterest();
            }
            if (state == State.CLOSING) {
                close(ConnectionDone.INSTANCE);
                return;
            }
            if (writeShutdownAsked && !outputShut) {
                shutOutput();
                if (state == State.CLOSED) {
                    return;
                }
            }
        }
        if (overHighWater && out.size() <= lowWater) {
            overHighWater = false;
            updateInterest();
            notifyWritability(true);
        }
    }

    private void shutOutput() {
        outputShut = true;
        try {
            io.shutdownOutput();
        } catch (IOException e) {
            close(e);
            return;
        }
        if (readEof) {
            close(ConnectionDone.INSTANCE);
        }
    }

    private void notifyWritability(boolean writable) {
        try {
            protocol.writabilityChanged(writable);
        } catch (Throwable t) {
            callbackFailed("writabilityChanged", t);
        }
    }

    @Override
    public void loseConnection() {
        if (!loop.inEventLoop()) {
            loop.execute(this::loseConnection);
            return;
        }
        if (state != State.OPEN) {
            return;
        }
        state = State.CLOSING;
        updateInterest();
        queueFlush(); // the flush closes once the queue is empty (at once if it is already)
    }

    @Override
    public void loseWriteConnection() {
        if (!loop.inEventLoop()) {
            loop.execute(this::loseWriteConnection);
            return;
        }
        if (state == State.OPEN && !writeShutdownAsked) {
            writeShutdownAsked = true;
            queueFlush();
        }
    }

    @Override
    public void abortConnection() {
        if (!loop.inEventLoop()) {
            loop.execute(this::abortConnection);
            return;
        }
        close(new IOException("Connection was aborted locally."));
    }

    /** Closes at once: the socket, the queued bytes, then the protocol and the client factory hear of it. */
    void close(Throwable reason) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        io.close();
        out.release();
        loop.connectionClosed(this);
        if (protocol == null) {
            return; // refused before it started: no protocol heard of it
        }
        try {
            protocol.connectionLost(reason);
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "connectionLost of " + io.remoteAddress() + " threw", t);
        }
        if (client != null) {
            client.connectionLost(reason);
        }
    }

    private void callbackFailed(String callback, Throwable t) {
        LOG.log(Level.WARNING, "closing connection with " + io.remoteAddress() + ": " + callback + " threw " + t, t);
        close(t);
    }

    @Override
    public void pauseProducing() {
        userPaused = true;
        updateInterest();
    }

    @Override
    public void resumeProducing() {
        userPaused = false;
        updateInterest();
    }

    @Override
    public SocketAddress getPeer() {
        return io.remoteAddress();
    }

    @Override
    public SocketAddress getHost() {
        return io.localAddress();
    }

    @Override
    public void setTcpNoDelay(boolean on) {
        try {
            io.setTcpNoDelay(on);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "TCP_NODELAY not set on " + io.remoteAddress(), e);
        }
    }

    @Override
    public void setWriteWatermarks(int low, int high) {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("need 0 <= low <= high: " + low + ", " + high);
        }
        lowWater = low;
        highWater = high;
    }

    @Override
    public long pendingOutboundBytes() {
        return out.size();
    }

    @Override
    public boolean isWritable() {
        return !overHighWater;
    }

    @Override
    public boolean isOpen() {
        return state == State.OPEN;
    }

    @Override
    public Scheduler scheduler() {
        return loop;
    }

    @Override
    public String toString() {
        return "TcpConnection[" + io.localAddress() + " <-> " + io.remoteAddress() + ", " + state + "]";
    }
}
