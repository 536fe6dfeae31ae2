package dev.petrel.redis.command.server;

import dev.petrel.redis.command.CommandSpec;
import dev.petrel.redis.command.Flag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's ACL categories, derived as Redis assigns them: from its flags ({@code write} gives {@code @write},
 * {@code readonly} {@code @read}, {@code admin} {@code @admin} and {@code @dangerous}, {@code fast} {@code @fast} and
 * otherwise {@code @slow}, {@code blocking}, {@code pubsub}), from its group ({@code generic} is {@code @keyspace},
 * {@code string} {@code @string}...), plus the few Redis marks by hand ({@code @dangerous} on FLUSHALL, KEYS...).
 * Listed in Redis's category order.
 */
final class AclCategories {
    /** Redis's categories in the order it prints them. */
    static final List<String> ORDER = List.of(
            "keyspace",
            "read",
            "write",
            "set",
            "sortedset",
            "list",
            "hash",
            "string",
            "bitmap",
            "hyperloglog",
            "geo",
            "stream",
            "pubsub",
            "admin",
            "fast",
            "slow",
            "blocking",
            "dangerous",
            "connection",
            "transaction",
            "scripting");

    private static final Map<String, String> BY_GROUP = Map.ofEntries(
            Map.entry("generic", "keyspace"),
            Map.entry("string", "string"),
            Map.entry("bitmap", "bitmap"),
            Map.entry("list", "list"),
            Map.entry("hash", "hash"),
            Map.entry("set", "set"),
            Map.entry("sorted-set", "sortedset"),
            Map.entry("stream", "stream"),
            Map.entry("hyperloglog", "hyperloglog"),
            Map.entry("geo", "geo"),
            Map.entry("connection", "connection"),
            Map.entry("transactions", "transaction"),
            Map.entry("scripting", "scripting"));

    /** Categories Redis gives these commands beyond what their flags and group say. */
    private static final Map<String, List<String>> EXTRA = Map.ofEntries(
            Map.entry("flushdb", List.of("keyspace", "dangerous")),
            Map.entry("flushall", List.of("keyspace", "dangerous")),
            Map.entry("dbsize", List.of("keyspace")),
            Map.entry("swapdb", List.of("keyspace", "dangerous")),
            Map.entry("keys", List.of("dangerous")),
            Map.entry("sort", List.of("dangerous")),
            Map.entry("sort_ro", List.of("dangerous")),
            Map.entry("migrate", List.of("dangerous")),
            Map.entry("restore", List.of("dangerous")),
            Map.entry("restore-asking", List.of("dangerous")),
            Map.entry("info", List.of("dangerous")),
            Map.entry("lastsave", List.of("admin", "dangerous")),
            Map.entry("role", List.of("admin", "dangerous")),
            Map.entry("command", List.of("connection")));

    private AclCategories() {}

    /** The categories of {@code spec}, without the {@code @}. */
    static List<String> of(CommandSpec spec) {
        Set<String> has = new java.util.HashSet<>();
        Set<Flag> f = spec.flags();
        if (f.contains(Flag.WRITE)) {
            has.add("write");
        }
        if (f.contains(Flag.READONLY)) {
            has.add("read");
        }
        if (f.contains(Flag.ADMIN)) {
            has.add("admin");
            has.add("dangerous");
        }
        if (f.contains(Flag.PUBSUB)) {
            has.add("pubsub");
        }
        if (f.contains(Flag.BLOCKING)) {
            has.add("blocking");
        }
        has.add(f.contains(Flag.FAST) ? "fast" : "slow");
        String group = spec.isContainer() ? null : BY_GROUP.get(spec.group());
        if (group != null) {
            has.add(group);
        }
        has.addAll(EXTRA.getOrDefault(spec.fullName(), List.of()));
        if (spec.parent() != null && spec.parent().name().equals("COMMAND")) {
            has.add("connection");
        }
        List<String> out = new ArrayList<>();
        for (String c : ORDER) {
            if (has.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
