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
