package dev.petrel.redis.keyspace;

import dev.petrel.redis.resp.Args;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Entries by key: open addressing with linear probing over two parallel arrays (the key hashes, and the entries —
 * {@code byte[]} string records or key entries), sized in powers of two, with backward-shift deletion so no tombstones
 * build up. About 14 bytes of table per key beside the entry itself.
 *
 * <p>SCAN walks <em>home buckets</em> (hash &amp; mask) in Redis's reverse-binary cursor order. Linear probing keeps
 * every entry between its home bucket and the next empty slot, so a bucket's entries are found by probing from it;
 * and because the cursor is defined on hash bits, not on where entries sit, Redis's guarantee carries over: a key
 * present for the whole scan is returned at least once, however the table grows or shrinks in between.
 */
public final class KeyTable {
    private static final int MIN_CAPACITY = 16;

    private int[] hashes = new int[MIN_CAPACITY];
    private Object[] entries = new Object[MIN_CAPACITY];
    private int size;

    /** Stored hashes are never 0, which marks an empty slot. */
    private static int stored(int h) {
        return h == 0 ? 0x5bd1e995 : h;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return entries.length;
    }

    /** Heap bytes of the two slot arrays: a 4-byte hash and a 4-byte (compressed) reference per slot. */
    public long slotBytes() {
        return 2 * 16 + 8L * entries.length;
    }

    /** The slot holding the key in argument {@code i}, or -1. */
    public int find(int hash, Args a, int i) {
        int h = stored(hash);
        int mask = entries.length - 1;
        for (int p = h & mask; hashes[p] != 0; p = (p + 1) & mask) {
            if (hashes[p] == h && Keys.equals(entries[p], a, i)) {
                return p;
            }
        }
        return -1;
    }

    /** The slot holding {@code key}, or -1. */
    public int find(int hash, byte[] key) {
        int h = stored(hash);
        int mask = entries.length - 1;
        for (int p = h & mask; hashes[p] != 0; p = (p + 1) & mask) {
            if (hashes[p] == h && Keys.equals(entries[p], key)) {
                return p;
            }
        }
        return -1;
    }

    /** The slot holding this very entry object, or -1. */
    public int findSame(int hash, Object entry) {
        int h = stored(hash);
        int mask = entries.length - 1;
        for (int p = h & mask; hashes[p] != 0; p = (p + 1) & mask) {
            if (entries[p] == entry) {
                return p;
            }
        }
        return -1;
    }

    public Object at(int slot) {
        return entries[slot];
    }

    /** Replaces the entry in {@code slot} by one for the same key. */
    public void set(int slot, Object entry) {
        entries[slot] = entry;
    }

    /** Adds an entry whose key is not in the table; returns its slot (slots found before may have moved). */
    public int insert(int hash, Object entry) {
        if ((size + 1) * 4L > entries.length * 3L) {
            resize(entries.length * 2);
        }
        int h = stored(hash);
        int mask = entries.length - 1;
        int p = h & mask;
        while (hashes[p] != 0) {
            p = (p + 1) & mask;
        }
        hashes[p] = h;
        entries[p] = entry;
        size++;
        return p;
    }

    /** Removes the entry in {@code slot}, shifting later entries of its cluster back; may shrink the table. */
    public void removeAt(int slot) {
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
            resize(Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, size) * 2) * 2));
        }
    }

    public void clear() {
        hashes = new int[MIN_CAPACITY];
        entries = new Object[MIN_CAPACITY];
        size = 0;
    }

    private void resize(int capacity) {
        int[] oldHashes = hashes;
        Object[] oldEntries = entries;
        hashes = new int[capacity];
        entries = new Object[capacity];
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

    /**
     * Visits the entries of the bucket the cursor names and returns the next cursor (0 when the scan is complete).
     */
    public long scan(long cursor, Consumer<Object> visitor) {
        int mask = entries.length - 1;
        int bucket = (int) (cursor & mask);
        for (int p = bucket; hashes[p] != 0; p = (p + 1) & mask) {
            if ((hashes[p] & mask) == bucket) {
                visitor.accept(entries[p]);
            }
        }
        long v = cursor | ~(long) mask;
        v = Long.reverse(v);
        v++;
        return Long.reverse(v);
    }

    /** A random entry, or null when empty. */
    public Object random(Random rnd) {
        if (size == 0) {
            return null;
        }
        int mask = entries.length - 1;
        int p = rnd.nextInt(entries.length);
        while (hashes[p] == 0) {
            p = (p + 1) & mask;
        }
        return entries[p];
    }

    /** Every entry (a copy of the references), for KEYS and FLUSH. */
    public Object[] snapshot() {
        Object[] out = new Object[size];
        int n = 0;
        for (Object e : entries) {
            if (e != null) {
                out[n++] = e;
            }
        }
        return n == size ? out : Arrays.copyOf(out, n);
    }
}
