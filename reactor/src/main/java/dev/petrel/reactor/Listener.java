package dev.petrel.reactor;

import java.net.InetSocketAddress;

/** A listening socket made by {@link Reactor#listenTcp}. */
public interface Listener extends AutoCloseable {

    /** The bound address; its port is the real one when port 0 was asked for. */
    InetSocketAddress address();

    /** The bound port. */
    default int port() {
        return address().getPort();
    }

    /** Stops accepting; established connections stay. Safe from any thread. */
    @Override
    void close();
}
