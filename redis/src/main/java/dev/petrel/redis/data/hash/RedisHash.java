package dev.petrel.redis.data.hash;

import dev.petrel.redis.keyspace.ValueType;
import dev.petrel.redis.resp.Args;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * A hash value. While small it is one packed array of pairs ({@link Packed}, OBJECT ENCODING {@code listpack});
 * when a field or value longer than hash-max-listpack-value is set, or the pairs outnumber hash-max-listpack-entries,
 * it converts once to a {@link FieldTable} ({@code hashtable}) and never back, as Redis does. The object holds only
 * the one reference, so a small hash costs 16 bytes beside its pairs.
 *
 * <p>Pairs are reached through <em>positions</em>: a byte offset in the packed form, a slot in the table. A position
 * is good until the next change to the hash; {@link #array}, {@link #fieldOffset}, {@link #valueOffset} and the
 * lengths give the bytes to reply with, in place.
 */
public final class RedisHash implements ValueType.Value {
    /** The pairs: a packed {@code byte[]} or a {@link FieldTable}. */
    private Object data = Packed.EMPTY;

    public boolean packed() {
        return data instanceof byte[];
    }

    public int size() {
        return data instanceof byte[] p ? Packed.count(p) : ((FieldTable) data).size();
    }

    /** The position of the pair whose field is argument {@code i}, or -1. */
    public int find(Args a, int i) {
        if (data instanceof byte[] p) {
            return Packed.find(p, a, i);
        }
        FieldTable t = (FieldTable) data;
        return t.find(FieldTable.hashOf(a, i), a, i);
    }

    /** The array holding the pair at {@code pos}. */
    public byte[] array(int pos) {
        return data instanceof byte[] p ? p : ((FieldTable) data).at(pos);
    }

    public int fieldOffset(int pos) {
        if (data instanceof byte[] p) {
            return Packed.fieldOffset(p, pos);
        }
        return Packed.varintSize(Packed.varint(((FieldTable) data).at(pos), 0));
    }

    public int fieldLength(int pos) {
        return data instanceof byte[] p ? Packed.fieldLength(p, pos) : Packed.varint(((FieldTable) data).at(pos), 0);
    }

    public int valueOffset(int pos) {
        if (data instanceof byte[] p) {
            return Packed.valueOffset(p, pos);
        }
        return Packed.entryValueOffset(((FieldTable) data).at(pos));
    }

    public int valueLength(int pos) {
        if (data instanceof byte[] p) {
            return Packed.valueLength(p, pos);
        }
        byte[] e = ((FieldTable) data).at(pos);
        return e.length - Packed.entryValueOffset(e);
    }

    /** The first position, or -1 if empty. */
    public int first() {
        return data instanceof byte[] p ? (p.length == 0 ? -1 : 0) : ((FieldTable) data).next(-1);
    }

    /** The position after {@code pos}, or -1. */
    public int next(int pos) {
        if (data instanceof byte[] p) {
            int n = Packed.next(p, pos);
            return n < p.length ? n : -1;
        }
        return ((FieldTable) data).next(pos);
    }

    /** A random position (the hash is not empty). */
    public int random(Random rnd) {
        if (data instanceof byte[] p) {
            return Packed.nth(p, rnd.nextInt(Packed.count(p)));
        }
        return ((FieldTable) data).random(rnd);
    }

    /**
     * One HSCAN step from {@code cursor}: visits positions and returns the next cursor. The packed form visits every
     * pair and returns 0, as Redis answers a listpack in one call.
     */
    public long scan(long cursor, IntConsumer visitor) {
        if (data instanceof byte[]) {
            for (int pos = first(); pos >= 0; pos = next(pos)) {
                visitor.accept(pos);
            }
            return 0;
        }
        return ((FieldTable) data).scan(cursor, visitor);
    }

    /** Sets field argument {@code fi} to argument {@code vi}; true if the field is new. */
    public boolean set(Args a, int fi, int vi, long maxEntries, long maxValue) {
        return set(a, fi, vi, null, a.length(vi), maxEntries, maxValue);
    }

    /** Sets field argument {@code fi} to {@code value}; true if the field is new. */
    public boolean set(Args a, int fi, byte[] value, long maxEntries, long maxValue) {
        return set(a, fi, -1, value, value.length, maxEntries, maxValue);
    }

    private boolean set(Args a, int fi, int vi, byte[] v, int vLen, long maxEntries, long maxValue) {
        int fLen = a.length(fi);
        if (data instanceof byte[] && (fLen > maxValue || vLen > maxValue)) {
            toTable();
        }
        if (data instanceof byte[] p) {
            int pos = Packed.find(p, a, fi);
            if (pos >= 0) {
                replacePacked(p, pos, a, vi, v, vLen);
                return false;
            }
            byte[] n = Arrays.copyOf(p, p.length + Packed.headerSize(fLen, vLen) + fLen + vLen);
            int w = Packed.putHeader(n, p.length, fLen, vLen);
            a.copyTo(fi, n, w);
            copyValue(a, vi, v, n, w + fLen);
            data = n;
            if (Packed.count(n) > maxEntries) {
                toTable();
            }
            return true;
        }
        FieldTable t = (FieldTable) data;
        int h = FieldTable.hashOf(a, fi);
        int slot = t.find(h, a, fi);
        if (slot >= 0) {
            byte[] e = t.at(slot);
            int vOff = Packed.entryValueOffset(e);
            if (e.length - vOff == vLen) {
                copyValue(a, vi, v, e, vOff);
            } else {
                byte[] n = Arrays.copyOf(e, vOff + vLen);
                copyValue(a, vi, v, n, vOff);
                t.set(slot, n);
            }
            return false;
        }
        byte[] e = new byte[Packed.varintSize(fLen) + fLen + vLen];
        int w = Packed.putVarint(e, 0, fLen);
        a.copyTo(fi, e, w);
        copyValue(a, vi, v, e, w + fLen);
        t.insert(h, e);
        return true;
    }

    /** Replaces the value of the packed pair at {@code pos}: in place when the length stays, else a new pair. */
    private void replacePacked(byte[] p, int pos, Args a, int vi, byte[] v, int vLen) {
        int vOff = Packed.valueOffset(p, pos);
        if (Packed.valueLength(p, pos) == vLen) {
            copyValue(a, vi, v, p, vOff);
            return;
        }
        int fLen = Packed.fieldLength(p, pos);
        int fOff = Packed.fieldOffset(p, pos);
        int end = Packed.next(p, pos);
        byte[] n = new byte[pos + Packed.headerSize(fLen, vLen) + fLen + vLen + (p.length - end)];
        System.arraycopy(p, 0, n, 0, pos);
        int w = Packed.putHeader(n, pos, fLen, vLen);
        System.arraycopy(p, fOff, n, w, fLen);
        copyValue(a, vi, v, n, w + fLen);
        System.arraycopy(p, end, n, w + fLen + vLen, p.length - end);
        data = n;
    }

    private static void copyValue(Args a, int vi, byte[] v, byte[] dst, int at) {
        if (v == null) {
            a.copyTo(vi, dst, at);
        } else {
            System.arraycopy(v, 0, dst, at, v.length);
        }
    }

    /** Deletes field argument {@code fi}; true if it was there. */
    public boolean delete(Args a, int fi) {
        if (data instanceof byte[] p) {
            int pos = Packed.find(p, a, fi);
            if (pos < 0) {
                return false;
            }
            int end = Packed.next(p, pos);
            byte[] n = new byte[p.length - (end - pos)];
            System.arraycopy(p, 0, n, 0, pos);
            System.arraycopy(p, end, n, pos, p.length - end);
            data = n;
            return true;
        }
        FieldTable t = (FieldTable) data;
        int slot = t.find(FieldTable.hashOf(a, fi), a, fi);
        if (slot < 0) {
            return false;
        }
        t.removeAt(slot);
        return true;
    }

    /** Converts the packed form to the table form. */
    private void toTable() {
        byte[] p = (byte[]) data;
        FieldTable t = new FieldTable(Packed.count(p) + 1);
        for (int pos = 0; pos < p.length; pos = Packed.next(p, pos)) {
            int fLen = Packed.fieldLength(p, pos);
            int vLen = Packed.valueLength(p, pos);
            byte[] e = new byte[Packed.varintSize(fLen) + fLen + vLen];
            int w = Packed.putVarint(e, 0, fLen);
            System.arraycopy(p, Packed.fieldOffset(p, pos), e, w, fLen + vLen);
            t.insert(FieldTable.hashOf(e), e);
        }
        data = t;
    }

    @Override
    public ValueType type() {
        return ValueType.HASH;
    }

    @Override
    public String encoding() {
        return packed() ? "listpack" : "hashtable";
    }

    @Override
    public RedisHash copy() {
        RedisHash h = new RedisHash();
        h.data = data instanceof byte[] p ? p.clone() : ((FieldTable) data).copy();
        return h;
    }

    @Override
    public long memoryUsage(int samples) {
        return 16
                + (data instanceof byte[] p
                        ? FieldTable.align(16 + p.length)
                        : ((FieldTable) data).memoryUsage(samples));
    }
}
