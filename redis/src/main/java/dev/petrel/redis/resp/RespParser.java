package dev.petrel.redis.resp;

import java.nio.ByteBuffer;

/**
 * Parses requests — RESP multibulk ({@code *2\r\n$3\r\nGET\r\n$1\r\nk\r\n}) or inline ({@code GET k\n}) — from the
 * bytes a connection receives, with Redis's limits and error texts.
 *
 * <p>Resumable: requests that arrive whole are parsed straight from the read buffer and handed over as slices of it;
 * only the unfinished tail of a read is copied, into this parser's own buffer, and parsing picks up where it stopped
 * (how many arguments are in, where the next starts), so a request in many pieces is never scanned twice.
 */
public final class RespParser {
    /** Redis's PROTO_INLINE_MAX_SIZE: the longest inline request or count line. */
    public static final int INLINE_MAX = 64 * 1024;
    /** Limits that apply before a client has authenticated, as in Redis. */
    private static final int UNAUTH_MAX_ARGS = 10;

    private static final int UNAUTH_MAX_BULK = 16384;
    /** An idle connection keeps at most this much of a parse buffer. */
    private static final int KEEP_AT_MOST = 64 * 1024;

    /** What parsed requests go to. */
    public interface Sink {
        /** A whole request; {@code args} is valid only during the call. Return false to stop parsing. */
        boolean request(Args args);

        /** The input broke the protocol: reply with {@code -ERR Protocol error: <message>} and close. */
        void protocolError(String message);
    }

    private final Args args = new Args();
    private final InlineSplitter inline = new InlineSplitter();
    private long maxBulkLength = 512L * 1024 * 1024;
    private boolean authenticated = true;
    private ByteBuffer pending = ByteBuffer.allocate(0);
    /** Parse state of the unfinished request at the start of {@link #pending}: -1 = its header is not in yet. */
    private int expectedArgs = -1;

    private int scan;
    /** How far past the start of the unfinished request a line has been searched without finding its end. */
    private int lineScanned;

    private boolean failed;
    private String error;

    public void setMaxBulkLength(long bytes) {
        maxBulkLength = bytes;
    }

    /** Whether the connection has authenticated (unauthenticated clients get tighter request limits). */
    public void setAuthenticated(boolean authenticated) {
        this.authenticated = authenticated;
    }

    /** Bytes held for an unfinished request. */
    public int pendingBytes() {
        return pending.position();
    }

    /** Parses every whole request in {@code in} (consuming it) and keeps the unfinished rest for the next call. */
    public void feed(ByteBuffer in, Sink sink) {
        if (failed) {
            in.position(in.limit());
            return;
        }
        if (pending.position() == 0) {
            int rest = parseAll(in, sink);
            if (rest >= 0 && !failed) {
                keep(in, rest);
            }
            in.position(in.limit());
            return;
        }
        append(in);
        ByteBuffer buf = pending.duplicate().flip();
        int rest = parseAll(buf, sink);
        if (failed || rest < 0) {
            pending.clear();
        } else if (rest > 0) {
            pending.position(rest).limit(buf.limit());
            pending.compact(); // moves the unfinished request to the front
        }
        if (pending.position() == 0 && pending.capacity() > KEEP_AT_MOST) {
            pending = ByteBuffer.allocate(0); // a big request is done: do not pin its buffer to an idle client
        }
    }

    /** Parses whole requests from {@code buf}; returns the start of the unfinished one, or -1 if none is left. */
    private int parseAll(ByteBuffer buf, Sink sink) {
        int pos = buf.position();
        int end = buf.limit();
        while (pos < end) {
            int next = buf.get(pos) == '*' ? multibulk(buf, pos, end) : inline(buf, pos, end);
            if (failed) {
                sink.protocolError(error);
                return -1;
            }
            if (next < 0) {
                return pos;
            }
            pos = next;
            expectedArgs = -1;
            lineScanned = 0;
            if (args.count() > 0 && !sink.request(args)) {
                return -1;
            }
        }
        return -1;
    }

    private void fail(String message) {
        failed = true;
        error = message;
    }

