package dev.petrel.reactor;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One connection's writing end and controls, as Twisted's {@code ITransport}. Writes are buffered and flushed once per
 * loop turn; calls belong on the connection's loop thread (a write from another thread is copied and handed over).
 */
public interface Transport {

    /** Queues the remaining bytes of {@code data} (copied; the buffer is consumed and may be reused at once). */
    void write(ByteBuffer data);

    /** Queues all of {@code data}. */
    default void write(byte[] data) {
        write(ByteBuffer.wrap(data));
    }

    /** Queues {@code text} in UTF-8. */
    default void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Queues several buffers in order; they go out in one gathering write. */
    default void writeSequence(ByteBuffer... data) {
        for (ByteBuffer b : data) {
            write(b);
        }
    }

    /** Closes after everything queued has been written (reading stops now). */
    void loseConnection();

    /** Half-close: shuts down the sending side once queued bytes are written; reading goes on. */
    void loseWriteConnection();

    /** Closes now, discarding whatever is queued. */
    void abortConnection();

    /** Stops reading from the peer until {@link #resumeProducing()} (the peer's writes then back up in TCP). */
    void pauseProducing();

    /** Resumes reading after {@link #pauseProducing()}. */
    void resumeProducing();

    /** The remote address. */
    SocketAddress getPeer();

    /** The local address. */
    SocketAddress getHost();

    /** Sets TCP_NODELAY (on by default for connections the reactor makes). */
    void setTcpNoDelay(boolean on);

    /** Sets the outbound watermarks: reading pauses above {@code high} queued bytes, resumes at or below {@code low}. */
    void setWriteWatermarks(int low, int high);

    /** Bytes queued and not yet written to the socket. */
    long pendingOutboundBytes();

    /** False once above the high-water mark, until drained to the low-water mark. */
    boolean isWritable();

    /** True until the connection is closed (or closing). */
    boolean isOpen();

    /** The loop this connection is pinned to: timers and tasks scheduled here run on the connection's thread. */
    Scheduler scheduler();
}
