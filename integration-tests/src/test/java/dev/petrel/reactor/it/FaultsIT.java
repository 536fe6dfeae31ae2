package dev.petrel.reactor.it;

import static dev.petrel.reactor.it.Loopback.HOST;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.petrel.reactor.ClientFactory;
import dev.petrel.reactor.ConnectionDone;
import dev.petrel.reactor.Connector;
import dev.petrel.reactor.Protocol;
import dev.petrel.reactor.Reactor;
import dev.petrel.reactor.Transport;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What breaks, and what must not break with it: a protocol that throws, a peer that resets mid-write, connections that
 * cannot be made or are refused. Each fault ends one connection; the reactor goes on serving.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FaultsIT {
    private static final byte[] EIGHT_MIB = Loopback.randomBytes(8 << 20, 8);

    private final Loopback.Closer closer = new Loopback.Closer();
    private final BlockingQueue<Loopback.Echo> accepted = new LinkedBlockingQueue<>();
    private Reactor reactor;

    @BeforeEach
    void startReactor() {
        reactor = closer.add(Reactor.create(2).start());
    }

    @AfterEach
    void cleanUp() {
        closer.close();
    }

    private int listen(Supplier<Loopback.Echo> protocols) {
        return reactor.listenTcp(Loopback.anyPort(), Loopback.keeping(accepted, protocols))
                .port();
    }

    @Test
    void aProtocolThatThrowsLosesOnlyItsOwnConnection() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom (thrown on purpose by the test)");
        int port = listen(() -> new Loopback.Echo() {
            @Override
            public void dataReceived(ByteBuffer data) {
                if (UTF_8.decode(data.duplicate()).toString().contains("boom")) {
                    throw boom;
                }
                super.dataReceived(data);
            }
        });
        Socket good = closer.add(Loopback.connect(port));
        Loopback.Echo goodServer = Loopback.next(accepted);
        Socket bad = closer.add(Loopback.connect(port));
        Loopback.Echo badServer = Loopback.next(accepted);
        assertThat(Loopback.roundTrip(good, "hello\n")).isEqualTo("hello\n");

        bad.getOutputStream().write("boom\n".getBytes(UTF_8));
        assertThat(bad.getInputStream().read())
                .as("the failing connection is closed")
                .isEqualTo(-1);
        assertThat(badServer.lost.get(10, TimeUnit.SECONDS)).isSameAs(boom);

        assertThat(Loopback.roundTrip(good, "still here\n")).isEqualTo("still here\n");
        assertThat(goodServer.lost).isNotDone();
    }

    @Test
    void aPeerResetMidWriteIsAnErrorAndServiceGoesOn() throws Exception {
        int port = listen(() -> new Loopback.Echo() {
            @Override
            public void connectionMade(Transport t) {
                super.connectionMade(t);
                t.write(EIGHT_MIB);
            }
        });
        try (Socket s = Loopback.connect(port)) {
            Loopback.readExactly(s.getInputStream(), 64 * 1024);
            s.setSoLinger(true, 0); // close with a reset, leaving most of the 8 MiB unread
        }
        assertThat(Loopback.next(accepted).lost.get(10, TimeUnit.SECONDS))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(ConnectionDone.class);

        try (Socket s = Loopback.connect(port)) {
            Loopback.readExactly(s.getInputStream(), EIGHT_MIB.length);
            assertThat(Loopback.roundTrip(s, "next\n")).isEqualTo("next\n");
        }
    }

    @Test
    void connectingToAClosedPortFails() throws Exception {
        int port;
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            port = ss.getLocalPort();
        }
        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        reactor.connectTcp(HOST, port, failureRecorder(failed), Duration.ofSeconds(5));
        assertThat(failed.get(10, TimeUnit.SECONDS)).isInstanceOf(ConnectException.class);
    }

    @Test
    void aConnectAttemptTimesOutWhenTheListenBacklogIsFull() throws Exception {
        // a listener that never accepts: once its accept queue is full, Linux drops further SYNs
        ServerSocket never = closer.add(new ServerSocket(0, 1, InetAddress.getByName(HOST)));
        InetSocketAddress address = new InetSocketAddress(HOST, never.getLocalPort());
        boolean full = false;
        for (int i = 0; i < 16 && !full; i++) {
            Socket s = closer.add(new Socket());
            try {
                s.connect(address, 500);
            } catch (SocketTimeoutException e) {
                full = true;
            }
        }
        assumeTrue(full, "every connect to a listener that never accepts completed: no timeout to provoke here");

        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        reactor.connectTcp(HOST, address.getPort(), failureRecorder(failed), Duration.ofMillis(300));
        assertThat(failed.get(10, TimeUnit.SECONDS)).isInstanceOf(SocketTimeoutException.class);
    }

    private static ClientFactory failureRecorder(CompletableFuture<Throwable> failed) {
        return new ClientFactory() {
            @Override
            public Protocol buildProtocol(SocketAddress peer) {
                failed.completeExceptionally(new AssertionError("connected to " + peer));
                return null;
            }

            @Override
            public void clientConnectionFailed(Connector connector, Throwable reason) {
                failed.complete(reason);
            }
        };
    }

    @Test
    void aFactoryThatRefusesAConnectionClosesItWithoutComplaint() throws Exception {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger reactorLog = Logger.getLogger("dev.petrel.reactor");
        reactorLog.addHandler(handler);
        closer.add(() -> reactorLog.removeHandler(handler));
        int port = reactor.listenTcp(Loopback.anyPort(), peer -> null).port(); // null: refused

        for (int i = 0; i < 2; i++) {
            try (Socket s = Loopback.connect(port)) {
                assertThat(s.getInputStream().read())
                        .as("a refused connection is closed")
                        .isEqualTo(-1);
            }
        }
        Loopback.awaitLoops(reactor);
        assertThat(warnings)
                .as("warnings logged for refusing (the documented meaning of a null protocol)")
                .extracting(r -> r.getMessage() + " " + r.getThrown())
                .isEmpty();
    }
}
