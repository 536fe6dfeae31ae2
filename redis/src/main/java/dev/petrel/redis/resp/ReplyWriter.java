package dev.petrel.redis.resp;

import dev.petrel.reactor.Transport;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes replies in RESP2 or RESP3 into a connection's reply buffer, which goes to the transport once per batch of
 * requests (one read's worth), so a pipeline of replies costs one write. Numbers are written digit by digit and common
 * replies are pre-encoded, so a reply allocates nothing.
 */
public final class ReplyWriter {
    private static final byte[] OK = ascii("+OK\r\n");
    private static final byte[] NULL_BULK_2 = ascii("$-1\r\n");
    private static final byte[] NULL_ARRAY_2 = ascii("*-1\r\n");
    private static final byte[] NULL_3 = ascii("_\r\n");
    private static final byte[] CRLF = ascii("\r\n");
    private static final byte[] TRUE_3 = ascii("#t\r\n");
    private static final byte[] FALSE_3 = ascii("#f\r\n");
    private static final byte[][] SMALL_INTS = new byte[256][];
    private static final int SHRINK_ABOVE = 64 * 1024;

    static {
        for (int i = 0; i < SMALL_INTS.length; i++) {
            SMALL_INTS[i] = ascii(":" + i + "\r\n");
        }
    }

    private byte[] buf = new byte[256];
    /** A reusable view of {@link #buf} for handing it to the transport (which copies it). */
    private ByteBuffer view = ByteBuffer.wrap(buf);

    private int len;
    private int protocol = 2;

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** 2 or 3, as set by HELLO. */
    public int protocol() {
        return protocol;
    }

    public void setProtocol(int version) {
        protocol = version;
    }

    public boolean resp3() {
        return protocol == 3;
    }

    /** Bytes waiting to be sent. */
    public int size() {
        return len;
    }

    /** Hands what is buffered to {@code t} (which copies it) and empties the buffer. */
    public void flushTo(Transport t) {
        if (len > 0) {
            view.clear().limit(len);
            t.write(view);
            len = 0;
            if (buf.length > SHRINK_ABOVE) {
                setBuffer(new byte[256]); // a huge reply should not pin its buffer to an idle connection
            }
        }
    }

    /** Drops what is buffered (CLIENT REPLY OFF / SKIP). */
    public void discard() {
        len = 0;
    }

    /** Marks the current end, so that replies after it may be dropped with {@link #truncate}. */
    public int mark() {
        return len;
    }

    public void truncate(int mark) {
        len = mark;
    }

    public void ok() {
        raw(OK);
    }

    /** {@code +text}. */
    public void simple(String text) {
        put((byte) '+');
        putAscii(text);
        raw(CRLF);
    }

    /** {@code -text}: the text starts with the error code, e.g. {@code ERR ...} or {@code WRONGTYPE ...}. */
    public void error(String text) {
        put((byte) '-');
        putAscii(text);
        raw(CRLF);
    }

    public void integer(long v) {
        if (v >= 0 && v < SMALL_INTS.length) {
            raw(SMALL_INTS[(int) v]);
            return;
        }
        put((byte) ':');
        putLong(v);
        raw(CRLF);
    }

    public void bulk(byte[] b) {
        bulk(b, 0, b.length);
    }

    public void bulk(byte[] b, int off, int n) {
        put((byte) '$');
        putLong(n);
        raw(CRLF);
        raw(b, off, n);
        raw(CRLF);
    }

    public void bulk(String s) {
        bulk(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A bulk string of the decimal digits of {@code v}. */
    public void bulkLong(long v) {
        int start = len;
        putLong(v);
        int digits = len - start;
        len = start;
        put((byte) '$');
        putLong(digits);
        raw(CRLF);
        putLong(v);
        raw(CRLF);
    }

    /** The null bulk string ({@code $-1} in RESP2, {@code _} in RESP3). */
    public void nullBulk() {
        raw(protocol == 3 ? NULL_3 : NULL_BULK_2);
    }

    /** The null array ({@code *-1} in RESP2, {@code _} in RESP3). */
    public void nullArray() {
        raw(protocol == 3 ? NULL_3 : NULL_ARRAY_2);
    }

    public void array(int n) {
        header((byte) '*', n);
    }

    /** A map of {@code n} pairs: {@code %n} in RESP3, a flat array of 2n in RESP2. */
    public void map(int n) {
        if (protocol == 3) {
            header((byte) '%', n);
        } else {
            header((byte) '*', 2L * n);
        }
    }

    /** A set: {@code ~n} in RESP3, an array in RESP2. */
    public void set(int n) {
        header(protocol == 3 ? (byte) '~' : (byte) '*', n);
    }

    /** A push message header ({@code >n}, RESP3), an array in RESP2. */
    public void push(int n) {
        header(protocol == 3 ? (byte) '>' : (byte) '*', n);
    }

    /** A double: {@code ,text} in RESP3, a bulk string in RESP2; {@code text} already formatted as Redis formats it. */
    public void doubleText(String text) {
        if (protocol == 3) {
            put((byte) ',');
            putAscii(text);
            raw(CRLF);
        } else {
            bulk(ascii(text));
        }
    }

    /** A boolean: {@code #t}/{@code #f} in RESP3, {@code :1}/{@code :0} in RESP2. */
    public void bool(boolean v) {
        if (protocol == 3) {
            raw(v ? TRUE_3 : FALSE_3);
        } else {
            integer(v ? 1 : 0);
        }
    }

    /** A verbatim string ({@code =n\r\ntxt:...} in RESP3), a bulk string in RESP2. */
    public void verbatim(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        if (protocol == 3) {
            put((byte) '=');
            putLong(b.length + 4L);
            raw(CRLF);
            raw(ascii("txt:"));
            raw(b);
            raw(CRLF);
        } else {
            bulk(b);
        }
    }

    private void header(byte type, long n) {
        put(type);
        putLong(n);
        raw(CRLF);
    }

    /** Appends pre-encoded bytes. */
    public void raw(byte[] b) {
        raw(b, 0, b.length);
    }

    public void raw(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    /** Appends the bytes of a slice (consuming it). */
    public void raw(ByteBuffer b) {
        int n = b.remaining();
        ensure(n);
        b.get(buf, len, n);
        len += n;
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void putAscii(String s) {
        // Latin-1: an echoed argument (see Args#latin1) goes back byte for byte, as Redis quotes raw bytes
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        ensure(b.length);
        for (byte c : b) {
            // error and status texts may carry user input: keep them on one line, as Redis does
            buf[len++] = (c == '\r' || c == '\n') ? (byte) ' ' : c;
        }
    }

    private void putLong(long v) {
        ensure(20);
        if (v == Long.MIN_VALUE) {
            raw(ascii("-9223372036854775808"));
            return;
        }
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = len + digits;
        for (int i = end - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        len = end;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            setBuffer(Arrays.copyOf(buf, Math.max(len + more, buf.length * 2)));
        }
    }

    private void setBuffer(byte[] b) {
        buf = b;
        view = ByteBuffer.wrap(b);
    }
}
