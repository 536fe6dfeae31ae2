package dev.petrel.redis.keyspace;

import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.StringRecord;
import dev.petrel.redis.resp.Args;
import java.security.SecureRandom;

/** Hashing and comparing keys, whether they sit in a request, a byte array, a string record or a key entry. */
public final class Keys {
    /** A per-process seed, so that nobody can choose keys that all collide. */
    private static final int SEED = new SecureRandom().nextInt();

    private Keys() {}

    public static int hash(Args a, int i) {
        int h = SEED;
        int n = a.length(i);
        for (int j = 0; j < n; j++) {
            h = (h ^ a.byteAt(i, j)) * 0x01000193;
        }
        return finish(h, n);
    }

    public static int hash(byte[] k, int off, int len) {
        int h = SEED;
        for (int j = off; j < off + len; j++) {
            h = (h ^ k[j]) * 0x01000193;
        }
        return finish(h, len);
    }

    public static int hash(byte[] k) {
        return hash(k, 0, k.length);
    }

    /** The hash of an entry's key. */
    public static int hashOf(Object entry) {
        if (entry instanceof byte[] r) {
            return hash(r, StringRecord.keyOffset(r), StringRecord.keyLength(r));
        }
        return hash(((KeyEntry) entry).key);
    }

    private static int finish(int h, int len) {
        h ^= len;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** The key of an entry, copied. */
    public static byte[] keyOf(Object entry) {
        return entry instanceof byte[] r ? StringRecord.key(r) : ((KeyEntry) entry).key;
    }

    /** The same value, expiry and LRU clock under another key (RENAME): a new record or entry. */
    public static Object withKey(Object entry, byte[] key) {
        if (entry instanceof byte[] r) {
            int vOff = StringRecord.valueOffset(r);
            return StringRecord.build(
                    key,
                    0,
                    key.length,
                    r,
                    vOff,
                    r.length - vOff,
                    StringRecord.encoding(r),
                    StringRecord.expireAt(r),
                    StringRecord.lru(r));
        }
        KeyEntry k = (KeyEntry) entry;
        KeyEntry moved = new KeyEntry(key, k.value, k.lru);
        moved.expireAt = k.expireAt;
        return moved;
    }

    /** A deep copy under {@code key}, with the same expiry and a fresh LRU clock (COPY). */
    public static Object copyAs(Object entry, byte[] key, int lru) {
        if (entry instanceof byte[] r) {
            int vOff = StringRecord.valueOffset(r);
            return StringRecord.build(
                    key,
                    0,
                    key.length,
                    r,
                    vOff,
                    r.length - vOff,
                    StringRecord.encoding(r),
                    StringRecord.expireAt(r),
                    lru);
        }
        KeyEntry k = (KeyEntry) entry;
        KeyEntry copy = new KeyEntry(key, ValueType.value(entry).copy(), lru);
        copy.expireAt = k.expireAt;
        return copy;
    }

    static boolean equals(Object entry, Args a, int i) {
        int n = a.length(i);
        if (entry instanceof byte[] r) {
            if (StringRecord.keyLength(r) != n) {
                return false;
            }
            int off = StringRecord.keyOffset(r);
            for (int j = 0; j < n; j++) {
                if (r[off + j] != a.byteAt(i, j)) {
                    return false;
                }
            }
            return true;
        }
        byte[] k = ((KeyEntry) entry).key;
        if (k.length != n) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            if (k[j] != a.byteAt(i, j)) {
                return false;
            }
        }
        return true;
    }

    static boolean equals(Object entry, byte[] key) {
        if (entry instanceof byte[] r) {
            int n = StringRecord.keyLength(r);
            int off = StringRecord.keyOffset(r);
            return n == key.length && java.util.Arrays.equals(r, off, off + n, key, 0, n);
        }
        return java.util.Arrays.equals(((KeyEntry) entry).key, key);
    }
}
