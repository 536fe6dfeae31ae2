package dev.petrel.amqp.it;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Raw-socket abuse: a hand-made handshake followed by garbage, while a well-behaved client carries on. The broker must
 * answer every kind of garbage with connection.close and a hard-error code (or just close a socket whose peer left
 * mid-frame), and a bad protocol header with its own header. {@link Raw} is the hand-made client, also used by other
 * tests that need frames the Java client refuses to send.
 */
class AmqpFuzzIT extends AmqpITSupport {
    private static final byte[] HEADER = {'A', 'M', 'Q', 'P', 0, 0, 9, 1};

    /** One frame as read off the socket. */
    record Frame(int type, int channel, byte[] payload) {
        boolean isMethod(int classId, int methodId) {
            return type == 1 && payload.length >= 4 && u16(0) == classId && u16(2) == methodId;
        }

        int u16(int at) {
            return ((payload[at] & 0xff) << 8) | (payload[at + 1] & 0xff);
        }

        /** The reply code and text of a connection.close or channel.close frame. */
        Close close() {
            int len = payload[6] & 0xff;
            return new Close(u16(4), new String(payload, 7, len, UTF_8), u16(7 + len), u16(9 + len));
        }
    }

    record Close(int code, String text, int classId, int methodId) {}

    /** A hand-driven AMQP 0-9-1 client connection: exact bytes out, frames in. */
    static final class Raw implements AutoCloseable {
        final Socket socket;
        final DataInputStream in;
        final DataOutputStream out;

        Raw(String host, int port) throws IOException {
            socket = new Socket(host, port);
            socket.setSoTimeout(10_000);
            in = new DataInputStream(socket.getInputStream());
            out = new DataOutputStream(socket.getOutputStream());
        }

        /** Header, start-ok PLAIN guest/guest, tune-ok without heartbeats, connection.open of "/". */
        Raw handshake() throws IOException {
            out.write(HEADER);
            expect(10, 10);
            Args startOk = new Args().u32(0).shortStr("PLAIN");
            method(0, 10, 11, startOk.longStr("\0guest\0guest").shortStr("en_US"));
            Frame tune = expect(10, 30);
            method(0, 10, 31, new Args().u16(tune.u16(4)).u32(131_072).u16(0));
            method(0, 10, 40, new Args().shortStr("/").shortStr("").u8(0));
            expect(10, 41);
            return this;
        }

        Raw openChannel(int channel) throws IOException {
            method(channel, 20, 10, new Args().shortStr(""));
            expect(20, 11);
            return this;
        }

        void method(int channel, int classId, int methodId, Args args) throws IOException {
            byte[] payload =
                    new Args().u16(classId).u16(methodId).raw(args.bytes()).bytes();
            frame(1, channel, payload, 0xCE);
        }

        void frame(int type, int channel, byte[] payload, int end) throws IOException {
            out.writeByte(type);
            out.writeShort(channel);
            out.writeInt(payload.length);
            out.write(payload);
            out.writeByte(end);
            out.flush();
        }

        /** The next frame, or null at end of stream. */
        Frame read() throws IOException {
            try {
                int type = in.readUnsignedByte();
                int channel = in.readUnsignedShort();
                byte[] payload = new byte[in.readInt()];
                in.readFully(payload);
                assertThat(in.readUnsignedByte()).as("frame end").isEqualTo(0xCE);
                return new Frame(type, channel, payload);
            } catch (EOFException | java.net.SocketException e) {
                return null;
            }
        }

        Frame expect(int classId, int methodId) throws IOException {
            Frame f = read();
            assertThat(f != null && f.isMethod(classId, methodId))
                    .as("method %d.%d", classId, methodId)
                    .isTrue();
            return f;
        }

