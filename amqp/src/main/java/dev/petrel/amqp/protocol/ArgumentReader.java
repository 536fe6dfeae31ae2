package dev.petrel.amqp.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads method arguments from a frame's payload, with the spec's bit packing. Running past the end is a 501
 * FRAME_ERROR. Short strings that repeat (a publisher's exchange and routing key) come from a small cache, so a stream
 * of publishes to one destination decodes without new strings.
 */
final class ArgumentReader {
    private static final int CACHE = 8;
    private final byte[][] cachedBytes = new byte[CACHE][];
    private final String[] cachedStrings = new String[CACHE];
    private int nextSlot;
    private ByteBuffer in;
    private int bits;
    private int bitIndex = 8;

    ArgumentReader() {}

    ArgumentReader(ByteBuffer in) {
        reset(in);
    }

    void reset(ByteBuffer buffer) {
        this.in = buffer;
        this.bitIndex = 8;
    }

    private void need(int n) {
        if (in.remaining() < n) {
            throw new AmqpException(Amqp.FRAME_ERROR, "FRAME_ERROR - method arguments are shorter than their fields");
        }
    }

    int readOctet() {
        bitIndex = 8;
        need(1);
        return in.get() & 0xFF;
    }

    int readShort() {
        bitIndex = 8;
        need(2);
        return in.getShort() & 0xFFFF;
    }

    int readLong() {
        bitIndex = 8;
        need(4);
        return in.getInt();
    }

    long readLongLong() {
        bitIndex = 8;
        need(8);
        return in.getLong();
    }

    boolean readBit() {
        if (bitIndex == 8) {
            need(1);
            bits = in.get() & 0xFF;
            bitIndex = 0;
        }
        return (bits & (1 << bitIndex++)) != 0;
    }

    String readShortString() {
        int len = readOctet();
        need(len);
        int at = in.position();
        for (int s = 0; s < CACHE; s++) {
            byte[] b = cachedBytes[s];
            if (b != null && b.length == len && matches(b, at)) {
                in.position(at + len);
                return cachedStrings[s];
            }
        }
        byte[] b = new byte[len];
        in.get(b);
        String v = utf8(b);
        cachedBytes[nextSlot] = b;
        cachedStrings[nextSlot] = v;
        nextSlot = (nextSlot + 1) % CACHE;
        return v;
    }

    /**
     * A short string as text. Names, keys and tags must be valid UTF-8: a malformed one would not survive being
     * written back (each bad byte would become a three-byte replacement character), so it is a 501.
     */
    private static String utf8(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                try {
                    return StandardCharsets.UTF_8
                            .newDecoder()
                            .decode(java.nio.ByteBuffer.wrap(b))
                            .toString();
                } catch (java.nio.charset.CharacterCodingException e) {
                    throw new AmqpException(Amqp.FRAME_ERROR, "FRAME_ERROR - short string is not valid UTF-8");
                }
            }
        }
        return new String(b, StandardCharsets.ISO_8859_1); // all ASCII
    }

    private boolean matches(byte[] b, int at) {
        for (int i = 0; i < b.length; i++) {
            if (in.get(at + i) != b[i]) {
                return false;
            }
        }
        return true;
    }

    byte[] readLongBytes() {
        int len = readLong();
        if (len < 0) {
            throw new AmqpException(Amqp.FRAME_ERROR, "FRAME_ERROR - negative long string length");
        }
        need(len);
        byte[] b = new byte[len];
        in.get(b);
        return b;
    }

    String readLongString() {
        return new String(readLongBytes(), StandardCharsets.UTF_8);
    }

    Map<String, Object> readTable() {
        bitIndex = 8;
        return FieldTables.readTable(in);
    }
}
