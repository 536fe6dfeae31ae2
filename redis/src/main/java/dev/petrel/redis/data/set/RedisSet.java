package dev.petrel.redis.data.set;

import dev.petrel.redis.data.Longs;
import dev.petrel.redis.keyspace.ValueType;
import dev.petrel.redis.resp.Args;
import java.util.List;
import java.util.Random;

/**
 * A set value, in Redis 7.0's two encodings: an {@link IntSet} while every member is an integer and there are at
 * most {@code set-max-intset-entries} of them, and a {@link MemberTable} otherwise. It converts once, when a member
 * that is not an integer arrives or the intset grows past the limit, and never back, as Redis.
 *
 * <p>The object holds one reference (the intset's array or the table), so a small set costs the intset array plus a
 * 16-byte header. Members are reached by <em>position</em> — an index into the intset or a slot of the table — so that
 * commands iterate, pick at random and reply without allocating: {@link #first}, {@link #next}, {@link #isIntset},
 * {@link #longAt}, {@link #bytesAt}.
 */
public final class RedisSet implements ValueType.Value {
    /** A byte[] intset or a MemberTable. */
    private Object data = IntSet.EMPTY;

    public int size() {
        return data instanceof byte[] s ? IntSet.size(s) : table().size();
    }

    public boolean isIntset() {
        return data instanceof byte[];
    }

    private MemberTable table() {
        return (MemberTable) data;
    }

    // ---- membership

    /** True if the member in argument {@code i} is in the set. */
    public boolean contains(Args a, int i) {
        if (data instanceof byte[] s) {
            return a.isLong(i) && IntSet.search(s, a.longValue(i)) >= 0;
        }
        return table().find(MemberTable.hash(a, i), a, i) >= 0;
    }

    public boolean contains(byte[] b, int off, int len) {
        if (data instanceof byte[] s) {
            return Longs.isCanonical(b, off, len) && IntSet.search(s, Longs.parseCanonical(b, off, len)) >= 0;
        }
        return table().find(MemberTable.hash(b, off, len), b, off, len) >= 0;
    }

    public boolean contains(long v) {
        if (data instanceof byte[] s) {
            return IntSet.search(s, v) >= 0;
        }
        byte[] m = Longs.toBytes(v);
        return table().find(MemberTable.hash(m, 0, m.length), m, 0, m.length) >= 0;
    }

    // ---- adding

    /** Adds the member in argument {@code i}; true if it was not there. */
    public boolean add(Args a, int i, long maxIntsetEntries) {
        if (data instanceof byte[] && a.isLong(i)) {
            return add(a.longValue(i), maxIntsetEntries);
        }
        convert();
        MemberTable t = table();
        int h = MemberTable.hash(a, i);
        if (t.find(h, a, i) >= 0) {
            return false;
        }
        t.insert(h, a.bytes(i));
        return true;
    }

    /** Adds {@code member} (kept, not copied: it must not change afterwards); true if it was not there. */
    public boolean add(byte[] member, long maxIntsetEntries) {
        if (data instanceof byte[] && Longs.isCanonical(member, 0, member.length)) {
            return add(Longs.parseCanonical(member, 0, member.length), maxIntsetEntries);
        }
        convert();
        MemberTable t = table();
        int h = MemberTable.hash(member, 0, member.length);
        if (t.find(h, member, 0, member.length) >= 0) {
            return false;
        }
        t.insert(h, member);
        return true;
    }

    /** Adds the integer {@code v}; true if it was not there. */
    public boolean add(long v, long maxIntsetEntries) {
        if (data instanceof byte[] s) {
            int at = IntSet.search(s, v);
            if (at >= 0) {
                return false;
            }
            data = IntSet.insert(s, -at - 1, v);
            if (IntSet.size((byte[]) data) > maxIntsetEntries) {
                convert();
            }
            return true;
        }
        byte[] m = Longs.toBytes(v);
        MemberTable t = table();
        int h = MemberTable.hash(m, 0, m.length);
        if (t.find(h, m, 0, m.length) >= 0) {
            return false;
        }
        t.insert(h, m);
        return true;
    }

