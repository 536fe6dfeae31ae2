package dev.petrel.reactor;

import java.nio.ByteBuffer;

/**
 * One loop's free lists of direct chunks for outbound bytes, so that steady traffic allocates nothing and writes from
 * direct memory go to the kernel without the JDK's temporary copy. Two sizes: a small chunk for a connection whose
 * queue starts with a small write (a reply, an echo), so a thousand connections with a reply each pending in one turn
 * hold a thousand small chunks, not a thousand large ones; and a large chunk for bulk output. Bounded: chunks beyond
 * the limits are left to the garbage collector. Owned by the loop's thread.
 */
final class BufferPool {
    static final int SMALL = 1024;
    static final int CHUNK = 16 * 1024;

    private final ByteBuffer[] small;
    private final ByteBuffer[] large;
    private int smallCount;
    private int largeCount;

    BufferPool(int maxSmall, int maxLarge) {
        small = new ByteBuffer[maxSmall];
        large = new ByteBuffer[maxLarge];
    }

    /** An empty chunk in read mode (position = limit = 0): a small one when {@code bytes} fit in it. */
    ByteBuffer take(int bytes) {
        if (bytes <= SMALL) {
            if (smallCount > 0) {
                ByteBuffer b = small[--smallCount];
                small[smallCount] = null;
                return b;
            }
            return ByteBuffer.allocateDirect(SMALL).limit(0);
        }
        if (largeCount > 0) {
            ByteBuffer b = large[--largeCount];
            large[largeCount] = null;
            return b;
        }
        return ByteBuffer.allocateDirect(CHUNK).limit(0);
    }

    void give(ByteBuffer b) {
        b.position(0).limit(0);
        if (b.capacity() == SMALL) {
            if (smallCount < small.length) {
                small[smallCount++] = b;
            }
        } else if (largeCount < large.length) {
            large[largeCount++] = b;
        }
    }

    int pooled() {
        return smallCount + largeCount;
    }
}
