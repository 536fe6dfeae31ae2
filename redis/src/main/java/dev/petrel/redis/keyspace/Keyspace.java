package dev.petrel.redis.keyspace;

import dev.petrel.reactor.Clock;

/**
 * The numbered databases and what they share: the clock, the LRU clock, and the keyspace statistics INFO reports.
 */
public final class Keyspace {
    private final Database[] dbs;
    private final Clock clock;
    private boolean touching = true;
    private long hits;
    private long misses;
    private long expiredKeys;
    private ExpiryListener expiryListener;
    private CreationListener creationListener;

    /** Hears of each key added to a database (Redis's dbAdd: the "new" event, waking clients blocked on it). */
    public interface CreationListener {
        void created(Database db, Object entry);
    }

    /** Hears of each key deleted because its time had come (the "expired" keyspace event). */
    public interface ExpiryListener {
        void expired(Database db, Object entry);
    }

    public Keyspace(int databases, Clock clock) {
        this.clock = clock;
        dbs = new Database[databases];
        for (int i = 0; i < databases; i++) {
            dbs[i] = new Database(this, i);
        }
    }

    public Database db(int i) {
        return dbs[i];
    }

    public int count() {
        return dbs.length;
    }

    public long nowMillis() {
        return clock.currentTimeMillis();
    }

    /** Redis's LRU clock: seconds, 24 bits. */
    public int lruClock() {
        return (int) ((clock.currentTimeMillis() / 1000) & 0xFFFFFF);
    }

    /** Seconds since an entry's LRU clock, as OBJECT IDLETIME reports. */
    public long idleSeconds(int lru) {
        int now = lruClock();
        return now >= lru ? now - lru : (0xFFFFFF - lru) + now;
    }

    /** Whether lookups update the LRU clock of what they find (off for CLIENT NO-TOUCH and OBJECT). */
    public boolean touching() {
        return touching;
    }

    public void setTouching(boolean on) {
        touching = on;
    }

    void countLookup(boolean hit) {
        if (hit) {
            hits++;
        } else {
            misses++;
        }
    }

    void countExpired(Database db, Object entry) {
        expiredKeys++;
        if (expiryListener != null) {
            expiryListener.expired(db, entry);
        }
    }

    public void onExpired(ExpiryListener l) {
        expiryListener = l;
    }

    public void onCreated(CreationListener l) {
        creationListener = l;
    }

    void keyCreated(Database db, Object entry) {
        if (creationListener != null) {
            creationListener.created(db, entry);
        }
    }

    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }

    public long expiredKeys() {
        return expiredKeys;
    }

    public void resetStats() {
        hits = misses = expiredKeys = 0;
    }

    public void swap(int a, int b) {
        dbs[a].swapWith(dbs[b]);
    }

    public void flushAll() {
        for (Database d : dbs) {
            d.flush();
        }
    }
}