        /** Reads until connection.close (answered with close-ok; its reason returned) or the end of stream (null). */
        Close awaitConnectionClose() throws IOException {
            for (Frame f = read(); f != null; f = read()) {
                if (f.isMethod(10, 50)) {
                    try {
                        method(0, 10, 51, new Args());
                    } catch (IOException gone) {
                        // the broker may close right after its close; nothing left to acknowledge
                    }
                    return f.close();
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Big-endian argument encoding as AMQP lays it out. */
    static final class Args {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        Args u8(int v) throws IOException {
            out.writeByte(v);
            return this;
        }

        Args u16(int v) throws IOException {
            out.writeShort(v);
            return this;
        }

        Args u32(int v) throws IOException {
            out.writeInt(v);
            return this;
        }

        Args shortStr(String s) throws IOException {
            byte[] b = s.getBytes(UTF_8);
            out.writeByte(b.length);
            out.write(b);
            return this;
        }

        Args longStr(String s) throws IOException {
            byte[] b = s.getBytes(UTF_8);
            out.writeInt(b.length);
            out.write(b);
            return this;
        }

        Args raw(byte[] b) throws IOException {
            out.write(b);
            return this;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    @Test
    void garbageAfterTheHandshakeIsAHardErrorAndOtherClientsCarryOn() throws Exception {
        long seed = Long.getLong("petrel.amqp.fuzz.seed", 91_091L);
        System.out.println("AmqpFuzzIT seed=" + seed);
        Random random = new Random(seed);
        try (Connection bystander = connect()) {
            Channel ch = bystander.createChannel();
            String q =
                    ch.queueDeclare(unique("it.fuzz"), false, true, false, null).getQueue();
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            ch.basicConsume(q, true, (tag, d) -> received.add(new String(d.getBody(), UTF_8)), tag -> {});
            Channel publisher = bystander.createChannel();
            publisher.confirmSelect();
            for (int round = 0; round < 200; round++) {
                publisher.basicPublish("", q, null, String.valueOf(round).getBytes(UTF_8));
                int kind = random.nextInt(6);
                try (Raw raw = new Raw(host(), port()).handshake()) {
                    raw.openChannel(1);
                    abuse(raw, kind, random);
                    Close close = raw.awaitConnectionClose();
                    // a client gone mid-frame (kind 1) may get no close at all: RabbitMQ just closes the socket
                    if (kind != 1 || close != null) {
                        String what = "round " + round + ", kind " + kind + ": " + close;
                        assertThat(close).as(what).isNotNull();
                        assertThat(close.code()).as(what).isEqualTo(501);
                        assertThat(close.text()).as(what).startsWith("FRAME_ERROR");
                    }
                    assertThat(raw.read())
                            .as("round %d: the socket closes", round)
                            .isNull();
                }
            }
            publisher.waitForConfirmsOrDie(10_000);
            for (int round = 0; round < 200; round++) {
                assertThat(received.poll(5, SECONDS)).isEqualTo(String.valueOf(round));
            }
        }
    }

    private static void abuse(Raw raw, int kind, Random random) throws IOException {
        switch (kind) {
            case 0 -> { // random bytes, then zeros enough to complete any frame they began
                byte[] junk = new byte[1 + random.nextInt(64)];
                random.nextBytes(junk);
                writeQuietly(raw, junk);
                writeQuietly(raw, new byte[131_080]);
            }
            case 1 -> { // a truncated frame, then the client goes away
                byte[] payload = new byte[8 + random.nextInt(100)];
                random.nextBytes(payload);
                frameHeader(raw, payload.length);
                raw.out.write(payload, 0, random.nextInt(payload.length));
                raw.out.flush();
                raw.socket.shutdownOutput();
            }
            case 2 -> // basic.qos with a bad end octet
                raw.frame(1, 1, new Args().u16(60).u16(10).u32(0).u16(1).u8(0).bytes(), random.nextInt(0xCE));
            case 3 -> { // a frame far bigger than the negotiated frame_max
                frameHeader(raw, 131_072 + 1 + random.nextInt(1 << 20));
                writeQuietly(raw, new byte[4096]);
            }
            case 4 -> // unknown frame types
                raw.frame(4 + random.nextInt(4), random.nextInt(2), new byte[random.nextInt(16)], 0xCE);
            default -> { // a known method with random arguments
                int[][] methods = {{50, 10}, {40, 10}, {60, 40}, {60, 20}, {50, 20}, {60, 80}, {20, 40}};
                int[] m = methods[random.nextInt(methods.length)];
                byte[] args = new byte[random.nextInt(40)];
                random.nextBytes(args);
                raw.method(1, m[0], m[1], new Args().raw(args));
            }
        }
    }

    /** The start of a method frame on channel 1 announcing {@code size} payload bytes. */
    private static void frameHeader(Raw raw, int size) throws IOException {
        raw.out.writeByte(1);
        raw.out.writeShort(1);
        raw.out.writeInt(size);
        raw.out.flush();
    }

    private static void writeQuietly(Raw raw, byte[] bytes) {
        try {
            raw.out.write(bytes);
            raw.out.flush();
        } catch (IOException closedByBroker) {
            // the broker may hang up before reading it all; what it replied is still there to read
        }
    }

    /** Everything the broker sends until it closes the socket (a reset after its last byte counts as a close). */
    private static byte[] untilClosed(Raw raw) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try {
            for (int b = raw.in.read(); b >= 0 && got.size() <= HEADER.length; b = raw.in.read()) {
                got.write(b);
            }
        } catch (java.net.SocketException reset) {
            // the broker hung up with a reset right after its header
        }
        return got.toByteArray();
    }

    @Test
    void aBadProtocolHeaderGetsTheBrokersHeaderBack() throws Exception {
        for (byte[] header : new byte[][] {
            "AMQP\0\0\u0009\u0002".getBytes(US_ASCII), "HTTP/1.1".getBytes(US_ASCII), {'A', 'M', 'Q', 'P', 3, 1, 0, 0}
        }) {
            try (Raw raw = new Raw(host(), port())) {
                raw.out.write(header);
                raw.out.flush();
                assertThat(untilClosed(raw)).containsExactly(HEADER);
            }
        }
    }
}
