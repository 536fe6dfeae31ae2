package dev.petrel.redis.data.zset;

import dev.petrel.redis.keyspace.ValueType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A sorted set, ordered by (score, member) with members compared as unsigned bytes. Small sets are one exactly sized
 * packed array like Redis's listpack — entries of [varint member length][member][score] in order, an integer score as
 * a varint, any other as 9 bytes — which every operation scans; past zset-max-listpack-entries or -value the set converts, once, to a {@link Skiplist} plus a
 * {@link MemberTable} from member to node. Every range operation is expressed as a range of ranks, found with a
 * monotone "before" test ({@link #countBefore}), so both forms answer the same handful of primitives.
 */
public final class ZSet implements ValueType.Value {
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);

    private static final byte[] EMPTY = new byte[0];

    private byte[] lp;
    private int count;
    private Skiplist sl;

    private ZSet() {}

    /** A new set for about {@code sizeHint} members of up to {@code maxLen} bytes, in the form Redis would pick. */
    public static ZSet create(long sizeHint, long maxLen, long maxEntries, long maxValue) {
        ZSet z = new ZSet();
        if (sizeHint <= maxEntries && maxLen <= maxValue) {
            z.lp = EMPTY;
        } else {
            z.sl = new Skiplist();
        }
        return z;
    }

    public int size() {
        return sl == null ? count : sl.length();
    }

    public boolean compact() {
        return sl == null;
    }

    @Override
    public ValueType type() {
        return ValueType.ZSET;
    }

    @Override
    public String encoding() {
        return sl == null ? "listpack" : "skiplist";
    }

    // ---- the packed form

    private int memberLen(int at) {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            int b = lp[at++];
            v |= (b & 0x7f) << shift;
            if (b >= 0) {
                return v;
            }
        }
    }

    private static int varintSize(int v) {
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    /** Offset of the member bytes of the entry at {@code at}. */
    private int memberOff(int at) {
        return at + varintSize(memberLen(at));
    }

    private double scoreAt(int at) {
        return scoreAtOff(memberOff(at) + memberLen(at));
    }

    private int nextEntry(int at) {
        int p = memberOff(at) + memberLen(at);
        return p + scoreSize(p);
    }

    /*
     * A score is stored as a varint of (zigzag(v) << 1 | 1) when it is an integer v of magnitude under 2^53 (most
     * scores: one to three bytes, like a listpack's integer entries), else as a 0 byte and the 8-byte double.
     */
    private static final double INT_LIMIT = 0x1p53;

    private static boolean intScore(double d) {
        return d == Math.rint(d) && Math.abs(d) < INT_LIMIT;
    }

    private static long encodedInt(double d) {
        long v = (long) d;
        return (((v << 1) ^ (v >> 63)) << 1) | 1;
    }

    private static int scoreSize(double d) {
        if (!intScore(d)) {
            return 9;
        }
        long w = encodedInt(d);
        int n = 1;
        while ((w >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    private int scoreSize(int p) {
        if ((lp[p] & 1) == 0) {
            return 9;
        }
        int n = 1;
        while (lp[p++] < 0) {
            n++;
        }
        return n;
    }

    private double scoreAtOff(int p) {
        if ((lp[p] & 1) == 0) {
            return (double) DOUBLE.get(lp, p + 1);
        }
        long w = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = lp[p++];
            w |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                break;
            }
        }
        long z = w >>> 1;
        return (double) ((z >>> 1) ^ -(z & 1));
    }

    private void writeScore(int p, double d) {
        if (!intScore(d)) {
            lp[p] = 0;
            DOUBLE.set(lp, p + 1, d);
            return;
        }
        long w = encodedInt(d);
        while ((w & ~0x7fL) != 0) {
            lp[p++] = (byte) ((w & 0x7f) | 0x80);
            w >>>= 7;
        }
        lp[p] = (byte) w;
    }

    private int find(byte[] m) {
        for (int at = 0; at < lp.length; at = nextEntry(at)) {
            int off = memberOff(at);
            if (Arrays.equals(lp, off, off + memberLen(at), m, 0, m.length)) {
                return at;
            }
        }
        return -1;
    }

    private void lpInsert(byte[] m, double score) {
        if (score == 0) {
            score = 0.0; // a listpack stores -0 as the integer 0
        }
        int at = 0;
        while (at < lp.length) {
            int off = memberOff(at);
            int len = memberLen(at);
            double s = scoreAtOff(off + len);
            if (s > score || (s == score && Arrays.compareUnsigned(lp, off, off + len, m, 0, m.length) > 0)) {
                break;
            }
            at = off + len + scoreSize(off + len);
        }
        int size = varintSize(m.length) + m.length + scoreSize(score);
        byte[] grown = new byte[lp.length + size]; // sized exactly, as a listpack is
        System.arraycopy(lp, 0, grown, 0, at);
        System.arraycopy(lp, at, grown, at + size, lp.length - at);
        lp = grown;
        int p = at;
        for (int v = m.length; ; v >>>= 7) {
            if (v < 0x80) {
                lp[p++] = (byte) v;
                break;
            }
            lp[p++] = (byte) ((v & 0x7f) | 0x80);
        }
        System.arraycopy(m, 0, lp, p, m.length);
        writeScore(p + m.length, score);
        count++;
    }

    private void lpDelete(int at, int end, int entries) {
        byte[] shrunk = new byte[lp.length - (end - at)];
        System.arraycopy(lp, 0, shrunk, 0, at);
        System.arraycopy(lp, end, shrunk, at, lp.length - end);
        lp = shrunk;
        count -= entries;
    }

    private void toSkiplist() {
        Skiplist s = new Skiplist();

        for (int at = 0; at < lp.length; at = nextEntry(at)) {
            int off = memberOff(at);
            int len = memberLen(at);
            s.dict.add(s.insert(scoreAtOff(off + len), Arrays.copyOfRange(lp, off, off + len)));
        }
        sl = s;
        lp = null;
        count = 0;
    }

    /** Converts a skiplist set back to the packed form if it is small enough (what the STORE commands do). */
    public void shrinkIfSmall(long maxEntries, long maxValue) {
        if (sl == null || sl.length() > maxEntries) {
            return;
        }
        for (Node n = sl.first(); n != null; n = n.next0) {
            if (n.member.length > maxValue) {
                return;
            }
        }
        Skiplist s = sl;
        sl = null;
        lp = EMPTY;
        for (Node n = s.first(); n != null; n = n.next0) {
            lpInsert(n.member, n.score);
        }
    }

    // ---- operations on either form

    /** The score of {@code m}, or NaN when it is not a member (no score is NaN). */
    public double score(byte[] m) {
        if (sl == null) {
            int at = find(m);
            return at < 0 ? Double.NaN : scoreAt(at);
        }
        Node n = sl.dict.get(m);
        return n == null ? Double.NaN : n.score;
    }

    /** Sets the score of {@code m}, adding it if new; a new member may convert the set to the skiplist form. */
    public void put(byte[] m, double score, long maxEntries, long maxValue) {
        if (sl == null) {
            int at = find(m);
            if (at >= 0) {
                lpDelete(at, nextEntry(at), 1);
            } else if (count + 1 > maxEntries || m.length > maxValue) {
                toSkiplist();
            }
            if (sl == null) {
                lpInsert(m, score);
                return;
            }
        }
        Node n = sl.dict.get(m);
        if (n == null) {
            sl.dict.add(sl.insert(score, m));
        } else if (n.score != score || 1 / n.score != 1 / score) {
            Node moved = sl.updateScore(n, score);
            if (moved != n) {
                sl.dict.replace(n, moved);
            }
        }
    }

    /** Removes {@code m}; false if it was not a member. */
    public boolean remove(byte[] m) {
        if (sl == null) {
            int at = find(m);
            if (at < 0) {
                return false;
            }
            lpDelete(at, nextEntry(at), 1);
            return true;
        }
        Node n = sl.dict.get(m);
        if (n == null) {
            return false;
        }
        sl.delete(n.score, n.member);
        sl.dict.remove(n);
        return true;
    }

    /** The 0-based rank of {@code m} in ascending order, or -1. */
    public long rank(byte[] m) {
        if (sl == null) {
            long r = 0;
            for (int at = 0; at < lp.length; at = nextEntry(at), r++) {
                int off = memberOff(at);
                if (Arrays.equals(lp, off, off + memberLen(at), m, 0, m.length)) {
                    return r;
                }
            }
            return -1;
        }
        Node n = sl.dict.get(m);
        return n == null ? -1 : sl.rank(n.score, n.member) - 1;
    }

    /** How many elements, from the lowest, pass {@code before} (a test true for a prefix of the order). */
    public long countBefore(Before before) {
        if (sl != null) {
            return sl.countBefore(before);
        }
        long r = 0;
        for (int at = 0; at < lp.length; at = nextEntry(at), r++) {
            int off = memberOff(at);
            int len = memberLen(at);
            if (!before.test(scoreAtOff(off + len), lp, off, len)) {
                break;
            }
        }
        return r;
    }

    /**
     * The rank of the first element in the range [lo, hi] — {@code lo} true for elements before it, {@code hi} true
     * for elements not past it — or -1, found as Redis finds it (which matters for lex ranges over unequal scores,
     * where the tests are not monotone): the range must reach the last and first elements, then the packed form scans
     * from the start and the skiplist descends its levels.
     */
    public long firstIn(Before lo, Before hi) {
        if (!mayHold(lo, hi)) {
            return -1;
        }
        long r = countBefore(lo);
        return r < size() && test(hi, r) ? r : -1;
    }

    /** As {@link #firstIn}, the last element in the range (the packed form scans from the end). */
    public long lastIn(Before lo, Before hi) {
        if (!mayHold(lo, hi)) {
            return -1;
        }
        long r;
        if (sl == null) {
            r = -1;
            Cursor c = cursor(count - 1);
            for (long i = count - 1; i >= 0; i--, c.prev()) {
                if (hi.test(c.score, c.buf, c.off, c.len)) {
                    r = i;
                    break;
                }
            }
        } else {
            r = sl.countBefore(hi) - 1;
        }
        return r >= 0 && !test(lo, r) ? r : -1;
    }

    private boolean mayHold(Before lo, Before hi) {
        return size() > 0 && !test(lo, size() - 1) && test(hi, 0);
    }

    private boolean test(Before b, long rank) {
        Cursor c = cursor(rank);
        return b.test(c.score, c.buf, c.off, c.len);
    }

    /** Removes the elements of 0-based ranks [from, to] (within the set). */
    public void deleteRange(long from, long to) {
        if (sl == null) {
            int at = 0;
            for (long r = 0; r < from; r++) {
                at = nextEntry(at);
            }
            int end = at;
            for (long r = from; r <= to; r++) {
                end = nextEntry(end);
            }
            lpDelete(at, end, (int) (to - from + 1));
            return;
        }
        sl.deleteRange(from, to, sl.dict::remove);
    }

    /** A cursor on the element of 0-based rank {@code rank} (which must be within the set). */
    public Cursor cursor(long rank) {
        Cursor c = new Cursor();
        if (sl == null) {
            int at = 0;
            for (long r = 0; r < rank; r++) {
                at = nextEntry(at);
            }
            c.at = at;
        } else {
            c.node = sl.byRank(rank + 1);
        }
        c.rank = rank;
        c.load();
        return c;
    }

    /** Walks the elements in either direction; {@link #valid} turns false past either end. */
    public final class Cursor {
        private int at;
        private Node node;
        private long rank;
        private int[] offsets;
        public byte[] buf;
        public int off;
        public int len;
        public double score;

        public boolean valid() {
            return rank >= 0 && rank < size();
        }

        /** The member as a new array. */
        public byte[] member() {
            return off == 0 && len == buf.length ? buf : Arrays.copyOfRange(buf, off, off + len);
        }

        public void next() {
            rank++;
            if (sl == null) {
                at = nextEntry(at);
            } else {
                node = node.next0;
            }
            load();
        }

        public void prev() {
            rank--;
            if (sl == null) {
                if (offsets == null) {
                    offsets = new int[count];
                    int p = 0;
                    for (int i = 0; i < count; i++, p = nextEntry(p)) {
                        offsets[i] = p;
                    }
                }
                at = rank >= 0 ? offsets[(int) rank] : 0;
            } else {
                node = node.backward;
            }
            load();
        }

        private void load() {
            if (!valid()) {
                return;
            }
            if (sl == null) {
                buf = lp;
                off = memberOff(at);
                len = memberLen(at);
                score = scoreAtOff(off + len);
            } else {
                buf = node.member;
                off = 0;
                len = node.member.length;
                score = node.score;
            }
        }
    }

    /** Every element, in order, as (member, score). */
    public void forEach(ElementVisitor v) {
        if (sl == null) {
            for (int at = 0; at < lp.length; at = nextEntry(at)) {
                int off = memberOff(at);
                int len = memberLen(at);
                v.visit(Arrays.copyOfRange(lp, off, off + len), scoreAtOff(off + len));
            }
        } else {
            for (Node n = sl.first(); n != null; n = n.next0) {
                v.visit(n.member, n.score);
            }
        }
    }

    /** A test of an element that is true for a prefix of the order (the elements before some position). */
    public interface Before {
        boolean test(double score, byte[] member, int off, int len);
    }

    /** Receives one element. */
    public interface ElementVisitor {
        void visit(byte[] member, double score);
    }

    /** One ZSCAN step of the skiplist form (the packed form is answered whole by the caller). */
    public long scan(long cursor, ElementVisitor v) {
        return sl.dict.scan(cursor, (Consumer<Node>) n -> v.visit(n.member, n.score));
    }

    /** A uniformly random element's rank (packed form) or node, as a cursor. */
    public Cursor random(Random rnd) {
        if (sl == null) {
            return cursor(rnd.nextInt(count));
        }
        Node n = sl.dict.random(rnd);
        return cursor(sl.rank(n.score, n.member) - 1);
    }

    @Override
    public ZSet copy() {
        ZSet z = new ZSet();
        if (sl == null) {
            z.lp = lp.clone();
            z.count = count;
        } else {
            z.sl = new Skiplist();
            for (Node n = sl.first(); n != null; n = n.next0) {
                z.sl.dict.add(z.sl.insert(n.score, n.member));
            }
        }
        return z;
    }

    @Override
    public long memoryUsage(int samples) {
        long base = Skiplist.align(12 + 3 * 4);
        if (sl == null) {
            return base + Skiplist.align(16 + lp.length);
        }
        long nodes = 0;
        int seen = 0;
        for (Node n = sl.first(); n != null && (samples == 0 || seen < samples); n = n.next0, seen++) {
            nodes += Skiplist.nodeBytes(n);
        }
        long perNode = seen == 0 ? 0 : nodes / seen;
        return base + 200 + perNode * sl.length() + sl.dict.bytes();
    }
}
