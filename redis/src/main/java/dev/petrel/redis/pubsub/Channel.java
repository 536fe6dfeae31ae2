package dev.petrel.redis.pubsub;

import java.util.Arrays;

/**
 * A channel or pattern name as a hash key. A stored name owns its bytes; a probe (one per hub, reused) points into a
 * scratch buffer, so looking a channel up from a request's argument allocates nothing.
 */
final class Channel {
    byte[] bytes;
    int off;
    int len;

    private Channel(byte[] bytes, int off, int len) {
        set(bytes, off, len);
    }

    /** A stored name: {@code name} is kept, not copied. */
    static Channel of(byte[] name) {
        return new Channel(name, 0, name.length);
    }

    static Channel probe() {
        return new Channel(new byte[0], 0, 0);
    }

    /** Points this probe at {@code b[off..off+len)}. */
    Channel set(byte[] b, int off, int len) {
        this.bytes = b;
        this.off = off;
        this.len = len;
        return this;
    }

    /** The name as its own array (for a probe: a copy). */
    byte[] copy() {
        return Arrays.copyOfRange(bytes, off, off + len);
    }

    @Override
    public int hashCode() {
        // not cached: the hash maps keep each key's hash in their entries, and a field costs every subscription
        int h = 1;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Channel c && Arrays.equals(bytes, off, off + len, c.bytes, c.off, c.off + c.len);
    }
}
