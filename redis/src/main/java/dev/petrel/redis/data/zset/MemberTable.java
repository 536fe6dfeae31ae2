package dev.petrel.redis.data.zset;

import dev.petrel.redis.keyspace.Keys;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The skiplist form's member → node index: open addressing with linear probing over one array of node references (4
 * bytes a slot; hashes are recomputed from the member when needed, which keeps the table at about 8 bytes a member).
 * Backward-shift deletion, so no tombstones. ZSCAN walks home buckets in Redis's reverse-binary cursor order, which, as
 * in the key table, returns every member present for the whole scan at least once across resizes.
 */
final class MemberTable {
    private static final int MIN_CAPACITY = 16;

    private Node[] slots = new Node[MIN_CAPACITY];
    private int size;

    int size() {
        return size;
    }

    long bytes() {
        return 16 + 4L * slots.length;
    }

    private static int hash(byte[] m) {
        return Keys.hash(m);
    }

    Node get(byte[] m) {
        int mask = slots.length - 1;
        for (int p = hash(m) & mask; slots[p] != null; p = (p + 1) & mask) {
            if (Arrays.equals(slots[p].member, m)) {
                return slots[p];
            }
        }
        return null;
    }

    /** Adds a node whose member is not present. */
    void add(Node n) {
        if ((size + 1) * 4L > slots.length * 3L) {
            resize(slots.length * 2);
        }
        place(slots, n);
        size++;
    }

    /** Points the slot of a member at its new node (after a skiplist move). */
    void replace(Node old, Node n) {
        int mask = slots.length - 1;
        for (int p = hash(old.member) & mask; slots[p] != null; p = (p + 1) & mask) {
            if (slots[p] == old) {
                slots[p] = n;
                return;
            }
        }
    }

    void remove(Node n) {
        int mask = slots.length - 1;
        int hole = hash(n.member) & mask;
        while (slots[hole] != n) {
            hole = (hole + 1) & mask;
        }
        for (int j = (hole + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int home = hash(slots[j].member) & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                slots[hole] = slots[j];
                hole = j;
            }
        }
        slots[hole] = null;
        size--;
        if (slots.length > MIN_CAPACITY && size * 10L < slots.length) {
            resize(Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, size) * 2) * 2));
        }
    }

    private static void place(Node[] table, Node n) {
        int mask = table.length - 1;
        int p = hash(n.member) & mask;
        while (table[p] != null) {
            p = (p + 1) & mask;
        }
        table[p] = n;
    }

    private void resize(int capacity) {
        Node[] old = slots;
        slots = new Node[capacity];
        for (Node n : old) {
            if (n != null) {
                place(slots, n);
            }
        }
    }

    /** Visits the nodes whose home bucket the cursor names; returns the next cursor (0 when done). */
    long scan(long cursor, Consumer<Node> visitor) {
        int mask = slots.length - 1;
        int bucket = (int) (cursor & mask);
        for (int p = bucket; slots[p] != null; p = (p + 1) & mask) {
            if ((hash(slots[p].member) & mask) == bucket) {
                visitor.accept(slots[p]);
            }
        }
        long v = cursor | ~(long) mask;
        v = Long.reverse(v);
        v++;
        return Long.reverse(v);
    }

    /** A random node (for ZRANDMEMBER), or null when empty. */
    Node random(java.util.Random rnd) {
        if (size == 0) {
            return null;
        }
        int mask = slots.length - 1;
        int p = rnd.nextInt(slots.length);
        while (slots[p] == null) {
            p = (p + 1) & mask;
        }
        return slots[p];
    }
}
