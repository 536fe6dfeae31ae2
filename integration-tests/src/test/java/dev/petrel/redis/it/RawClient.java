package dev.petrel.redis.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A blocking RESP client over a plain socket, for what a client library would hide: raw bytes out, and replies read
 * one by one with their framing checked. Replies decode to String (simple), {@link Err}, Long, byte[] (bulk, or null),
 * List (arrays, sets, maps and pushes, or null), Double, Boolean.
 */
final class RawClient implements AutoCloseable {
    /** An error reply. */
    record Err(String text) {}

    /** The stream ended where a reply should start. */
    static final class Closed extends EOFException {
        Closed() {
            super("the server closed the connection");
        }
    }

    private static final java.nio.charset.Charset LINE = StandardCharsets.ISO_8859_1;

    final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawClient(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    void write(byte[] bytes, int off, int len) throws IOException {
        out.write(bytes, off, len);
    }

    /** Sends one request as a RESP array of bulk strings and reads its reply. */
    Object call(Object... args) throws IOException {
        write(encode(args));
        return read();
    }

    static byte[] encode(Object... args) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (Object a : args) {
            byte[] v = a instanceof byte[] bytes ? bytes : a.toString().getBytes(StandardCharsets.UTF_8);
            b.writeBytes(("$" + v.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(v);
            b.writeBytes(new byte[] {'\r', '\n'});
        }
        return b.toByteArray();
    }

    /** The next reply; {@link Closed} if the stream ends before it starts. */
    Object read() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new Closed();
        }
        String line = line();
        return switch (type) {
            case '+' -> line;
            case '-' -> new Err(line);
            case ':' -> Long.parseLong(line);
            case ',' -> Double.parseDouble(line);
            case '#' -> line.equals("t");
            case '_' -> null;
            case '$', '=', '!' -> bulk(Integer.parseInt(line));
            case '*', '~', '>' -> list(Integer.parseInt(line), 1);
            case '%', '|' -> list(Integer.parseInt(line), 2);
            default -> throw new IOException("not a RESP reply type: '" + (char) type + "' then " + line);
        };
    }

    private byte[] bulk(int n) throws IOException {
        if (n < 0) {
            return null;
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n || in.read() != '\r' || in.read() != '\n') {
            throw new IOException("a bulk reply of " + n + " bytes is cut short or not followed by CRLF");
        }
        return b;
    }

    private List<Object> list(int n, int per) throws IOException {
        if (n < 0) {
            return null;
        }
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < n * per; i++) {
            items.add(read());
        }
        return items;
    }

    /** A reply line up to CRLF, one char per byte (Redis echoes bytes of the input in errors); a bare CR or LF inside
     * it is a framing error. */
    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("the stream ended inside a reply line: " + b.toString(LINE));
            }
            if (c == '\r') {
                if (in.read() != '\n') {
                    throw new IOException("CR without LF in a reply line: " + b.toString(LINE));
                }
                return b.toString(LINE);
            }
            if (c == '\n') {
                throw new IOException("LF without CR in a reply line: " + b.toString(LINE));
            }
            b.write(c);
        }
    }

    /** True if the server closed the connection (the next read ends the stream), false if it sends more. */
    boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