    /** One multibulk request at {@code start}: the index after it, or -1 if it is not all in yet. */
    private int multibulk(ByteBuffer buf, int start, int end) {
        int pos;
        if (expectedArgs < 0) {
            int cr = indexOfCr(buf, start + lineScanned, end);
            if (cr < 0 || cr + 1 >= end) {
                if (end - start > INLINE_MAX) {
                    fail("too big mbulk count string");
                }
                lineScanned = (cr < 0 ? end : cr) - start;
                return -1;
            }
            lineScanned = 0;
            long n = Numbers.parseLong(buf, start + 1, cr - start - 1);
            boolean ok = n != Long.MIN_VALUE || Numbers.isLong(buf, start + 1, cr - start - 1);
            if (!ok || n > Integer.MAX_VALUE) {
                fail("invalid multibulk length");
                return -1;
            }
            if (n > UNAUTH_MAX_ARGS && !authenticated) {
                fail("unauthenticated multibulk length");
                return -1;
            }
            pos = cr + 2;
            args.begin(buf, start);
            if (n <= 0) {
                return pos; // an empty request: nothing to run
            }
            expectedArgs = (int) n;
            scan = pos - start;
        } else {
            args.rebase(buf, start);
            pos = start + scan;
        }
        while (args.count() < expectedArgs) {
            if (pos >= end) {
                scan = pos - start;
                return -1;
            }
            if (buf.get(pos) != '$') {
                fail("expected '$', got '" + (char) (buf.get(pos) & 0xff) + "'");
                return -1;
            }
            int cr = indexOfCr(buf, Math.max(pos, start + lineScanned), end);
            if (cr < 0 || cr + 1 >= end) {
                if (end - pos > INLINE_MAX) {
                    fail("too big bulk count string");
                }
                scan = pos - start;
                lineScanned = (cr < 0 ? end : cr) - start;
                return -1;
            }
            lineScanned = 0;
            long len = Numbers.parseLong(buf, pos + 1, cr - pos - 1);
            boolean ok = len != Long.MIN_VALUE || Numbers.isLong(buf, pos + 1, cr - pos - 1);
            if (!ok || len < 0 || len > maxBulkLength) {
                fail("invalid bulk length");
                return -1;
            }
            if (len > UNAUTH_MAX_BULK && !authenticated) {
                fail("unauthenticated bulk length");
                return -1;
            }
            int data = cr + 2;
            if ((long) end - data < len + 2) {
                scan = pos - start; // the buffer grows as the data arrives, not on the word of a header
                return -1;
            }
            args.add(data, (int) len);
            pos = data + (int) len + 2; // as Redis, the two bytes after the data are taken to be CRLF
        }
        return pos;
    }

    private int inline(ByteBuffer buf, int start, int end) {
        int nl = -1;
        for (int i = start + lineScanned; i < end; i++) {
            if (buf.get(i) == '\n') {
                nl = i;
                break;
            }
        }
        if (nl < 0) {
            if (end - start > INLINE_MAX) {
                fail("too big inline request");
            }
            lineScanned = end - start;
            return -1;
        }
        int lineEnd = nl > start && buf.get(nl - 1) == '\r' ? nl - 1 : nl;
        if (!inline.split(buf, start, lineEnd, args)) {
            fail("unbalanced quotes in request");
            return -1;
        }
        return nl + 1;
    }

    private static int indexOfCr(ByteBuffer buf, int from, int end) {
        for (int i = from; i < end; i++) {
            if (buf.get(i) == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** Keeps {@code in[from..limit)}, an unfinished request, for the next read. */
    private void keep(ByteBuffer in, int from) {
        int n = in.limit() - from;
        ensure(n);
        pending.put(pending.position(), in, from, n);
        pending.position(pending.position() + n);
    }

    private void append(ByteBuffer in) {
        ensure(in.remaining());
        pending.put(in);
    }

    private void ensure(int more) {
        ensureCapacity(pending.position() + more);
    }

    private void ensureCapacity(int need) {
        if (need > pending.capacity()) {
            int cap = Math.max(need, Math.max(1024, pending.capacity() * 2));
            ByteBuffer bigger = ByteBuffer.allocate(cap);
            pending.flip();
            bigger.put(pending);
            pending = bigger;
        }
    }
}
