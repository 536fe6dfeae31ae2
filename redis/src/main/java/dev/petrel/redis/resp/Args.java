package dev.petrel.redis.resp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The arguments of one request, as slices of the buffer they arrived in: nothing is copied until a command keeps a
 * value. Valid only while the command runs; one instance is reused for every request of a connection.
 */
public final class Args {
    private ByteBuffer buf;
    private int base;
    private int[] offsets = new int[16];
    private int[] lengths = new int[16];
    private int count;

    /** Starts a request at {@code base} of {@code buf}; arguments are kept relative to it. */
    void begin(ByteBuffer buf, int base) {
        this.buf = buf;
        this.base = base;
        this.count = 0;
    }

    /** The unfinished request, with the arguments found so far, now starts at {@code base} of {@code buf}. */
    void rebase(ByteBuffer buf, int base) {
        this.buf = buf;
        this.base = base;
    }

    void add(int absoluteOffset, int length) {
        int offset = absoluteOffset - base;
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        offsets[count] = offset;
        lengths[count++] = length;
    }

    /** How many arguments, the command name included. */
    public int count() {
        return count;
    }

    public int length(int i) {
        return lengths[i];
    }

    public byte byteAt(int i, int j) {
        return buf.get(base + offsets[i] + j);
    }

    /** A copy of argument {@code i}, for keeping. */
    public byte[] bytes(int i) {
        byte[] b = new byte[lengths[i]];
        buf.get(base + offsets[i], b);
        return b;
    }

    /** Copies argument {@code i} into {@code dst} at {@code at}. */
    public void copyTo(int i, byte[] dst, int at) {
        buf.get(base + offsets[i], dst, at, lengths[i]);
    }

    public String string(int i) {
        return new String(bytes(i), StandardCharsets.UTF_8);
    }

    /**
     * Argument {@code i} one char per byte, for quoting it back in an error or status reply, which the reply writer
     * encodes one byte per char: the client gets its bytes back unchanged, as Redis does.
     */
    public String latin1(int i) {
        return new String(bytes(i), StandardCharsets.ISO_8859_1);
    }

    /** Case-insensitive comparison with an ASCII word given in upper case. */
    public boolean is(int i, String upperAscii) {
        int n = lengths[i];
        if (n != upperAscii.length()) {
            return false;
        }
        int off = base + offsets[i];
        for (int j = 0; j < n; j++) {
            int c = buf.get(off + j);
            if (c >= 'a' && c <= 'z') {
                c -= 32;
            }
            if (c != upperAscii.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** Argument {@code i} equals {@code other} byte for byte. */
    public boolean equalsBytes(int i, byte[] other) {
        int n = lengths[i];
        if (n != other.length) {
            return false;
        }
        return buf.slice(base + offsets[i], n).equals(ByteBuffer.wrap(other));
    }

    /**
     * Argument {@code i} as a strict decimal long, as Redis parses integers (no spaces, no '+', no leading zeros), or
     * {@code Long.MIN_VALUE} when it is not one (which {@link #isLong} tells apart from the value itself).
     */
    public long longValue(int i) {
        return Numbers.parseLong(buf, base + offsets[i], lengths[i]);
    }

    /** True if argument {@code i} is a strict decimal long. */
    public boolean isLong(int i) {
        return Numbers.isLong(buf, base + offsets[i], lengths[i]);
    }

    /** A view of argument {@code i} (shares the buffer; valid only while the command runs). */
    public ByteBuffer slice(int i) {
        return buf.slice(base + offsets[i], lengths[i]);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Args[");
        for (int i = 0; i < count; i++) {
            sb.append(i == 0 ? "" : " ").append(string(i));
        }
        return sb.append(']').toString();
    }
}
