package dev.petrel.redis.command;

import java.util.Locale;

/** Command flags, as COMMAND INFO reports them. */
public enum Flag {
    WRITE,
    READONLY,
    DENYOOM,
    ADMIN,
    PUBSUB,
    NOSCRIPT,
    BLOCKING,
    LOADING,
    STALE,
    SKIP_MONITOR,
    SKIP_SLOWLOG,
    FAST,
    NO_AUTH,
    MAY_REPLICATE,
    NO_MULTI,
    MOVABLE_KEYS,
    ALLOW_BUSY;

    /** The name Redis prints, e.g. {@code no_auth}. */
    public String redisName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
