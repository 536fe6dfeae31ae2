package dev.petrel.reactor;

import java.net.SocketAddress;

/** The handle of an outgoing connection attempt, as Twisted's {@code IConnector}. */
public interface Connector {

    /** Where it connects to. */
    SocketAddress destination();

    /** Gives up an attempt that has not connected yet (the factory hears a failure). */
    void stopConnecting();

    /** Closes the connection if it is up (after pending writes), or stops connecting. */
    void disconnect();
}
