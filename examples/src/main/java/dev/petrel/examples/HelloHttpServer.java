package dev.petrel.examples;

import dev.petrel.reactor.ListenOptions;
import dev.petrel.reactor.Listener;
import dev.petrel.reactor.Protocol;
import dev.petrel.reactor.Reactor;
import dev.petrel.reactor.Transport;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lesson's epoll example: gathers a request until its blank line ({@code \r\n\r\n} or {@code \n\n}), however the
 * reads cut it, then sends the one fixed response and closes. A request that grows past {@link #MAX_REQUEST_BYTES}
 * without ending is cut off.
 */
public final class HelloHttpServer implements Protocol {
    /** The lesson's response, byte for byte. */
    static final byte[] RESPONSE = ("HTTP/1.0 200 OK\r\nDate: Mon, 1 Jan 1996 01:01:01 GMT\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: 13\r\n\r\n"
                    + "Hello, world!")
            .getBytes(StandardCharsets.US_ASCII);

    /** A bound, so that a peer that never ends its request cannot grow the heap. */
    public static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final PrintStream verbose;
    private byte[] request = new byte[512];
    private int length;
    private boolean done;
    private Transport transport;

    /** A protocol that prints each request to {@code verbose}, or nothing if it is null. */
    public HelloHttpServer(PrintStream verbose) {
        this.verbose = verbose;
    }

    public HelloHttpServer() {
        this(null);
    }

    /** Listens on {@code bind:port} (0: any free port). */
    public static Listener listen(Reactor reactor, String bind, int port) {
        return listen(reactor, bind, port, null);
    }

    /** As {@link #listen(Reactor, String, int)}, printing each request to {@code verbose} unless it is null. */
    public static Listener listen(Reactor reactor, String bind, int port, PrintStream verbose) {
        return reactor.listenTcp(ListenOptions.of(bind, port), peer -> new HelloHttpServer(verbose));
    }

    @Override
    public void connectionMade(Transport t) {
        transport = t;
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (done) {
            return; // the answer is out; whatever follows the blank line is ignored
        }
        int from = length;
        int n = Math.min(data.remaining(), MAX_REQUEST_BYTES - length);
        if (length + n > request.length) {
            request = Arrays.copyOf(request, Math.min(MAX_REQUEST_BYTES, Math.max(length + n, 2 * request.length)));
        }
        data.get(request, length, n);
        length += n;
        int end = endOfHead(request, from, length);
        if (end >= 0) {
            done = true;
            if (verbose != null) {
                verbose.println("-".repeat(40) + "\n" + new String(request, 0, end, StandardCharsets.ISO_8859_1));
            }
            transport.write(RESPONSE);
            transport.loseConnection();
        } else if (length == MAX_REQUEST_BYTES) {
            done = true;
            transport.loseConnection();
        }
    }

    /** Where the head ends (just past its blank line), looking at terminators that end at or after {@code from}. */
    static int endOfHead(byte[] b, int from, int length) {
        for (int i = from; i < length; i++) {
            if (b[i] != '\n') {
                continue;
            }
            if (i >= 1 && b[i - 1] == '\n') {
                return i + 1;
            }
            if (i >= 3 && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }
}
