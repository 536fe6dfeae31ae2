package dev.petrel.reactor;

import java.net.SocketAddress;

/** Builds the protocol for each new connection, as Twisted's {@code Factory.buildProtocol(addr)}. */
@FunctionalInterface
public interface ProtocolFactory {

    /** The protocol for a connection with {@code peer}; returning {@code null} refuses it (it is closed). */
    Protocol buildProtocol(SocketAddress peer);
}
