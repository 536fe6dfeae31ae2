package dev.petrel.redis;

/**
 * The Redis door's settings. The door is started with these, and CONFIG SET changes the same fields at run time (on
 * the door's loop thread), so code that reads a field sees the live value. Which parameters CONFIG reaches, and how a
 * change is applied, is the table in {@code command.server.ConfigParams}.
 */
public final class RedisConfig {
    public String bind = "127.0.0.1";
    /** 0 picks a free port (embedded use and tests). */
    public int port = 6379;

    public String requirepass = "";
    public int databases = 16;
    public long protoMaxBulkLen = 512L * 1024 * 1024;
    public int hz = 10;
    public int maxclients = 10000;
    public String dir = "./data";
    /** Bytes; 0 means no limit. */
    public long maxmemory;

    public String maxmemoryPolicy = "noeviction";
    /** The event classes, in Redis's canonical spelling (empty: notifications off). */
    public String notifyKeyspaceEvents = "";
    /** Per client class: hard limit, soft limit, soft seconds (pubsub clients are closed past them). */
    public String clientOutputBufferLimit = dev.petrel.redis.pubsub.OutputLimits.DEFAULT;

    /** Seconds a client may stay idle before it is closed; 0 means never. */
    public int timeout;

    public String appendfsync = "everysec";
    /** Node size of lists: negative for 4..64 KiB (-1..-5), positive for a number of entries. */
    public int listMaxListpackSize = -2;
    /** A hash converts from listpack to hashtable past this many fields, or a field or value past this length. */
    public long hashMaxListpackEntries = 512;

    public long hashMaxListpackValue = 64;

    /** A set of integers converts from intset to hashtable past this many members. */
    public long setMaxIntsetEntries = 512;

    /** A sorted set converts from listpack to skiplist past this many members, or a member past this length. */
    public long zsetMaxListpackEntries = 128;

    public long zsetMaxListpackValue = 64;

    public RedisConfig bind(String address) {
        bind = address;
        return this;
    }

    public RedisConfig port(int p) {
        port = p;
        return this;
    }

    public RedisConfig requirepass(String password) {
        requirepass = password;
        return this;
    }

    public RedisConfig dir(String path) {
        dir = path;
        return this;
    }
}
