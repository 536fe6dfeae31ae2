package dev.petrel.reactor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes a connection has queued and not yet written: a run of pooled direct chunks, each in read mode (position =
 * next byte to send, limit = end of data), appended to at the tail and written from the head in one gathering write.
 * Writes are copied in, so callers may reuse their buffers at once (the loop's read buffer above all).
 */
final class OutboundBuffer {
    private final BufferPool pool;
    private ByteBuffer[] chunks = new ByteBuffer[4];
    private int head;
    private int tail;
    private long size;

    OutboundBuffer(BufferPool pool) {
        this.pool = pool;
    }

    /** Copies the remaining bytes of {@code src} in, consuming them. */
    void append(ByteBuffer src) {
        int n = src.remaining();
        if (n == 0) {
            return;
        }
        size += n;
        while (src.hasRemaining()) {
            ByteBuffer last = tail > head ? chunks[tail - 1] : null;
            if (last == null || last.limit() == last.capacity()) {
                last = pool.take(last == null ? src.remaining() : BufferPool.CHUNK);
                add(last);
            }
            int at = last.limit();
            int len = Math.min(last.capacity() - at, src.remaining());
            last.limit(at + len);
            last.put(at, src, src.position(), len);
            src.position(src.position() + len);
        }
    }

    /** Writes as much as the channel takes in one gathering write; returns the bytes written. */
    long writeTo(ChannelIo io) throws IOException {
        if (size == 0) {
            return 0;
        }
        long n = io.write(chunks, head, tail - head);
        size -= n;
        while (head < tail && !chunks[head].hasRemaining()) {
            pool.give(chunks[head]);
            chunks[head++] = null;
        }
        if (head == tail) {
            head = tail = 0;
        }
        return n;
    }

    long size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Drops everything queued, returning the chunks to the pool. */
    void release() {
        for (int i = head; i < tail; i++) {
            pool.give(chunks[i]);
            chunks[i] = null;
        }
        head = tail = 0;
        size = 0;
    }

    private void add(ByteBuffer chunk) {
        if (tail == chunks.length) {
            if (head > 0) {
                System.arraycopy(chunks, head, chunks, 0, tail - head);
                Arrays.fill(chunks, tail - head, tail, null);
                tail -= head;
                head = 0;
            } else {
                chunks = Arrays.copyOf(chunks, chunks.length * 2);
            }
        }
        chunks[tail++] = chunk;
    }
}
