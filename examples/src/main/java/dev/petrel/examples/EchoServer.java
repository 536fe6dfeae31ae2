package dev.petrel.examples;

import dev.petrel.reactor.ListenOptions;
import dev.petrel.reactor.Listener;
import dev.petrel.reactor.Protocol;
import dev.petrel.reactor.Reactor;
import dev.petrel.reactor.Transport;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The lesson's Twisted {@code Echo}: writes back whatever arrives. The lesson prints {@code Client said:} for each
 * message; here that is optional, since a benchmark runs this server.
 */
public final class EchoServer implements Protocol {
    private final PrintStream verbose;
    private Transport transport;

    /** An echo protocol that prints each message to {@code verbose}, or nothing if it is null. */
    public EchoServer(PrintStream verbose) {
        this.verbose = verbose;
    }

    public EchoServer() {
        this(null);
    }

    /** Listens on {@code bind:port} (0: any free port) with a quiet echo protocol per connection. */
    public static Listener listen(Reactor reactor, String bind, int port) {
        return listen(reactor, bind, port, null);
    }

    /** As {@link #listen(Reactor, String, int)}, printing each message to {@code verbose} unless it is null. */
    public static Listener listen(Reactor reactor, String bind, int port, PrintStream verbose) {
        return reactor.listenTcp(ListenOptions.of(bind, port), peer -> new EchoServer(verbose));
    }

    @Override
    public void connectionMade(Transport t) {
        transport = t;
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (verbose != null) {
            verbose.println("Client said: " + StandardCharsets.UTF_8.decode(data.duplicate()));
        }
        transport.write(data);
    }
}
