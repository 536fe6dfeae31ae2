package dev.petrel.reactor.it;

import dev.petrel.reactor.Listener;
import dev.petrel.reactor.Reactor;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An echo server on 127.0.0.1 for the tests that need a process of their own (file descriptors are counted per
 * process). Usage: {@code ChildEchoServer <loops>}. Prints its port on stdout, then serves until its stdin closes —
 * so it also ends if the test JVM dies without killing it.
 */
public final class ChildEchoServer {
    private ChildEchoServer() {}

    public static void main(String[] args) throws Exception {
        Reactor reactor = Reactor.create(Integer.parseInt(args[0]));
        Listener listener = reactor.listenTcp(Loopback.anyPort(), peer -> new Loopback.Echo());
        reactor.start();
        warmUp(reactor, listener.port());
        System.out.println(listener.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the parent closes our stdin
        }
        reactor.close();
        System.exit(0);
    }

    /**
     * One echo, one timer and one log line before the port is announced, so that every class those paths need is
     * loaded (and java.util.logging configured) while files can still be opened: later, with every descriptor taken,
     * the accept back-off and its warning must not need to open one.
     */
    private static void warmUp(Reactor reactor, int port) throws IOException, InterruptedException {
        try (Socket s = Loopback.connect(port)) {
            if (!Loopback.roundTrip(s, "warm-up\n").equals("warm-up\n")) {
                throw new IllegalStateException("the warm-up echo came back wrong");
            }
        }
        CountDownLatch timer = new CountDownLatch(1);
        reactor.callLater(Duration.ofMillis(1), timer::countDown);
        if (!timer.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the warm-up timer never ran");
        }
        System.getLogger(ChildEchoServer.class.getName())
                .log(System.Logger.Level.INFO, "child echo server listening on 127.0.0.1:" + port);
    }
}
