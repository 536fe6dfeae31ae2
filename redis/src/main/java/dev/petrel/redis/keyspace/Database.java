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

    /** Keys with an expiry. */
    public int expiresCount() {
        return expires.size();
    }

    /** The entry for key argument {@code i} — a string record ({@code byte[]}) or a {@link KeyEntry} — or null. */
    public Object lookup(Args a, int i) {
        foundHash = Keys.hash(a, i);
        foundSlot = table.find(foundHash, a, i);
        return live();
    }

    /** As {@link #lookup(Args, int)}, for a key held as bytes. */
    public Object lookup(byte[] key) {
        foundHash = Keys.hash(key);
        foundSlot = table.find(foundHash, key);
        return live();
    }

    /** As {@link #lookup(Args, int)}, counting a keyspace hit or miss (read commands). */
    public Object lookupRead(Args a, int i) {
        Object e = lookup(a, i);
        keyspace.countLookup(e != null);
        return e;
    }

    private Object live() {
        if (foundSlot < 0) {
            return null;
        }
        Object e = table.at(foundSlot);
        long at = expireAt(e);
        if (at >= 0 && at <= keyspace.nowMillis()) {
            deleteFound();
            keyspace.countExpired(this, e);
            foundSlot = -1;
            return null;
        }
        if (keyspace.touching()) {
            touch(e, keyspace.lruClock());
        }
        return e;
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
        if (lookup(a, i) == null) {
            return false;
        }
        deleteFound();
        return true;
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

    /** A random live key's entry, or null. */
    public Object randomEntry() {
        for (int tries = 0; tries < 100 && table.size() > 0; tries++) {
            Object e = table.random(random);
            byte[] key = Keys.keyOf(e);
            if (lookup(key) != null) {
                return e;
            }
        }
        return table.size() > 0 ? table.random(random) : null;
    }

    /** Every live entry now (for KEYS). */
    public Object[] snapshot() {
        return table.snapshot();
    }

    /**
     * Samples up to {@code samples} keys with an expiry and deletes the expired ones; returns how many were deleted.
     */
    int expireSample(int samples, long now) {
        int deleted = 0;
        for (int i = 0; i < samples && expires.size() > 0; i++) {
            Object e = expires.random(random);
            long at = expireAt(e);
            if (at >= 0 && at <= now) {
                if (lookup(Keys.keyOf(e)) == null) {
                    deleted++; // lookup deleted it as expired
                }
            }
        }
        return deleted;
    }
}
