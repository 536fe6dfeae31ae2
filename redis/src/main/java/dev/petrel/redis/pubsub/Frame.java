package dev.petrel.redis.pubsub;

import dev.petrel.redis.resp.Args;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The hub's scratch buffer for one published message as a subscriber receives it: {@code message}, {@code pmessage}
 * or {@code smessage}, with the pattern, the channel and the message as bulk strings. The frame is the same in RESP2
 * and RESP3 but for its first byte ({@code *} array, {@code >} push), set per subscriber.
 */
final class Frame {
    static final byte[] MESSAGE = bulk("message");
    static final byte[] PMESSAGE = bulk("pmessage");
    static final byte[] SMESSAGE = bulk("smessage");
    private static final int SHRINK_ABOVE = 64 * 1024;

    private byte[] buf = new byte[256];
    private ByteBuffer view = ByteBuffer.wrap(buf);
    private int len;
    /** Where the message's source is: an argument of the publishing request, or bytes. */
    private Args msgArgs;

    private int msgIndex;
    private byte[] msgBytes;

    void message(Args a, int i) {
        msgArgs = a;
        msgIndex = i;
        msgBytes = null;
    }

    void message(byte[] b) {
        msgArgs = null;
        msgBytes = b;
    }

    /** Encodes {@code kind} (pre-encoded word), {@code pattern} (pmessage only), the channel and the message. */
    void build(byte[] kind, Channel pattern, byte[] chan, int off, int n) {
        len = 0;
        put((byte) '*');
        put((byte) (pattern == null ? '3' : '4'));
        put((byte) '\r');
        put((byte) '\n');
        raw(kind, 0, kind.length);
        if (pattern != null) {
            bulk(pattern.bytes, 0, pattern.len);
        }
        bulk(chan, off, n);
        if (msgArgs != null) {
            int m = msgArgs.length(msgIndex);
            header(m);
            ensure(m + 2);
            msgArgs.copyTo(msgIndex, buf, len);
            len += m;
            put((byte) '\r');
            put((byte) '\n');
        } else {
            bulk(msgBytes, 0, msgBytes.length);
        }
    }

    /** The frame for one subscriber (consumed by the write; valid until the next build). */
    ByteBuffer view(boolean resp3) {
        buf[0] = resp3 ? (byte) '>' : (byte) '*';
        view.clear().limit(len);
        return view;
    }

    /** After a publish: forget the request's arguments, and give back a huge buffer. */
    void release() {
        msgArgs = null;
        msgBytes = null;
        if (buf.length > SHRINK_ABOVE) {
            buf = new byte[256];
            view = ByteBuffer.wrap(buf);
        }
    }

    private void bulk(byte[] b, int off, int n) {
        header(n);
        raw(b, off, n);
        put((byte) '\r');
        put((byte) '\n');
    }

    private void header(int n) {
        put((byte) '$');
        int digits = 1;
        for (int t = n; t >= 10; t /= 10) {
            digits++;
        }
        ensure(digits + 2);
        for (int i = len + digits - 1, v = n; i >= len; i--, v /= 10) {
            buf[i] = (byte) ('0' + v % 10);
        }
        len += digits;
        put((byte) '\r');
        put((byte) '\n');
    }

    private void raw(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + more, buf.length * 2));
            view = ByteBuffer.wrap(buf);
        }
    }

    private static byte[] bulk(String word) {
        return ("$" + word.length() + "\r\n" + word + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
