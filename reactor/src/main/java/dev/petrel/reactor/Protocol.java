package dev.petrel.reactor;

import java.nio.ByteBuffer;

/**
 * What a connection does with its bytes, as in Twisted: one instance per connection, called only on the connection's
 * loop thread. A callback that throws closes its own connection (the exception becomes the reason given to {@link
 * #connectionLost}) and the loop goes on.
 */
public interface Protocol {

    /** The connection is up; keep {@code transport} to write, close, pause or schedule. */
    default void connectionMade(Transport transport) {}

    /**
     * Bytes arrived. {@code data} is a view of the loop's shared read buffer, valid only during this call: copy what
     * must outlive it. Whatever is left unread is discarded.
     */
    void dataReceived(ByteBuffer data);

    /**
     * The peer closed its side (EOF). Return {@code true} to keep the connection half-open and go on writing (Twisted's
     * half-close); the default {@code false} closes the connection once pending writes have drained.
     */
    default boolean readConnectionLost() {
        return false;
    }

    /**
     * Outbound bytes crossed a watermark: {@code false} above the high-water mark (reading from this peer is paused
     * until they drain), {@code true} again under the low-water mark. A producer of unsolicited output (pub/sub,
     * deliveries) stops or resumes producing here.
     */
    default void writabilityChanged(boolean writable) {}

    /**
     * The connection is gone: {@code reason} is {@link ConnectionDone} after an orderly close, otherwise what broke it
     * (an I/O error, a callback's exception, an abort).
     */
    default void connectionLost(Throwable reason) {}
}
