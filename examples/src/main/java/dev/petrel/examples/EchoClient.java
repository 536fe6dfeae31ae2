package dev.petrel.examples;

import dev.petrel.reactor.Protocol;
import dev.petrel.reactor.Reactor;
import dev.petrel.reactor.Transport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * The lesson's Twisted {@code EchoClient}: sends {@code hello alex!}, prints what comes back, and hangs up once all of
 * it has. Its {@link EchoFactory} stops the reactor when the connection fails or ends.
 */
public final class EchoClient implements Protocol {
    public static final String GREETING = "hello alex!";

    /** How long the whole program may take before it gives up. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final byte[] GREETING_BYTES = GREETING.getBytes(StandardCharsets.UTF_8);

    private final PrintStream out;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private Transport transport;

    public EchoClient(PrintStream out) {
        this.out = out;
    }

    /** Starts the client on {@code reactor}, which the factory stops when done. Safe from any thread. */
    public static EchoFactory connect(Reactor reactor, String host, int port, PrintStream out) {
        EchoFactory factory = new EchoFactory(out, reactor::stop);
        reactor.connectTcp(host, port, factory);
        return factory;
    }

    /** The lesson's program: connect, wait at most {@link #TIMEOUT}; 0 if the whole greeting came back, else 1. */
    public static int run(String host, int port, PrintStream out) {
        try (Reactor reactor = Reactor.create()) {
            EchoFactory factory = connect(reactor, host, port, out);
            reactor.callLater(TIMEOUT, () -> {
                out.println("Timed out - goodbye!");
                reactor.stop();
            });
            reactor.run();
            out.flush();
            return factory.succeeded() ? 0 : 1;
        }
    }

    @Override
    public void connectionMade(Transport t) {
        transport = t;
        t.write(GREETING_BYTES);
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        received.writeBytes(chunk);
        out.println("Server said: " + received.toString(StandardCharsets.UTF_8));
        if (received.size() >= GREETING_BYTES.length) {
            transport.loseConnection();
        }
    }

    /** True once exactly the greeting has come back. */
    public boolean gotGreeting() {
        return Arrays.equals(received.toByteArray(), GREETING_BYTES);
    }
}
