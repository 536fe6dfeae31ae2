package dev.petrel.amqp.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats: the broker sends heartbeat frames on an idle connection, closes a connection whose peer stays silent
 * after agreeing to heartbeats, and keeps open a connection whose client does send them.
 */
class HeartbeatIT extends AmqpITSupport {
    private static final int FRAME_HEARTBEAT = 8;

    @Test
    void theBrokerSendsHeartbeatFramesToAnIdleClient() throws Exception {
        try (Raw raw = Raw.open(host(), port(), 1)) {
            raw.socket.setSoTimeout(5_000);
            int[] frame;
            do {
                frame = raw.readFrame();
            } while (frame[0] != FRAME_HEARTBEAT);
            assertThat(frame).as("type, channel, size").containsExactly(FRAME_HEARTBEAT, 0, 0);
        }
    }

    @Test
    void aSilentClientIsDisconnected() throws Exception {
        try (Raw raw = Raw.open(host(), port(), 1)) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            boolean closed = false;
            while (!closed && System.nanoTime() < deadline) {
                raw.socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                try {
                    raw.readFrame();
                } catch (EOFException | SocketException e) {
                    closed = true;
                } catch (SocketTimeoutException e) {
                    break;
                }
            }
            assertThat(closed)
                    .as("the broker closed the silent connection within 10s")
                    .isTrue();
        }
    }

    @Test
    void aClientThatSendsHeartbeatsStaysConnected() throws Exception {
        ConnectionFactory f = factory();
        f.setRequestedHeartbeat(1);
        try (Connection c = f.newConnection()) {
            assertThat(c.getHeartbeat()).isEqualTo(1);
            Channel ch = c.createChannel();
            Thread.sleep(4_000); // longer than two heartbeat intervals: only heartbeats cross the wire meanwhile
            assertThat(c.isOpen()).isTrue();
            String q = ch.queueDeclare().getQueue();
            assertThat(ch.messageCount(q)).isZero();
        }
    }

    /** A bare AMQP 0-9-1 client: handshakes as guest with a chosen heartbeat, then reads frames and sends nothing. */
    static final class Raw implements AutoCloseable {
        final Socket socket;
        private final DataInputStream in;
        private final DataOutputStream out;

        private Raw(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = new DataOutputStream(socket.getOutputStream());
        }

        static Raw open(String host, int port, int heartbeat) throws IOException {
            Raw raw = new Raw(new Socket(host, port));
            raw.socket.setSoTimeout(5_000);
            raw.handshake(heartbeat);
            return raw;
        }

        private void handshake(int heartbeat) throws IOException {
            out.write(new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 1});
            out.flush();
            expectMethod(10, 10); // connection.start
            ByteArrayOutputStream startOk = method(10, 11);
            DataOutputStream args = new DataOutputStream(startOk);
            args.writeInt(0); // client-properties: an empty table
            shortString(args, "PLAIN");
            byte[] response = "\0guest\0guest".getBytes(UTF_8);
            args.writeInt(response.length);
            args.write(response);
            shortString(args, "en_US");
            sendMethod(startOk);

            ByteBuffer tune = expectMethod(10, 30);
            int channelMax = Short.toUnsignedInt(tune.getShort());
            int frameMax = tune.getInt();
            ByteArrayOutputStream tuneOk = method(10, 31);
            args = new DataOutputStream(tuneOk);
            args.writeShort(channelMax);
            args.writeInt(frameMax);
            args.writeShort(heartbeat);
            sendMethod(tuneOk);

            ByteArrayOutputStream open = method(10, 40);
            args = new DataOutputStream(open);
            shortString(args, "/");
            shortString(args, "");
            args.writeByte(0);
            sendMethod(open);
            expectMethod(10, 41); // connection.open-ok
        }

        /** Reads one frame and returns its type, channel and payload size. */
        int[] readFrame() throws IOException {
            return readFrame(null);
        }

        private int[] readFrame(ByteBuffer[] payloadOut) throws IOException {
            int type = in.readUnsignedByte();
            int channel = in.readUnsignedShort();
            int size = in.readInt();
            byte[] payload = new byte[size];
            in.readFully(payload);
            assertThat(in.readUnsignedByte()).as("frame end").isEqualTo(0xCE);
            if (payloadOut != null) {
                payloadOut[0] = ByteBuffer.wrap(payload);
            }
            return new int[] {type, channel, size};
        }

        private ByteBuffer expectMethod(int classId, int methodId) throws IOException {
            ByteBuffer[] payload = new ByteBuffer[1];
            int[] frame = readFrame(payload);
            assertThat(frame[0]).as("a method frame").isEqualTo(1);
            ByteBuffer args = payload[0];
            assertThat(new int[] {args.getShort(), args.getShort()}).containsExactly(classId, methodId);
            return args;
        }

        private static ByteArrayOutputStream method(int classId, int methodId) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(classId >> 8);
            bytes.write(classId);
            bytes.write(methodId >> 8);
            bytes.write(methodId);
            return bytes;
        }

        private void sendMethod(ByteArrayOutputStream payload) throws IOException {
            out.writeByte(1);
            out.writeShort(0);
            out.writeInt(payload.size());
            payload.writeTo(out);
            out.writeByte(0xCE);
            out.flush();
        }

        private static void shortString(DataOutputStream out, String s) throws IOException {
            byte[] bytes = s.getBytes(UTF_8);
            out.writeByte(bytes.length);
            out.write(bytes);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
