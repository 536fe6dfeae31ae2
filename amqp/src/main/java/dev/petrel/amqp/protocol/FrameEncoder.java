package dev.petrel.amqp.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Encodes frames into one growable array: a connection writes a batch of frames here and hands {@link #buffer()} to
 * its transport once. Method arguments go through the {@link ArgumentWriter} side, with bit packing.
 */
public final class FrameEncoder implements ArgumentWriter {
    private byte[] buf;
    private int size;
    private int bitsAt = -1;
    private int bitIndex;
    /** The last few short strings written and their encodings: deliveries repeat the same tags, exchanges and keys. */
    private final String[] recentStrings = new String[4];

    private final byte[][] recentBytes = new byte[4][];
    private int nextRecent;
    private final String[] misses = new String[4];
    private int nextMiss;

    public FrameEncoder(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** A view of everything written since the last {@link #clear()}. */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(buf, 0, size);
    }

    public void clear() {
        size = 0;
        bitsAt = -1;
        if (buf.length > 1 << 20) {
            buf = new byte[64 * 1024]; // let a burst's buffer go
        }
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }

    public void writeProtocolHeader() {
        ensure(8);
        System.arraycopy(Amqp.PROTOCOL_HEADER, 0, buf, size, 8);
        size += 8;
    }

    private int beginFrame(int type, int channel) {
        ensure(7);
        buf[size++] = (byte) type;
        putShort(channel);
        int at = size;
        size += 4;
        return at;
    }

    private void endFrame(int lengthAt) {
        bitsAt = -1;
        putIntAt(lengthAt, size - lengthAt - 4);
        ensure(1);
        buf[size++] = (byte) Amqp.FRAME_END;
    }

    public void writeMethod(int channel, Method m) {
        int at = beginFrame(Amqp.FRAME_METHOD, channel);
        putShort(m.classId());
        putShort(m.methodId());
        m.writeArguments(this);
        endFrame(at);
    }

    /** {@code basic.deliver} without a record, byte for byte as {@code writeMethod(ch, new BasicDeliver(...))}. */
    public void writeDeliver(
            int channel,
            String consumerTag,
            long deliveryTag,
            boolean redelivered,
            String exchange,
            String routingKey) {
        int at = beginFrame(Amqp.FRAME_METHOD, channel);
        putShort(BasicDeliver.CLASS_ID);
        putShort(BasicDeliver.METHOD_ID);
        writeShortString(consumerTag);
        writeLongLong(deliveryTag);
        writeOctet(redelivered ? 1 : 0);
        writeShortString(exchange);
        writeShortString(routingKey);
        endFrame(at);
    }

    /** A content header; {@code properties} holds the flags word(s) and the property list, as received. */
    public void writeContentHeader(int channel, int classId, long bodySize, byte[] properties, int off, int len) {
        int at = beginFrame(Amqp.FRAME_HEADER, channel);
        ensure(12 + len);
        putShort(classId);
        putShort(0);
        writeLongLong(bodySize);
        System.arraycopy(properties, off, buf, size, len);
        size += len;
        endFrame(at);
    }

    /** Body frames of at most {@code frameMax - 8} payload bytes each ({@code frameMax} 0: one frame). */
    public void writeBody(int channel, byte[] body, int off, int len, int frameMax) {
        int max = frameMax == 0 ? Integer.MAX_VALUE : frameMax - 8;
        while (len > 0) {
            int n = Math.min(len, max);
            int at = beginFrame(Amqp.FRAME_BODY, channel);
            ensure(n + 1);
            System.arraycopy(body, off, buf, size, n);
            size += n;
            endFrame(at);
            off += n;
            len -= n;
        }
    }

    public void writeHeartbeat() {
        int at = beginFrame(Amqp.FRAME_HEARTBEAT, 0);
        endFrame(at);
    }

    // ---- ArgumentWriter

    @Override
    public void writeOctet(int v) {
        bitsAt = -1;
        ensure(1);
        buf[size++] = (byte) v;
    }

    @Override
    public void writeShort(int v) {
        bitsAt = -1;
        putShort(v);
    }

    @Override
    public void writeLong(int v) {
        bitsAt = -1;
        ensure(4);
        putIntAt(size, v);
        size += 4;
    }

    @Override
    public void writeLongLong(long v) {
        writeLong((int) (v >>> 32));
        writeLong((int) v);
    }

    @Override
    public void writeBit(boolean v) {
        if (bitsAt < 0 || bitIndex == 8) {
            ensure(1);
            bitsAt = size;
            buf[size++] = 0;
            bitIndex = 0;
        }
        if (v) {
            buf[bitsAt] |= (byte) (1 << bitIndex);
        }
        bitIndex++;
    }

    @Override
    public void writeShortString(String s) {
        bitsAt = -1;
        for (int i = 0; i < recentStrings.length; i++) {
            if (recentStrings[i] == s) {
                writeShortBytes(recentBytes[i]);
                return;
            }
        }
        if (s.length() <= 64 && seenRecently(s)) {
            // seen before among the last few misses: worth keeping encoded
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            recentStrings[nextRecent] = s;
            recentBytes[nextRecent] = b;
            nextRecent = (nextRecent + 1) & (recentStrings.length - 1);
            writeShortBytes(b);
            return;
        }
        int n = s.length();
        ensure(1 + n);
        int lenAt = size++;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                size = lenAt;
                writeShortBytes(s.getBytes(StandardCharsets.UTF_8));
                return;
            }
            buf[size++] = (byte) c;
        }
        if (n > 255) {
            size = lenAt;
            throw new IllegalArgumentException("short string longer than 255 bytes");
        }
        buf[lenAt] = (byte) n;
    }

    /** Whether {@code s} missed the cache lately; if not, remembers that it did now. */
    private boolean seenRecently(String s) {
        for (String m : misses) {
            if (m == s) {
                return true;
            }
        }
        misses[nextMiss] = s;
        nextMiss = (nextMiss + 1) & (misses.length - 1);
        return false;
    }

    private void writeShortBytes(byte[] b) {
        if (b.length > 255) {
            throw new IllegalArgumentException("short string longer than 255 bytes");
        }
        ensure(1 + b.length);
        buf[size++] = (byte) b.length;
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    @Override
    public void writeLongString(String s) {
        writeLongString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void writeLongString(byte[] b) {
        writeLong(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    @Override
    public void writeTable(Map<String, Object> table) {
        bitsAt = -1;
        FieldTables.writeTable(table, this);
    }

    /** Leaves room for a 4-byte length and returns where it goes. */
    int reserveLength() {
        bitsAt = -1;
        ensure(4);
        int at = size;
        size += 4;
        return at;
    }

    /** Writes the length of everything after the reserved slot. */
    void patchLength(int at) {
        bitsAt = -1;
        putIntAt(at, size - at - 4);
    }

    /** Raw bytes (property lists are assembled this way). */
    void writeBytes(byte[] b) {
        bitsAt = -1;
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    private void putShort(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private void putIntAt(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }
}
