package dev.petrel.server;

import dev.petrel.reactor.Reactor;
import java.net.InetSocketAddress;

/**
 * One protocol's way into the server (Redis, AMQP, or one of the lesson's examples): what it serves and where. {@link
 * Main} wires one per protocol, and {@link Server} opens and closes them together on one reactor.
 */
public interface Door {

    /** A short name, e.g. {@code redis}; it begins the {@code NAME listening on ADDR:PORT} line. */
    String name();

    /** Opens the door on {@code reactor} and returns the bound address; throws if it cannot. */
    InetSocketAddress start(Reactor reactor);

    /** Stops accepting and releases what the door holds. Called once, from any thread. */
    void stop();
}
