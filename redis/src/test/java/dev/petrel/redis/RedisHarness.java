package dev.petrel.redis;

import dev.petrel.reactor.testing.FakeTransport;
import dev.petrel.reactor.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Redis door without sockets or real time, for unit tests of command families: one instance on a manual clock,
 * any number of clients on fake transports. {@code call("SET", "k", "v")} sends one request and returns the decoded
 * reply: a {@link String} for simple strings, {@link Err} for errors, {@link Long} for integers, a {@link String} (or
 * null) for bulk strings, a {@link List} (or null) for arrays, maps and sets, {@link Double}/{@link Boolean} in RESP3.
 */
public final class RedisHarness {
    public final ManualClock clock = new ManualClock();
    public final RedisInstance instance;

    /** An error reply. */
    public record Err(String text) {
        @Override
        public String toString() {
            return "-" + text;
        }
    }

    public RedisHarness() {
        this(new RedisConfig().port(0));
    }

    public RedisHarness(RedisConfig config) {
        instance = new RedisInstance(config, clock);
    }

    /** A new client connection. */
    public Conn connect() {
        return new Conn();
    }

    /** Moves time on (expiry, timers). */
    public void advance(Duration d) {
        clock.advance(d);
    }

    /** One client. */
    public final class Conn {
        public final FakeTransport transport = new FakeTransport(clock);

        Conn() {
            transport.connect(new RedisConnection(instance));
        }

        /** Sends one request as a RESP array of bulk strings and decodes the one reply. */
        public Object call(String... args) {
            List<Object> replies = send(encode(args));
            if (replies.size() != 1) {
                throw new AssertionError("expected one reply to " + String.join(" ", args) + ", got " + replies);
            }
            return replies.get(0);
        }

        /** Sends raw bytes (any number of requests, inline or not) and decodes every reply that came back. */
        public List<Object> send(byte[] raw) {
            transport.clear();
            transport.deliver(raw);
            return decodeAll(transport.written());
        }

        public List<Object> send(String raw) {
            return send(raw.getBytes(StandardCharsets.UTF_8));
        }

        public boolean closed() {
            return transport.isDisconnecting() || transport.isClosed();
        }
    }

    public static byte[] encode(String... args) {
        StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            sb.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes every whole reply in {@code bytes}. */
    public static List<Object> decodeAll(byte[] bytes) {
        RespReader r = new RespReader(bytes);
        List<Object> out = new ArrayList<>();
        while (r.more()) {
            out.add(r.read());
        }
        return out;
    }
}
