package dev.petrel.redis.keyspace;

import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.StringRecord;
import dev.petrel.redis.resp.Args;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One numbered database: the key table, and an index of the entries that carry an expiry (Redis's "expires" dict),
 * which the active expiry cycle samples. A key past its expiry is deleted when it is next looked up.
 *
 * <p>A lookup remembers where it found (or would insert) its key, so the command that follows can replace, delete or
 * insert without hashing again: {@link #replaceFound}, {@link #deleteFound}, {@link #insertFound}. That memory is good
 * until the next change to this database.
 */
public final class Database {
    private final Keyspace keyspace;
    private final int index;
    private KeyTable table = new KeyTable();
    private KeyTable expires = new KeyTable();
    private int foundSlot = -1;
    private int foundHash;
    private final Random random = new Random();
    /** Where the active expiry cycle goes on in the expiry index. */
    private long expireCursor;

    private final List<Object> expireBucket = new ArrayList<>();

    Database(Keyspace keyspace, int index) {
        this.keyspace = keyspace;
        this.index = index;
    }

    public int index() {
        return index;
    }

    public int size() {
        return table.size();
    }

    /** Slots in the key table (tests watch it resize). */
    int tableCapacity() {
        return table.capacity();
    }

    /** Keys with an expiry. */
    public int expiresCount() {
        return expires.size();
    }

    /** The entry for key argument {@code i} — a string record ({@code byte[]}) or a {@link KeyEntry} — or null. */
    public Object lookup(Args a, int i) {
        foundHash = Keys.hash(a, i);
        foundSlot = table.find(foundHash, a, i);
        return live(keyspace.touching());
    }

    /** As {@link #lookup(Args, int)}, for a key held as bytes. */
    public Object lookup(byte[] key) {
        foundHash = Keys.hash(key);
        foundSlot = table.find(foundHash, key);
        return live(keyspace.touching());
    }

    /** As {@link #lookup(Args, int)}, counting a keyspace hit or miss (read commands). */
    public Object lookupRead(Args a, int i) {
        Object e = lookup(a, i);
        keyspace.countLookup(e != null);
        return e;
    }

    /**
     * As {@link #lookup(Args, int)} (expired keys still vanish), but leaving the entry's LRU clock alone: for commands
     * that inspect a key without using it (OBJECT, MEMORY USAGE, TTL, TYPE, EXISTS).
     */
    public Object peek(Args a, int i) {
        foundHash = Keys.hash(a, i);
        foundSlot = table.find(foundHash, a, i);
        return live(false);
    }

    /** As {@link #peek(Args, int)}, for a key held as bytes. */
    public Object peek(byte[] key) {
        foundHash = Keys.hash(key);
        foundSlot = table.find(foundHash, key);
        return live(false);
    }

    /** As {@link #peek(Args, int)}, counting a keyspace hit or miss. */
    public Object peekRead(Args a, int i) {
        Object e = peek(a, i);
        keyspace.countLookup(e != null);
        return e;
    }

    private Object live(boolean touch) {
        if (foundSlot < 0) {
            return null;
        }
        Object e = table.at(foundSlot);
        if (expired(e)) {
            deleteFound();
            keyspace.countExpired(this, e);
            return null;
        }
        if (touch) {
            touch(e, keyspace.lruClock());
        }
        return e;
    }

    /** True if the entry's expiry has passed (it is deleted when next looked up, or by the expiry cycle). */
    public boolean expired(Object e) {
        long at = expireAt(e);
        return at >= 0 && at <= keyspace.nowMillis();
    }

    private static void touch(Object e, int lru) {
        if (e instanceof byte[] r) {
            StringRecord.setLru(r, lru);
        } else {
            ((KeyEntry) e).lru = lru;
        }
    }

    /** Replaces the entry found by the last lookup with {@code e} (same key), keeping the expiry index right. */
    public void replaceFound(Object e) {
        Object old = table.at(foundSlot);
        table.set(foundSlot, e);
        boolean had = expireAt(old) >= 0;
        boolean has = expireAt(e) >= 0;
        if (had) {
            expires.removeAt(expires.findSame(foundHash, old));
        }
        if (has) {
            expires.insert(foundHash, e);
        }
    }

    /** Inserts {@code e} for the key the last lookup did not find. */
    public void insertFound(Object e) {
        foundSlot = table.insert(foundHash, e);
        if (expireAt(e) >= 0) {
            expires.insert(foundHash, e);
        }
        keyspace.keyCreated(this, e);
    }

    /** Deletes the entry found by the last lookup. */
    public void deleteFound() {
        Object old = table.at(foundSlot);
        if (expireAt(old) >= 0) {
            expires.removeAt(expires.findSame(foundHash, old));
        }
        table.removeAt(foundSlot);
        foundSlot = -1;
    }

    /** Sets {@code e} for its key whether or not it exists (the last lookup must have been for this key). */
    public void putFound(Object e) {
        if (foundSlot >= 0) {
            replaceFound(e);
        } else {
            insertFound(e);
        }
    }

    /** Deletes key argument {@code i}; true if it existed (and had not expired). */
    public boolean delete(Args a, int i) {
        if (peek(a, i) == null) {
            return false;
        }
        deleteFound();
        return true;
    }

    /** Deletes {@code key}; true if it existed (and had not expired). */
    public boolean delete(byte[] key) {
        if (peek(key) == null) {
            return false;
        }
        deleteFound();
        return true;
    }

    /** Stores {@code e} under the key it carries, replacing any entry of that key. */
    public void put(Object e) {
        peek(Keys.keyOf(e));
        putFound(e);
    }

    /** Sets the expiry of the entry found by the last lookup (-1 removes it). */
    public void setExpireFound(long at) {
        Object e = table.at(foundSlot);
        if (e instanceof byte[] r) {
            replaceFound(StringRecord.withExpiry(r, at));
        } else {
            KeyEntry k = (KeyEntry) e;
            boolean had = k.expireAt >= 0;
            k.expireAt = at;
            if (had && at < 0) {
                expires.removeAt(expires.findSame(foundHash, k));
            } else if (!had && at >= 0) {
                expires.insert(foundHash, k);
            }
        }
    }

    /** The expiry of an entry in unix milliseconds, or -1. */
    public static long expireAt(Object e) {
        return e instanceof byte[] r ? StringRecord.expireAt(r) : ((KeyEntry) e).expireAt;
    }

    /** Removes every key. */
    public void flush() {
        table = new KeyTable();
        expires = new KeyTable();
        foundSlot = -1;
    }

    /** Exchanges contents with {@code other} (SWAPDB). */
    void swapWith(Database other) {
        KeyTable t = table;
        table = other.table;
        other.table = t;
        KeyTable x = expires;
        expires = other.expires;
        other.expires = x;
        foundSlot = -1;
        other.foundSlot = -1;
    }

    /** One SCAN step: adds the live entries of the cursor's bucket to {@code out}; returns the next cursor. */
    public long scan(long cursor, List<Object> out) {
        List<Object> bucket = new ArrayList<>(4);
        long next = table.scan(cursor, bucket::add);
        long now = keyspace.nowMillis();
        for (Object e : bucket) {
            long at = expireAt(e);
            if (at < 0 || at > now) {
                out.add(e);
            }
        }
        return next;
    }

    /** A random live key's entry, or null; expired keys it meets on the way are deleted, as Redis does. */
    public Object randomEntry() {
        while (table.size() > 0) {
            Object e = table.random(random);
            if (!expired(e)) {
                return e;
            }
            peek(Keys.keyOf(e)); // deletes it, counting an expired key
        }
        return null;
    }

    /** Every entry now, expired or not (for KEYS, which skips the expired ones). */
    public Object[] snapshot() {
        return table.snapshot();
    }

    /**
     * The heap bytes entry {@code e} costs (MEMORY USAGE): its record, or its entry object, key array and value, plus
     * its share of the key table's arrays — and of the expiry index's, if it has an expiry. Sizes assume a 64-bit JVM
     * with compressed references: 16-byte array headers, 12-byte object headers, 4-byte references, 8-byte alignment.
     */
    public long memoryUsage(Object e, int samples) {
        long bytes;
        if (e instanceof byte[] r) {
            bytes = align(16 + r.length);
        } else {
            KeyEntry k = (KeyEntry) e;
            bytes = align(12 + 4 + 4 + 8 + 4)
                    + align(16 + k.key.length)
                    + ValueType.value(e).memoryUsage(samples);
        }
        bytes += share(table);
        if (expireAt(e) >= 0) {
            bytes += share(expires);
        }
        return bytes;
    }

    private static long share(KeyTable t) {
        return (t.slotBytes() + t.size() - 1) / Math.max(1, t.size());
    }

    private static long align(long n) {
        return (n + 7) & ~7L;
    }

    /**
     * Checks the next {@code samples} or so keys with an expiry and deletes the expired ones; returns how many were
     * deleted. Like Redis since 6.0, it walks the expiry index with a SCAN cursor rather than picking at random, so
     * every key is checked within one pass, and a pass visits at most {@code 20 * samples} buckets per call.
     */
    int expireSample(int samples, long now) {
        int deleted = 0;
        int checked = 0;
        List<Object> bucket = expireBucket;
        for (int visits = 0; checked < samples && visits < samples * 20 && expires.size() > 0; visits++) {
            bucket.clear();
            expireCursor = expires.scan(expireCursor, bucket::add);
            for (Object e : bucket) {
                checked++;
                long at = expireAt(e);
                if (at >= 0 && at <= now && peek(Keys.keyOf(e)) == null) {
                    deleted++; // the lookup deleted it as expired
                }
            }
        }
        return deleted;
    }
}
