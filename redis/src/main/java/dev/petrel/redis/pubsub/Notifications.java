package dev.petrel.redis.pubsub;

/**
 * Keyspace notifications (Redis's notify-keyspace-events): every command that changes a key reports it here, with its
 * class and event name, exactly where Redis would ({@code "set"}, {@code "del"}, {@code "expired"}, {@code "lpush"},
 * {@code "hset"}...). What is published, on {@code __keyspace@<db>__:<key>} and {@code __keyevent@<db>__:<event>},
 * depends on the configured classes.
 */
public final class Notifications {
    /** The classes of events, as the letters of notify-keyspace-events name them. */
    public static final int GENERIC = 1 << 2; // g

    public static final int STRING = 1 << 3; // $
    public static final int LIST = 1 << 4; // l
    public static final int SET = 1 << 5; // s
    public static final int HASH = 1 << 6; // h
    public static final int ZSET = 1 << 7; // z
    public static final int EXPIRED = 1 << 8; // x
    public static final int EVICTED = 1 << 9; // e
    public static final int STREAM = 1 << 10; // t
    public static final int KEY_MISS = 1 << 11; // m
    public static final int NEW = 1 << 13; // n

    /** Reports that {@code event} of class {@code type} happened to {@code key} in database {@code db}. */
    public void keyspaceEvent(int type, String event, byte[] key, int db) {
        // publishing comes with the pub/sub family
    }
}