    /** Moves an intset to the hash table form (no-op for a table). */
    private void convert() {
        if (data instanceof byte[] s) {
            int n = IntSet.size(s);
            MemberTable t = new MemberTable(n + 1);
            for (int i = 0; i < n; i++) {
                byte[] m = Longs.toBytes(IntSet.get(s, i));
                t.insert(MemberTable.hash(m, 0, m.length), m);
            }
            data = t;
        }
    }

    // ---- removing

    /** Removes the member in argument {@code i}; true if it was there. */
    public boolean remove(Args a, int i) {
        if (data instanceof byte[] s) {
            if (!a.isLong(i)) {
                return false;
            }
            int at = IntSet.search(s, a.longValue(i));
            if (at < 0) {
                return false;
            }
            data = IntSet.remove(s, at);
            return true;
        }
        int slot = table().find(MemberTable.hash(a, i), a, i);
        if (slot < 0) {
            return false;
        }
        table().removeAt(slot);
        return true;
    }

    /** Removes the member at position {@code pos}. Positions found before are no longer valid. */
    public void removeAt(int pos) {
        if (data instanceof byte[] s) {
            data = IntSet.remove(s, pos);
        } else {
            table().removeAt(pos);
        }
    }

    // ---- positions

    /** The first position, or -1 if the set is empty. */
    public int first() {
        return next(-1);
    }

    /** The position after {@code pos}, or -1. */
    public int next(int pos) {
        if (data instanceof byte[] s) {
            return pos + 1 < IntSet.size(s) ? pos + 1 : -1;
        }
        return table().nextOccupied(pos + 1);
    }

    /** A position chosen at random (the set must not be empty). */
    public int randomPosition(Random rnd) {
        if (data instanceof byte[] s) {
            return rnd.nextInt(IntSet.size(s));
        }
        return table().randomSlot(rnd);
    }

    /** The integer at {@code pos} of an intset. */
    public long longAt(int pos) {
        return IntSet.get((byte[]) data, pos);
    }

    /** The member at {@code pos} of a hash table (shared: do not change it). */
    public byte[] bytesAt(int pos) {
        return table().at(pos);
    }

    /** The member at {@code pos} as bytes, either encoding (shared for a table: do not change it). */
    public byte[] memberAt(int pos) {
        return data instanceof byte[] s ? Longs.toBytes(IntSet.get(s, pos)) : table().at(pos);
    }

    /**
     * One SSCAN step over a hash table: adds the members of the cursor's bucket to {@code out} and returns the next
     * cursor. An intset has no buckets; callers return it whole.
     */
    public long scan(long cursor, List<byte[]> out) {
        return table().scan(cursor, out);
    }

    // ---- ValueType.Value

    @Override
    public ValueType type() {
        return ValueType.SET;
    }

    @Override
    public String encoding() {
        return data instanceof byte[] ? "intset" : "hashtable";
    }

    @Override
    public RedisSet copy() {
        RedisSet c = new RedisSet();
        c.data = data instanceof byte[] s ? s : table().copy(); // intset arrays are never changed in place
        return c;
    }

    @Override
    public long memoryUsage(int samples) {
        if (data instanceof byte[] s) {
            return 16 + align(16 + s.length);
        }
        MemberTable t = table();
        long bytes = 16 + 24 + t.slotBytes();
        int n = t.size();
        int seen = 0;
        long sampled = 0;
        for (int p = t.nextOccupied(0); p >= 0 && (samples == 0 || seen < samples); p = t.nextOccupied(p + 1)) {
            sampled += align(16 + t.at(p).length);
            seen++;
        }
        return bytes + (seen == 0 ? 0 : sampled * n / seen);
    }

    private static long align(long n) {
        return (n + 7) & ~7L;
    }
}
