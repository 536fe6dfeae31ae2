package dev.petrel.reactor.it;

import static dev.petrel.reactor.it.Loopback.HOST;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.reactor.ClientFactory;
import dev.petrel.reactor.ConnectionDone;
import dev.petrel.reactor.Connector;
import dev.petrel.reactor.EventLoop;
import dev.petrel.reactor.Listener;
import dev.petrel.reactor.Protocol;
import dev.petrel.reactor.Reactor;
import dev.petrel.reactor.Transport;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Echo over loopback on a reactor of two loops: many clients at once, a large echo, gathering writes, a client. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EchoIT {
    private final Loopback.Closer closer = new Loopback.Closer();
    private final BlockingQueue<Loopback.Echo> accepted = new LinkedBlockingQueue<>();
    private final Set<Integer> loopsUsed = ConcurrentHashMap.newKeySet();
    private final CountDownLatch serverPaused = new CountDownLatch(1);
    private Reactor reactor;
    private Listener listener;

    @BeforeEach
    void startEchoServer() {
        reactor = closer.add(Reactor.create(2));
        listener = reactor.listenTcp(Loopback.anyPort(), this::echo);
        reactor.start();
    }

    @AfterEach
    void cleanUp() {
        closer.close();
    }

    private Protocol echo(SocketAddress peer) {
        Loopback.Echo p = new Loopback.Echo() {
            @Override
            public void connectionMade(Transport t) {
                super.connectionMade(t);
                loopsUsed.add(((EventLoop) t.scheduler()).index());
            }

            @Override
            public void writabilityChanged(boolean writable) {
                if (!writable) {
                    serverPaused.countDown();
                }
            }
        };
        accepted.add(p);
        return p;
    }

    @Test
    void twoHundredConcurrentClientsEachExchangeSeveralMessages() throws Exception {
        int clients = 200;
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        closer.add(threads::shutdownNow);
        CountDownLatch allConnected = new CountDownLatch(clients);
        List<Callable<Integer>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            work.add(() -> {
                try (Socket s = Loopback.connect(listener.port())) {
                    allConnected.countDown();
                    allConnected.await(); // all 200 are open at once before anyone talks
                    for (int m = 0; m < 5; m++) {
                        String message = "client " + client + " message " + m + " " + "x".repeat(client * 7) + "\n";
                        assertThat(Loopback.roundTrip(s, message)).isEqualTo(message);
                    }
                    return client;
                }
            });
        }
        for (Future<Integer> f : threads.invokeAll(work, 50, TimeUnit.SECONDS)) {
            f.get(); // rethrows a client's failure
        }
        assertThat(loopsUsed).as("loops the connections were spread over").containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void fourMebibytesEchoBackInOrderWhileTheClientHoldsOffReading() throws Exception {
        byte[] data = Loopback.randomBytes(4 << 20, 42);
        Socket s = closer.add(Loopback.connect(listener.port()));
        CompletableFuture<Void> written = CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = s.getOutputStream();
                for (int at = 0; at < data.length; at += 65536) {
                    out.write(data, at, Math.min(65536, data.length - at));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // read only once the server's outbound queue has passed its high-water mark, so that it stops reading from us
        assertThat(serverPaused.await(20, TimeUnit.SECONDS))
                .as("server saw its outbound queue pass the high-water mark")
                .isTrue();
        byte[] back = Loopback.readExactly(s.getInputStream(), data.length);
        written.get(20, TimeUnit.SECONDS);
        assertThat(Arrays.mismatch(back, data))
                .as("index of the first byte echoed wrong")
                .isEqualTo(-1);
    }

    @Test
    void writeSequenceSendsItsBuffersInOrder() throws Exception {
        List<ByteBuffer> parts = new ArrayList<>();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 60; i++) {
            byte[] b = Loopback.randomBytes(4 + (i * 1_777) % 40_000, i); // some cross the 16 KiB chunk size
            expected.write(b, 3, b.length - 3);
            ByteBuffer buf = i % 2 == 0
                    ? ByteBuffer.wrap(b)
                    : ByteBuffer.allocateDirect(b.length).put(b).flip();
            parts.add(buf.position(3)); // only a buffer's remaining bytes go out
        }
        Socket s = closer.add(Loopback.connect(listener.port()));
        Loopback.Echo server = Loopback.next(accepted);
        Transport t = server.awaitMade();
        t.scheduler().execute(() -> {
            t.writeSequence(parts.toArray(ByteBuffer[]::new));
            t.loseConnection();
        });
        byte[] received = s.getInputStream().readAllBytes();
        assertThat(Arrays.mismatch(received, expected.toByteArray()))
                .as("index of the first byte out of place")
                .isEqualTo(-1);
        assertThat(parts).allSatisfy(b -> assertThat(b.hasRemaining()).isFalse());
        assertThat(server.lost.get(10, TimeUnit.SECONDS)).isSameAs(ConnectionDone.INSTANCE);
    }

    @Test
    void aReactorClientTalksToTheReactorServer() throws Exception {
        String request = "ping 1\nping 2\nping 3\n";
        CompletableFuture<String> reply = new CompletableFuture<>();
        CompletableFuture<Throwable> clientLost = new CompletableFuture<>();
        CountDownLatch started = new CountDownLatch(1);
        ClientFactory factory = new ClientFactory() {
            @Override
            public Protocol buildProtocol(SocketAddress peer) {
                return new Protocol() {
                    private final ByteArrayOutputStream got = new ByteArrayOutputStream();
                    private Transport transport;

                    @Override
                    public void connectionMade(Transport t) {
                        transport = t;
                        for (String line : request.split("(?<=\n)")) {
                            t.write(line); // three writes, flushed together at the end of the turn
                        }
                    }

                    @Override
                    public void dataReceived(ByteBuffer data) {
                        byte[] b = new byte[data.remaining()];
                        data.get(b);
                        got.writeBytes(b);
                        if (got.size() >= request.length()) {
                            reply.complete(got.toString(UTF_8));
                            transport.loseConnection();
                        }
                    }
                };
            }

            @Override
            public void startedConnecting(Connector connector) {
                started.countDown();
            }

            @Override
            public void clientConnectionLost(Connector connector, Throwable reason) {
                clientLost.complete(reason);
            }
        };
        reactor.connectTcp(HOST, listener.port(), factory, Duration.ofSeconds(5));

        assertThat(reply.get(10, TimeUnit.SECONDS)).isEqualTo(request);
        assertThat(started.getCount()).isZero();
        assertThat(clientLost.get(10, TimeUnit.SECONDS)).isSameAs(ConnectionDone.INSTANCE);
        assertThat(Loopback.next(accepted).lost.get(10, TimeUnit.SECONDS))
                .as("the server side, after the client's orderly close")
                .isSameAs(ConnectionDone.INSTANCE);
    }
}
