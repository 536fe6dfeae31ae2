package dev.petrel.reactor;

/**
 * A factory for outgoing connections, which also hears how the connection attempt and the connection end, as Twisted's
 * {@code ClientFactory}. Called on the loop the connection is pinned to.
 */
public interface ClientFactory extends ProtocolFactory {

    /** The attempt has started. */
    default void startedConnecting(Connector connector) {}

    /** The attempt failed: refused, unreachable, or timed out ({@link java.net.SocketTimeoutException}). */
    default void clientConnectionFailed(Connector connector, Throwable reason) {}

    /** An established connection ended; {@code reason} as in {@link Protocol#connectionLost}. */
    default void clientConnectionLost(Connector connector, Throwable reason) {}
}
