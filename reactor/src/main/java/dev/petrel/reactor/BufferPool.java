package dev.petrel.reactor;

import java.nio.ByteBuffer;

/**
 * One loop's free list of direct chunks for outbound bytes, so that steady traffic allocates nothing and writes from
 * direct memory go to the kernel without the JDK's temporary copy. Bounded: chunks beyond {@code maxPooled} are left to
 * the garbage collector. Owned by the loop's thread.
 */
final class BufferPool {
    static final int CHUNK = 16 * 1024;

    private final ByteBuffer[] free;
    private int count;

    BufferPool(int maxPooled) {
        free = new ByteBuffer[maxPooled];
    }

    /** An empty chunk in read mode (position = limit = 0), with {@link #CHUNK} bytes of room. */
    ByteBuffer take() {
        if (count > 0) {
            ByteBuffer b = free[--count];
            free[count] = null;
            return b;
        }
        return ByteBuffer.allocateDirect(CHUNK).limit(0);
    }

    void give(ByteBuffer b) {
        if (count < free.length) {
            b.position(0).limit(0);
            free[count++] = b;
        }
    }

    int pooled() {
        return count;
    }
}
