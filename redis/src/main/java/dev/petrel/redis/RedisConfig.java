package dev.petrel.redis;

/**
 * The settings the Redis door starts with. Parameters that CONFIG GET/SET reach at run time live in the instance's
 * configuration table, seeded from these.
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
