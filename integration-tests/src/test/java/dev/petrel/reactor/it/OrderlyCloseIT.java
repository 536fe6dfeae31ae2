package dev.petrel.reactor.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.petrel.reactor.ConnectionDone;
import dev.petrel.reactor.Listener;
import dev.petrel.reactor.Reactor;
import dev.petrel.reactor.Transport;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ending connections in order: half-close either way, {@code loseConnection} after pending writes, a listener closed
 * under its connections, and {@link Reactor#stop()} with connections open.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OrderlyCloseIT {
    private static final byte[] EIGHT_MIB = Loopback.randomBytes(8 << 20, 3);

    private final Loopback.Closer closer = new Loopback.Closer();
    private final BlockingQueue<Loopback.Echo> accepted = new LinkedBlockingQueue<>();

    @AfterEach
    void cleanUp() {
        closer.close();
    }

    /** A started reactor of {@code loops} loops listening with {@code protocols}. */
    private Listener listen(Reactor reactor, Supplier<Loopback.Echo> protocols) {
        closer.add(reactor);
        Listener l = reactor.listenTcp(Loopback.anyPort(), Loopback.keeping(accepted, protocols));
        reactor.start();
        return l;
    }

    @Test
    void aHalfClosedConnectionKeepsWritingUntilItLosesTheConnection() throws Exception {
        byte[] tail = Loopback.randomBytes(1 << 20, 2);
        Listener l = listen(Reactor.create(2), () -> new Loopback.Echo() {
            private int received;

            @Override
            public void dataReceived(ByteBuffer data) {
                received += data.remaining();
            }

            @Override
            public boolean readConnectionLost() {
                // answer on a later turn, well after the peer's EOF
                transport.scheduler().callLater(Duration.ofMillis(50), () -> {
                    transport.write("received " + received + " bytes\n");
                    transport.write(tail);
                    transport.loseConnection();
                });
                return true;
            }
        });
        try (Socket s = Loopback.connect(l.port())) {
            s.getOutputStream().write("the whole request".getBytes(UTF_8));
            s.shutdownOutput();
            byte[] reply = s.getInputStream().readAllBytes();
            byte[] head = "received 17 bytes\n".getBytes(UTF_8);
            assertThat(new String(reply, 0, Math.min(head.length, reply.length), UTF_8))
                    .isEqualTo(new String(head, UTF_8));
            assertThat(Arrays.equals(reply, head.length, reply.length, tail, 0, tail.length))
                    .as("the %d bytes after the first line are the tail", reply.length - head.length)
                    .isTrue();
        }
        assertThat(Loopback.next(accepted).lost.get(10, TimeUnit.SECONDS)).isSameAs(ConnectionDone.INSTANCE);
    }

    @Test
    void loseWriteConnectionEndsOurSideWhileThePeerMayStillSend() throws Exception {
        StringBuffer received = new StringBuffer();
        Listener l = listen(Reactor.create(2), () -> new Loopback.Echo() {
            @Override
            public void connectionMade(Transport t) {
                super.connectionMade(t);
                t.write("bye\n");
                t.loseWriteConnection();
            }

            @Override
            public void dataReceived(ByteBuffer data) {
                received.append(UTF_8.decode(data));
            }
        });
        try (Socket s = Loopback.connect(l.port())) {
            assertThat(new String(s.getInputStream().readAllBytes(), UTF_8)).isEqualTo("bye\n");
            s.getOutputStream().write("after your EOF\n".getBytes(UTF_8));
            s.shutdownOutput();
            assertThat(Loopback.next(accepted).lost.get(10, TimeUnit.SECONDS)).isSameAs(ConnectionDone.INSTANCE);
        }
        assertThat(received).hasToString("after your EOF\n");
    }

    @Test
    void loseConnectionAfterALargeWriteDeliversEverythingThenEof() throws Exception {
        Listener l = listen(Reactor.create(2), () -> new Loopback.Echo() {
            @Override
            public void connectionMade(Transport t) {
                super.connectionMade(t);
                t.write(EIGHT_MIB);
                t.loseConnection();
            }
        });
        try (Socket s = Loopback.connect(l.port())) {
            byte[] all = s.getInputStream().readAllBytes(); // up to EOF
            assertThat(Arrays.mismatch(all, EIGHT_MIB))
                    .as("first byte differing from what was written")
                    .isEqualTo(-1);
        }
        assertThat(Loopback.next(accepted).lost.get(10, TimeUnit.SECONDS)).isSameAs(ConnectionDone.INSTANCE);
    }

    @Test
    void closingAListenerFromAnotherThreadKeepsItsConnections() throws Exception {
        Listener l = listen(Reactor.create(2), Loopback.Echo::new);
        Socket s = closer.add(Loopback.connect(l.port()));
        Loopback.next(accepted).awaitMade(); // accepted: closing the listener now would reset it in the backlog
        l.close();
        Loopback.eventually(Duration.ofSeconds(10), () -> refused(l.port()), () -> "connections refused after close");
        assertThat(Loopback.roundTrip(s, "still connected\n")).isEqualTo("still connected\n");
    }

    private static boolean refused(int port) {
        try {
            Loopback.connect(port).close();
            return false;
        } catch (IOException e) {
            return e instanceof ConnectException;
        }
    }

    @Test
    void stopSendsWhatIsPendingThenClosesEveryConnectionCleanlyAndRunReturns() throws Exception {
        Reactor reactor = closer.add(Reactor.create(2));
        CountDownLatch written = new CountDownLatch(3);
        Listener listener = reactor.listenTcp(Loopback.anyPort(), Loopback.keeping(accepted, () -> new Loopback.Echo() {
            @Override
            public void dataReceived(ByteBuffer data) {
                transport.write(EIGHT_MIB); // more than the socket buffers take while the client does not read
                written.countDown();
            }
        }));
        Thread runner = new Thread(reactor::run, "reactor-run");
        runner.setDaemon(true);
        runner.start();
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Socket s = closer.add(Loopback.connect(listener.port()));
            s.getOutputStream().write('?');
            clients.add(s);
        }
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

        reactor.stop();
        for (Socket s : clients) {
            byte[] all = s.getInputStream().readAllBytes(); // up to EOF
            assertThat(Arrays.mismatch(all, EIGHT_MIB))
                    .as("first byte differing from what was written")
                    .isEqualTo(-1);
        }
        for (Loopback.Echo p : accepted) {
            assertThat(p.lost.get(10, TimeUnit.SECONDS)).isSameAs(ConnectionDone.INSTANCE);
        }
        runner.join(10_000);
        assertThat(runner.isAlive()).as("run() still blocked after stop()").isFalse();
        assertThatThrownBy(() -> Loopback.connect(listener.port()).close())
                .as("the listener closed with the reactor")
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void stopAbortsAConnectionThatDoesNotDrainWithinTheGrace() throws Exception {
        Reactor reactor = Reactor.create(1);
        Listener l = listen(reactor, () -> new Loopback.Echo() {
            @Override
            public void connectionMade(Transport t) {
                super.connectionMade(t);
                t.write(EIGHT_MIB);
            }
        });
        closer.add(Loopback.connect(l.port())); // never reads
        Loopback.Echo server = Loopback.next(accepted);
        Thread.sleep(200); // the loop is asleep in select, waiting for the socket to become writable

        reactor.stop();
        assertThat(reactor.awaitTermination(Duration.ofSeconds(15)))
                .as("loops ended within the stop grace (5 s) and a margin")
                .isTrue();
        assertThat(server.lost.get(1, TimeUnit.SECONDS))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(ConnectionDone.class);
    }
}
