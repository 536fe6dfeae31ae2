package dev.petrel.redis.data.set;

import dev.petrel.redis.keyspace.Keys;
import dev.petrel.redis.resp.Args;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The hash table form of a set: open addressing with linear probing over two parallel arrays (member hashes, member
 * byte arrays), a power of two in size, at most three quarters full, with backward-shift deletion (no tombstones).
 * About 8 bytes of table per slot, so roughly 11 to 21 bytes per member besides the member's own array. Members are
 * never changed once stored, so copies may share them.
 *
 * <p>SSCAN walks home buckets in Redis's reverse-binary cursor order, as {@code keyspace.KeyTable} does for SCAN, with
 * the same guarantee: a member present for the whole scan is returned at least once, however the table resizes.
 */
final class MemberTable {
    private static final int MIN_CAPACITY = 4;

    private int[] hashes;
    private byte[][] members;
    private int size;

    MemberTable(int expected) {
        int cap = MIN_CAPACITY;
        while (expected * 4L > cap * 3L) {
            cap <<= 1;
        }
        hashes = new int[cap];
        members = new byte[cap][];
    }

    private MemberTable(MemberTable o) {
        hashes = o.hashes.clone();
        members = o.members.clone();
        size = o.size;
    }

    MemberTable copy() {
        return new MemberTable(this);
    }

    /** Stored hashes are never 0, which marks an empty slot. */
    static int hash(Args a, int i) {
        int h = Keys.hash(a, i);
        return h == 0 ? 0x5bd1e995 : h;
    }

    static int hash(byte[] b, int off, int len) {
        int h = Keys.hash(b, off, len);
        return h == 0 ? 0x5bd1e995 : h;
    }

    int size() {
        return size;
    }

    int capacity() {
        return members.length;
    }

    byte[] at(int slot) {
        return members[slot];
    }

    /** The slot of the member in argument {@code i}, or -1. */
    int find(int h, Args a, int i) {
        int mask = members.length - 1;
        int n = a.length(i);
        for (int p = h & mask; hashes[p] != 0; p = (p + 1) & mask) {
            if (hashes[p] == h && members[p].length == n && sameAsArg(members[p], a, i)) {
                return p;
            }
        }
        return -1;
    }

    private static boolean sameAsArg(byte[] m, Args a, int i) {
        for (int j = 0; j < m.length; j++) {
            if (m[j] != a.byteAt(i, j)) {
                return false;
            }
        }
        return true;
    }

    /** The slot of the member {@code b[off..off+len)}, or -1. */
    int find(int h, byte[] b, int off, int len) {
        int mask = members.length - 1;
        for (int p = h & mask; hashes[p] != 0; p = (p + 1) & mask) {
            if (hashes[p] == h && Arrays.equals(members[p], 0, members[p].length, b, off, off + len)) {
                return p;
            }
        }
        return -1;
    }

    /** Adds a member that is not in the table (the array is kept, not copied). */
    void insert(int h, byte[] member) {
        if ((size + 1) * 4L > members.length * 3L) {
            resize(members.length * 2);
        }
        int mask = members.length - 1;
        int p = h & mask;
        while (hashes[p] != 0) {
            p = (p + 1) & mask;
        }
        hashes[p] = h;
        members[p] = member;
        size++;
    }

    /** Removes the member in {@code slot}, shifting later members of its cluster back; may shrink the table. */
    void removeAt(int slot) {
        int mask = members.length - 1;
        int hole = slot;
        for (int j = (hole + 1) & mask; hashes[j] != 0; j = (j + 1) & mask) {
            int home = hashes[j] & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                hashes[hole] = hashes[j];
                members[hole] = members[j];
                hole = j;
            }
        }
        hashes[hole] = 0;
        members[hole] = null;
        size--;
        if (members.length > MIN_CAPACITY && size * 10L < members.length) {
            resize(Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, size) * 2) * 2));
        }
    }

    private void resize(int capacity) {
        int[] oldHashes = hashes;
        byte[][] oldMembers = members;
        hashes = new int[capacity];
        members = new byte[capacity][];
        int mask = capacity - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            int h = oldHashes[i];
            if (h != 0) {
                int p = h & mask;
                while (hashes[p] != 0) {
                    p = (p + 1) & mask;
                }
                hashes[p] = h;
                members[p] = oldMembers[i];
            }
        }
    }

    /** The first occupied slot at or after {@code from}, or -1. */
    int nextOccupied(int from) {
        for (int p = from; p < members.length; p++) {
            if (hashes[p] != 0) {
                return p;
            }
        }
        return -1;
    }

    /** A random occupied slot (the table must not be empty). */
    int randomSlot(Random rnd) {
        int mask = members.length - 1;
        int p = rnd.nextInt(members.length);
        while (hashes[p] == 0) {
            p = (p + 1) & mask;
        }
        return p;
    }

    /** Adds the members of the cursor's bucket to {@code out}; returns the next cursor (0 when complete). */
    long scan(long cursor, List<byte[]> out) {
        int mask = members.length - 1;
        int bucket = (int) (cursor & mask);
        for (int p = bucket; hashes[p] != 0; p = (p + 1) & mask) {
            if ((hashes[p] & mask) == bucket) {
                out.add(members[p]);
            }
        }
        long v = cursor | ~(long) mask;
        v = Long.reverse(v);
        v++;
        return Long.reverse(v);
    }

    /** Heap bytes of the two slot arrays (4-byte hash, 4-byte compressed reference per slot). */
    long slotBytes() {
        return 2 * 16 + 8L * members.length;
    }
}
