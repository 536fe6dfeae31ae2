package dev.petrel.redis.data.zset;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Redis's skiplist ordered by (score, member), with a span on every link so that ranks are found in O(log n): up to 32
 * levels, each level promoted with probability 1/4, backward links on level 0 for reverse walks.
 */
final class Skiplist {
    static final int MAX_LEVEL = 32;

    /** The member → node index that goes with the list. */
    final MemberTable dict = new MemberTable();

    private final Node.Tall header = new Node.Tall(null, 0, MAX_LEVEL);
    private Node tail;
    private int level = 1;
    private int length;
    private final Node[] update = new Node[MAX_LEVEL];
    private final int[] rank = new int[MAX_LEVEL];

    int length() {
        return length;
    }

    Node first() {
        return header.next0;
    }

    Node last() {
        return tail;
    }

    static boolean less(double s1, byte[] m1, double s2, byte[] m2) {
        return s1 < s2 || (s1 == s2 && Arrays.compareUnsigned(m1, m2) < 0);
    }

    private static int randomLevel() {
        int lvl = 1;
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (lvl < MAX_LEVEL && (r.nextInt() & 0xFFFF) < 0xFFFF / 4) {
            lvl++;
        }
        return lvl;
    }

    /** Inserts an element that is not in the list. */
    Node insert(double score, byte[] member) {
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            rank[i] = i == level - 1 ? 0 : rank[i + 1];
            for (Node n = x.next(i); n != null && less(n.score, n.member, score, member); n = x.next(i)) {
                rank[i] += x.span(i);
                x = n;
            }
            update[i] = x;
        }
        int lvl = randomLevel();
        if (lvl > level) {
            for (int i = level; i < lvl; i++) {
                rank[i] = 0;
                update[i] = header;
                header.setSpan(i, length);
            }
            level = lvl;
        }
        Node node = lvl == 1 ? new Node(member, score) : new Node.Tall(member, score, lvl);
        for (int i = 0; i < lvl; i++) {
            node.setNext(i, update[i].next(i));
            update[i].setNext(i, node);
            node.setSpan(i, update[i].span(i) - (rank[0] - rank[i]));
            update[i].setSpan(i, rank[0] - rank[i] + 1);
        }
        for (int i = lvl; i < level; i++) {
            update[i].setSpan(i, update[i].span(i) + 1);
        }
        node.backward = update[0] == header ? null : update[0];
        if (node.next0 != null) {
            node.next0.backward = node;
        } else {
            tail = node;
        }
        length++;
        return node;
    }

    /** Fills {@link #update} with the last node before (score, member) on each level; returns the node there. */
    private Node seek(double score, byte[] member) {
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            for (Node n = x.next(i); n != null && less(n.score, n.member, score, member); n = x.next(i)) {
                x = n;
            }
            update[i] = x;
        }
        return x.next0;
    }

    /** Removes the element (score, member), which must be in the list. */
    void delete(double score, byte[] member) {
        Node x = seek(score, member);
        unlink(x);
    }

    private void unlink(Node x) {
        for (int i = 0; i < level; i++) {
            if (update[i].next(i) == x) {
                update[i].setSpan(i, update[i].span(i) + x.span(i) - 1);
                update[i].setNext(i, x.next(i));
            } else {
                update[i].setSpan(i, update[i].span(i) - 1);
            }
        }
        if (x.next0 != null) {
            x.next0.backward = x.backward;
        } else {
            tail = x.backward;
        }
        while (level > 1 && header.next(level - 1) == null) {
            level--;
        }
        length--;
    }

    /** Moves an element to a new score: in place when the order allows, as Redis does. */
    Node updateScore(Node x, double score) {
        Node prev = x.backward;
        Node next = x.next0;
        if ((prev == null || less(prev.score, prev.member, score, x.member))
                && (next == null || less(score, x.member, next.score, next.member))) {
            x.score = score;
            return x;
        }
        delete(x.score, x.member);
        return insert(score, x.member);
    }

    /** 1-based rank of (score, member), which must be in the list. */
    long rank(double score, byte[] member) {
        long r = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            for (Node n = x.next(i); n != null && !less(score, member, n.score, n.member); n = x.next(i)) {
                r += x.span(i);
                x = n;
            }
            if (x != header && x.member == member) {
                return r;
            }
        }
        return r;
    }

    /** The node of 1-based rank {@code r}, or null. */
    Node byRank(long r) {
        if (r < 1 || r > length) {
            return null;
        }
        long traversed = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.next(i) != null && traversed + x.span(i) <= r) {
                traversed += x.span(i);
                x = x.next(i);
            }
            if (traversed == r) {
                return x;
            }
        }
        return null;
    }

    /** How many elements pass {@code before}. */
    long countBefore(ZSet.Before before) {
        long r = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            for (Node n = x.next(i); n != null && before.test(n.score, n.member, 0, n.member.length); n = x.next(i)) {
                r += x.span(i);
                x = n;
            }
        }
        return r;
    }

    /** Removes the elements of 0-based ranks [from, to], telling {@code removed} of each. */
    void deleteRange(long from, long to, java.util.function.Consumer<Node> removed) {
        long traversed = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.next(i) != null && traversed + x.span(i) <= from) {
                traversed += x.span(i);
                x = x.next(i);
            }
            update[i] = x;
        }
        x = x.next0;
        for (long k = from; k <= to && x != null; k++) {
            Node next = x.next0;
            unlink(x);
            removed.accept(x);
            x = next;
        }
    }

    /** Bytes of nodes and members on the heap (compressed references). */
    static long nodeBytes(Node n) {
        long b = 32 + align(16 + n.member.length);
        if (n instanceof Node.Tall t) {
            b += 8 + 2 * align(16 + 4L * t.up.length);
        }
        return b;
    }

    static long align(long n) {
        return (n + 7) & ~7L;
    }
}
