package dev.petrel.examples;

import dev.petrel.reactor.ClientFactory;
import dev.petrel.reactor.Connector;
import dev.petrel.reactor.Protocol;
import java.io.PrintStream;
import java.net.SocketAddress;

/** The lesson's {@code EchoFactory}: builds the {@link EchoClient} and ends the program when its connection ends. */
public final class EchoFactory implements ClientFactory {
    private final PrintStream out;
    private final Runnable stop;
    private volatile EchoClient client;

    /** {@code stop} ends the program (the lesson's {@code reactor.stop()}). */
    public EchoFactory(PrintStream out, Runnable stop) {
        this.out = out;
        this.stop = stop;
    }

    @Override
    public Protocol buildProtocol(SocketAddress peer) {
        client = new EchoClient(out);
        return client;
    }

    @Override
    public void clientConnectionFailed(Connector connector, Throwable reason) {
        out.println("Connection failed - goodbye!");
        stop.run();
    }

    @Override
    public void clientConnectionLost(Connector connector, Throwable reason) {
        out.println("Connection lost - goodbye!");
        stop.run();
    }

    /** True if a connection was made and the whole greeting came back on it. */
    public boolean succeeded() {
        EchoClient c = client;
        return c != null && c.gotGreeting();
    }
}
