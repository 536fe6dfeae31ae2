package dev.petrel.redis.pubsub;

import dev.petrel.redis.RedisInstance;
import dev.petrel.redis.keyspace.Keys;
import dev.petrel.redis.resp.Args;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Keyspace notifications (Redis's notify-keyspace-events): every command that changes a key reports it here, with its
 * class and event name, exactly where Redis would ({@code "set"}, {@code "del"}, {@code "expired"}, {@code "lpush"},
 * {@code "hset"}...). What is published, on {@code __keyspace@<db>__:<key>} and {@code __keyevent@<db>__:<event>},
 * depends on the configured classes.
 *
 * <p>Also the way to the door's {@link PubSub} hub. The hub learns the server at the first subscribe ({@link
 * #bind}): until someone subscribes nothing can be delivered, so an event costs one test and allocates nothing.
 */
public final class Notifications {
    /** The classes of events, as the letters of notify-keyspace-events name them. */
    public static final int KEYSPACE = 1; // K

    public static final int KEYEVENT = 1 << 1; // E
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
    public static final int MODULE = 1 << 12; // d
    public static final int NEW = 1 << 13; // n

    private static final String LETTERS = "KEg$lshzxetmdn";
    private static final int ALL = GENERIC | STRING | LIST | SET | HASH | ZSET | EXPIRED | EVICTED | STREAM | MODULE;
    private static final byte[] KEYSPACE_PREFIX = ascii("__keyspace@");
    private static final byte[] KEYEVENT_PREFIX = ascii("__keyevent@");

    private final PubSub pubsub = new PubSub();
    private RedisInstance server;
    private String flagsLine;
    private int flags;
    private final Map<String, byte[]> eventNames = new HashMap<>();
    private byte[] channel = new byte[128];
    private byte[] keyScratch = new byte[64];

    /** The hub of channels and patterns. */
    public PubSub pubsub() {
        return pubsub;
    }

    /** Attaches the server (its configuration, clock and keyspace); idempotent. */
    public void bind(RedisInstance s) {
        if (server == null) {
            server = s;
            pubsub.bind(s);
            s.keyspace().onExpired((db, entry) -> {
                if (wants(EXPIRED)) {
                    keyspaceEvent(EXPIRED, "expired", Keys.keyOf(entry), db.index());
                }
            });
        }
    }

    /** Reports that {@code event} of class {@code type} happened to {@code key} in database {@code db}. */
    public void keyspaceEvent(int type, String event, byte[] key, int db) {
        if (wants(type)) {
            publish(type, event, key, key.length, db);
        }
    }

    /** The same, for the key in argument {@code i} of a request (copied only when the event is published). */
    public void keyspaceEvent(int type, String event, Args a, int i, int db) {
        if (wants(type)) {
            int n = a.length(i);
            if (keyScratch.length < n) {
                keyScratch = new byte[Math.max(n, keyScratch.length * 2)];
            }
            a.copyTo(i, keyScratch, 0);
            publish(type, event, keyScratch, n, db);
        }
    }

    /** Whether an event of class {@code type} would be published now. */
    public boolean wants(int type) {
        if (server == null || pubsub.idle()) {
            return false;
        }
        String line = server.config().notifyKeyspaceEvents;
        if (line != flagsLine) {
            flags = parse(line);
            flagsLine = line;
        }
        return (flags & type) != 0 && (flags & (KEYSPACE | KEYEVENT)) != 0;
    }

    private void publish(int type, String event, byte[] key, int keyLen, int db) {
        byte[] name = eventNames.computeIfAbsent(event, Notifications::ascii);
        if ((flags & KEYSPACE) != 0) {
            int n = prefix(KEYSPACE_PREFIX, db);
            n = append(n, key, keyLen);
            pubsub.publish(channel, 0, n, name);
        }
        if ((flags & KEYEVENT) != 0) {
            int n = prefix(KEYEVENT_PREFIX, db);
            n = append(n, name, name.length);
            byte[] message = key.length == keyLen ? key : java.util.Arrays.copyOf(key, keyLen);
            pubsub.publish(channel, 0, n, message);
        }
    }

    /** Writes {@code __keyspace@<db>__:} into the channel buffer; its length. */
    private int prefix(byte[] start, int db) {
        int n = append(0, start, start.length);
        byte[] digits = ascii(Integer.toString(db));
        n = append(n, digits, digits.length);
        return append(n, DB_END, DB_END.length);
    }

    private static final byte[] DB_END = ascii("__:");

    private int append(int at, byte[] b, int n) {
        if (channel.length < at + n) {
            channel = java.util.Arrays.copyOf(channel, Math.max(at + n, channel.length * 2));
        }
        System.arraycopy(b, 0, channel, at, n);
        return at + n;
    }

    /** The class bits of a notify-keyspace-events value ('A' is every class but m and n). */
    static int parse(String line) {
        int f = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == 'A') {
                f |= ALL;
            } else if (LETTERS.indexOf(c) >= 0) {
                f |= 1 << LETTERS.indexOf(c);
            }
        }
        return f;
    }

    /**
     * notify-keyspace-events as it is kept: the canonical classes of {@code raw}, plus {@code n} when {@code 'A'}
     * hides it (Redis keeps the new-key class on though CONFIG GET does not show it).
     */
    public static String keepNew(String raw, String canonical) {
        return canonical.startsWith("A") && raw.indexOf('n') >= 0 ? canonical + "n" : canonical;
    }

    /** notify-keyspace-events as CONFIG GET shows it. */
    public static String display(String kept) {
        return kept.startsWith("A") ? kept.replace("n", "") : kept;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
