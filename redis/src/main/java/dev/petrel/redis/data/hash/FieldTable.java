package dev.petrel.redis.data.hash;

import dev.petrel.redis.keyspace.Keys;
import dev.petrel.redis.resp.Args;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * A big hash: open addressing with linear probing over two parallel arrays, the field hashes and the entries (one
 * {@code byte[]} per pair, laid out as {@link Packed} says), in powers of two with backward-shift deletion. A pair
 * costs its array (16 bytes of header plus the field and value) and 8 bytes per slot, where Redis spends a dict
 * entry, two strings and a bucket.
 *
 * <p>HSCAN walks home buckets in Redis's reverse-binary cursor order, as the key table does: every entry sits between
 * its home bucket and the next empty slot, and the cursor is defined on hash bits, so a field present for the whole
 * scan is returned at least once however the table grows or shrinks in between.
 */
final class FieldTable {
    private static final int MIN_CAPACITY = 8;

    private int[] hashes;
    private byte[][] entries;
    private int size;

    FieldTable(int expected) {
        int cap = MIN_CAPACITY;
        while (cap * 3L < expected * 4L) {
            cap <<= 1;
        }
        hashes = new int[cap];
        entries = new byte[cap][];
    }

    /** Stored hashes are never 0, which marks an empty slot. */
    private static int stored(int h) {
        return h == 0 ? 0x5bd1e995 : h;
    }

    static int hashOf(byte[] entry) {
        int fLen = Packed.varint(entry, 0);
        return stored(Keys.hash(entry, Packed.varintSize(fLen), fLen));
    }

    static int hashOf(Args a, int i) {
        return stored(Keys.hash(a, i));
    }

    int size() {
        return size;
    }

    int capacity() {
        return entries.length;
    }

    byte[] at(int slot) {
        return entries[slot];
    }

    void set(int slot, byte[] entry) {
        entries[slot] = entry;
    }

    /** The slot holding field argument {@code i} (whose {@link #hashOf} is {@code h}), or -1. */
    int find(int h, Args a, int i) {
        int mask = entries.length - 1;
        for (int p = h & mask; hashes[p] != 0; p = (p + 1) & mask) {
            if (hashes[p] == h) {
                byte[] e = entries[p];
                int fLen = Packed.varint(e, 0);
                if (Packed.argEquals(a, i, e, Packed.varintSize(fLen), fLen)) {
                    return p;
                }
            }
        }
        return -1;
    }

    /** Adds an entry whose field is not in the table. */
    void insert(int h, byte[] entry) {
        if ((size + 1) * 4L > entries.length * 3L) {
            resize(entries.length * 2);
        }
        int mask = entries.length - 1;
        int p = h & mask;
        while (hashes[p] != 0) {
            p = (p + 1) & mask;
        }
        hashes[p] = h;
        entries[p] = entry;
        size++;
    }

    /** Removes the entry in {@code slot}, shifting later entries of its cluster back; may shrink the table. */
    void removeAt(int slot) {
        int mask = entries.length - 1;
        int hole = slot;
        for (int j = (hole + 1) & mask; hashes[j] != 0; j = (j + 1) & mask) {
            int home = hashes[j] & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                hashes[hole] = hashes[j];
                entries[hole] = entries[j];
                hole = j;
            }
        }
        hashes[hole] = 0;
        entries[hole] = null;
        size--;
        if (entries.length > MIN_CAPACITY && size * 10L < entries.length) {
            int cap = MIN_CAPACITY;
            while (cap * 3L < size * 4L + 4) {
                cap <<= 1;
            }
            resize(cap * 2);
        }
    }

    private void resize(int capacity) {
        int[] oldHashes = hashes;
        byte[][] oldEntries = entries;
        hashes = new int[capacity];
        entries = new byte[capacity][];
        int mask = capacity - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            int h = oldHashes[i];
            if (h != 0) {
                int p = h & mask;
                while (hashes[p] != 0) {
                    p = (p + 1) & mask;
                }
                hashes[p] = h;
                entries[p] = oldEntries[i];
            }
        }
    }

    /** The first occupied slot after {@code slot} (-1 to start), or -1 at the end. */
    int next(int slot) {
        for (int p = slot + 1; p < entries.length; p++) {
            if (hashes[p] != 0) {
                return p;
            }
        }
        return -1;
    }

    /** Visits the slots of the bucket the cursor names; returns the next cursor (0 when the scan is complete). */
    long scan(long cursor, IntConsumer visitor) {
        int mask = entries.length - 1;
        int bucket = (int) (cursor & mask);
        for (int p = bucket; hashes[p] != 0; p = (p + 1) & mask) {
            if ((hashes[p] & mask) == bucket) {
                visitor.accept(p);
            }
        }
        long v = cursor | ~(long) mask;
        return Long.reverse(Long.reverse(v) + 1);
    }

    /** A random occupied slot (the table is not empty). */
    int random(Random rnd) {
        int mask = entries.length - 1;
        int p = rnd.nextInt(entries.length);
        while (hashes[p] == 0) {
            p = (p + 1) & mask;
        }
        return p;
    }

    /** A deep copy: entries are changed in place when a value keeps its length, so they are not shared. */
    FieldTable copy() {
        FieldTable t = new FieldTable(0);
        t.hashes = hashes.clone();
        t.entries = new byte[entries.length][];
        for (int i = 0; i < entries.length; i++) {
            t.entries[i] = entries[i] == null ? null : entries[i].clone();
        }
        t.size = size;
        return t;
    }

    /** Heap bytes: this object, the two slot arrays, and the entries (estimated from a sample when asked). */
    long memoryUsage(int samples) {
        long bytes = 24 + align(16 + 4L * hashes.length) + align(16 + 4L * entries.length);
        long sum = 0;
        int seen = 0;
        for (int p = next(-1); p >= 0 && (samples <= 0 || seen < samples); p = next(p)) {
            sum += align(16 + entries[p].length);
            seen++;
        }
        return bytes + (seen == 0 ? 0 : sum * size / seen);
    }

    static long align(long n) {
        return (n + 7) & ~7L;
    }
}
