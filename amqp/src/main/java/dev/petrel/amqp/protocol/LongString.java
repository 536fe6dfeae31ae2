package dev.petrel.amqp.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A field-table long string: bytes (not necessarily text), equal by content; {@link #toString()} decodes UTF-8. */
public final class LongString {
    private final byte[] bytes;

    public LongString(byte[] bytes) {
        this.bytes = bytes;
    }

    public static LongString of(String s) {
        return new LongString(s.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LongString other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
