package dev.petrel.reactor.it;

import dev.petrel.reactor.ListenOptions;
import dev.petrel.reactor.Protocol;
import dev.petrel.reactor.ProtocolFactory;
import dev.petrel.reactor.Reactor;
import dev.petrel.reactor.Transport;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the reactor's integration tests share: loopback addresses, an echo protocol, blocking-socket helpers and the
 * child-JVM echo server.
 */
final class Loopback {
    static final String HOST = "127.0.0.1";

    private Loopback() {}

    /** 127.0.0.1, any free port. */
    static ListenOptions anyPort() {
        return ListenOptions.of(HOST, 0);
    }

    /** Echoes every byte; remembers its transport and the reason it was lost. Subclass to vary it. */
    static class Echo implements Protocol {
        final CompletableFuture<Transport> made = new CompletableFuture<>();
        final CompletableFuture<Throwable> lost = new CompletableFuture<>();
        /** For the loop thread; another thread gets it with {@link #awaitMade()}. */
        Transport transport;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            made.complete(t);
        }

        /** The transport, once the connection is made (the factory hands the protocol out before that). */
        Transport awaitMade() throws Exception {
            return made.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.write(data);
        }

        @Override
        public void connectionLost(Throwable reason) {
            lost.complete(reason);
        }
    }

    /** A factory of protocols from {@code make}, each also put in {@code made} for the test to inspect. */
    static <P extends Protocol> ProtocolFactory keeping(BlockingQueue<? super P> made, Supplier<P> make) {
        return peer -> {
            P p = make.get();
            made.add(p);
            return p;
        };
    }

    /** The next element of {@code queue}, waiting up to 10 s for it. */
    static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T t = queue.poll(10, TimeUnit.SECONDS);
        if (t == null) {
            throw new AssertionError("nothing arrived within 10 s");
        }
        return t;
    }

    /** Returns once every loop of {@code reactor} has finished what it was doing (it ran a task queued now). */
    static void awaitLoops(Reactor reactor) throws InterruptedException {
        CountDownLatch turned = new CountDownLatch(reactor.loopCount());
        for (int i = 0; i < reactor.loopCount(); i++) {
            reactor.loop(i).execute(turned::countDown);
        }
        if (!turned.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("a loop did not take a task within 10 s");
        }
    }

    /** A blocking client socket to 127.0.0.1:{@code port}; connects within 5 s, reads time out after 30 s. */
    static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(HOST, port), 5_000);
            s.setSoTimeout(30_000);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** Exactly {@code n} bytes, or an exception if the stream ends first. */
    static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("stream ended after " + b.length + " of " + n + " bytes");
        }
        return b;
    }

    /** Writes {@code text} and reads its echo. */
    static String roundTrip(Socket s, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s.getOutputStream().write(b);
        return new String(readExactly(s.getInputStream(), b.length), StandardCharsets.UTF_8);
    }

    /** {@code n} reproducible pseudo-random bytes. */
    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Polls {@code condition} every 10 ms until it holds; after {@code timeout} fails, saying {@code what} (then). */
    static void eventually(Duration timeout, BooleanSupplier condition, Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what.get());
            }
            Thread.sleep(10);
        }
    }

    /**
     * Starts {@link ChildEchoServer} with {@code loops} loops in a child JVM and waits for the port it prints. With
     * {@code fdLimit > 0} the child runs under {@code ulimit -n fdLimit}. Its stderr (where java.util.logging writes)
     * goes to a file.
     */
    static ChildServer startChildEchoServer(int loops, int fdLimit) throws IOException {
        String javaBin = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the reactor's classes and these test classes are all the child needs (not the runner's whole class path)
        String classPath = codeSource(Reactor.class) + File.pathSeparator + codeSource(ChildEchoServer.class);
        List<String> command = new ArrayList<>();
        if (fdLimit > 0) {
            command.addAll(List.of("bash", "-c", "ulimit -n " + fdLimit + " && exec \"$@\"", "bash"));
        }
        command.addAll(List.of(
                javaBin,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xmx256m",
                "-cp",
                classPath,
                ChildEchoServer.class.getName(),
                Integer.toString(loops)));
        Path stderr = Files.createTempFile("petrel-child-", ".stderr");
        Process process =
                new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new ChildServer(process, readPort(process, stderr), stderr);
    }

    private static int readPort(Process process, Path stderr) throws IOException {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("the child echo server exited before printing its port: " + Files.readString(stderr));
        }
        return Integer.parseInt(line.trim());
    }

    private static String codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A child JVM running {@link ChildEchoServer}; closing it kills it (by its handle) and deletes its stderr file. */
    record ChildServer(Process process, int port, Path stderrFile) implements AutoCloseable {
        long pid() {
            return process.pid();
        }

        String stderr() {
            try {
                return Files.readString(stderrFile);
            } catch (IOException e) {
                return "(stderr unreadable: " + e + ")";
            }
        }

        @Override
        public void close() throws IOException {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            Files.deleteIfExists(stderrFile);
        }
    }

    /** Closes what a test opened, last first, in its {@code @AfterEach} (which runs even when a test times out). */
    static final class Closer implements AutoCloseable {
        private final Deque<AutoCloseable> resources = new ArrayDeque<>();

        synchronized <T extends AutoCloseable> T add(T resource) {
            resources.push(resource);
            return resource;
        }

        @Override
        public void close() {
            IllegalStateException failed = null;
            while (true) {
                AutoCloseable r;
                synchronized (this) {
                    r = resources.poll();
                }
                if (r == null) {
                    break;
                }
                try {
                    r.close();
                } catch (Exception e) {
                    if (failed == null) {
                        failed = new IllegalStateException("cleaning up after the test failed", e);
                    } else {
                        failed.addSuppressed(e);
                    }
                }
            }
            if (failed != null) {
                throw failed;
            }
        }
    }
}
