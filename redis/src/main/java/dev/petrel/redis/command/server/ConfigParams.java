package dev.petrel.redis.command.server;

import dev.petrel.redis.RedisConfig;
import dev.petrel.redis.RedisInstance;
import dev.petrel.redis.pubsub.Notifications;
import dev.petrel.redis.pubsub.OutputLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The parameters CONFIG GET and SET reach: one line each, with its type (which parses and checks a new value in
 * Redis's words), how its value is read from {@link RedisConfig}, and how a new value is applied (null: immutable).
 * Only parameters Petrel acts on are here, plus {@code save}, {@code appendonly} and {@code appendfsync}, which
 * clients and test harnesses read; they hold the fixed values that are true of Petrel (no snapshots, no AOF).
 *
 * <p>CONFIG SET is all or nothing: every value is parsed and checked before any is applied, and applying cannot fail.
 */
final class ConfigParams {
    /** One parameter. {@code apply} takes the value as {@link ParamType#check} normalised it. */
    record Param(
            String name,
            List<String> aliases,
            ParamType type,
            String defaultValue,
            Function<RedisConfig, String> get,
            BiConsumer<RedisInstance, String> apply) {

        boolean mutable() {
            return apply != null;
        }
    }

    static final String IMMUTABLE = "can't set immutable config";
    static final String PROTECTED = "can't set protected config";

    static final List<Param> ALL = List.of(
            p("bind", ParamType.STRING, "127.0.0.1", c -> c.bind, null),
            p("port", ParamType.integer(0, 65535), "6379", c -> Integer.toString(c.port), null),
            p("databases", ParamType.integer(1, Integer.MAX_VALUE), "16", c -> Integer.toString(c.databases), null),
            p("requirepass", ParamType.STRING, "", c -> c.requirepass, (s, v) -> s.config().requirepass = v),
            p(
                    "proto-max-bulk-len",
                    ParamType.memory(1024 * 1024, Long.MAX_VALUE),
                    "536870912",
                    c -> Long.toString(c.protoMaxBulkLen),
                    (s, v) -> s.config().protoMaxBulkLen = Long.parseLong(v)),
            p("hz", ParamType.HZ, "10", c -> Integer.toString(c.hz), (s, v) -> {
                s.config().hz = Integer.parseInt(v);
                s.hzChanged();
            }),
            p(
                    "maxclients",
                    ParamType.integer(1, 4294967295L),
                    "10000",
                    c -> Integer.toString(c.maxclients),
                    (s, v) -> s.config().maxclients = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(v))),
            p(
                    "maxmemory",
                    ParamType.memory(0, Long.MAX_VALUE),
                    "0",
                    c -> Long.toString(c.maxmemory),
                    (s, v) -> s.config().maxmemory = Long.parseLong(v)),
            p(
                    "maxmemory-policy",
                    ParamType.oneOf(
                            "volatile-lru",
                            "volatile-lfu",
                            "volatile-random",
                            "volatile-ttl",
                            "allkeys-lru",
                            "allkeys-lfu",
                            "allkeys-random",
                            "noeviction"),
                    "noeviction",
                    c -> c.maxmemoryPolicy,
                    (s, v) -> s.config().maxmemoryPolicy = v),
            p(
                    "notify-keyspace-events",
                    v -> Notifications.keepNew(v, ParamType.NOTIFY.check(v)),
                    "",
                    c -> Notifications.display(c.notifyKeyspaceEvents),
                    (s, v) -> s.config().notifyKeyspaceEvents = v),
            p(
                    "client-output-buffer-limit",
                    v -> {
                        try {
                            OutputLimits.parse(v); // the classes it names change; apply merges them
                            return v;
                        } catch (IllegalArgumentException e) {
                            throw new ParamType.Invalid(e.getMessage());
                        }
                    },
                    OutputLimits.DEFAULT,
                    c -> c.clientOutputBufferLimit,
                    (s, v) -> s.config().clientOutputBufferLimit =
                            OutputLimits.merge(s.config().clientOutputBufferLimit, v)),
            p(
                    "timeout",
                    ParamType.integer(0, Integer.MAX_VALUE),
                    "0",
                    c -> Integer.toString(c.timeout),
                    (s, v) -> s.config().timeout = Integer.parseInt(v)),
            p(
                    "dir",
                    ParamType.PROTECTED,
                    "./data",
                    c -> Path.of(c.dir).toAbsolutePath().normalize().toString(),
                    null),
            new Param(
                    "hash-max-listpack-entries",
                    List.of("hash-max-ziplist-entries"),
                    ParamType.integer(0, Long.MAX_VALUE),
                    "512",
                    c -> Long.toString(c.hashMaxListpackEntries),
                    (s, v) -> s.config().hashMaxListpackEntries = Long.parseLong(v)),
            new Param(
                    "hash-max-listpack-value",
                    List.of("hash-max-ziplist-value"),
                    ParamType.memory(0, Long.MAX_VALUE),
                    "64",
                    c -> Long.toString(c.hashMaxListpackValue),
                    (s, v) -> s.config().hashMaxListpackValue = Long.parseLong(v)),
            p(
                    "set-max-intset-entries",
                    ParamType.integer(0, Long.MAX_VALUE),
                    "512",
                    c -> Long.toString(c.setMaxIntsetEntries),
                    (s, v) -> s.config().setMaxIntsetEntries = Long.parseLong(v)),
            new Param(
                    "zset-max-listpack-entries",
                    List.of("zset-max-ziplist-entries"),
                    ParamType.integer(0, Long.MAX_VALUE),
                    "128",
                    c -> Long.toString(c.zsetMaxListpackEntries),
                    (s, v) -> s.config().zsetMaxListpackEntries = Long.parseLong(v)),
            new Param(
                    "zset-max-listpack-value",
                    List.of("zset-max-ziplist-value"),
                    ParamType.memory(0, Long.MAX_VALUE),
                    "64",
                    c -> Long.toString(c.zsetMaxListpackValue),
                    (s, v) -> s.config().zsetMaxListpackValue = Long.parseLong(v)),
            new Param(
                    "list-max-listpack-size",
                    List.of("list-max-ziplist-size"),
                    ParamType.integer(Integer.MIN_VALUE, Integer.MAX_VALUE),
                    "-2",
                    c -> Integer.toString(c.listMaxListpackSize),
                    (s, v) -> s.config().listMaxListpackSize = Integer.parseInt(v)),
            p("save", ParamType.SAVE, "", c -> "", (s, v) -> {}),
            p("appendonly", ParamType.ONLY_NO, "no", c -> "no", (s, v) -> {}),
            p(
                    "appendfsync",
                    ParamType.oneOf("everysec", "always", "no"),
                    "everysec",
                    c -> c.appendfsync,
                    (s, v) -> s.config().appendfsync = v));

    private ConfigParams() {}

    private static Param p(
            String name,
            ParamType type,
            String dflt,
            Function<RedisConfig, String> get,
            BiConsumer<RedisInstance, String> apply) {
        return new Param(name, List.of(), type, dflt, get, apply);
    }

    /** The parameter called {@code name} (or one of its aliases), any case; null if none. */
    static Param find(String name) {
        for (Param p : ALL) {
            if (p.name.equalsIgnoreCase(name) || p.aliases.stream().anyMatch(name::equalsIgnoreCase)) {
                return p;
            }
        }
        return null;
    }
}
