package dev.petrel.redis.command.keys;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.LOADING;
import static dev.petrel.redis.command.Flag.READONLY;
import static dev.petrel.redis.command.Flag.STALE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.StringRecord;
import dev.petrel.redis.keyspace.ValueType;
import java.util.Locale;

/**
 * Introspection of one key: OBJECT ENCODING|REFCOUNT|IDLETIME|FREQ|HELP and MEMORY USAGE|HELP. None of them counts
 * as an access: the key's LRU clock is left alone, so OBJECT IDLETIME can be asked twice.
 */
final class ObjectCommands {
    /** Redis shares the objects of the integers 0..9999, and reports such a value's refcount as INT_MAX. */
    private static final long SHARED_INTEGERS = 10_000;

    private ObjectCommands() {}

    static void register(CommandTable t) {
        t.add(spec("OBJECT")
                .arity(-2)
                .since("2.2.3")
                .summary("A container for object introspection commands")
                .sub(
                        keySub("ENCODING", "2.2.3", "Inspect the internal encoding of a Redis object"),
                        ObjectCommands::encoding)
                .sub(
                        keySub("REFCOUNT", "2.2.3", "Get the number of references to the value of the key"),
                        ObjectCommands::refcount)
                .sub(
                        keySub("IDLETIME", "2.2.3", "Get the time since a Redis object was last accessed"),
                        ObjectCommands::idletime)
                .sub(
                        keySub("FREQ", "4.0.0", "Get the logarithmic access frequency counter of a Redis object"),
                        ObjectCommands::freq)
                .sub(helpSub("6.2.0"), ObjectCommands::objectHelp));
        t.add(spec("MEMORY")
                .arity(-2)
                .group("server")
                .since("4.0.0")
                .summary("A container for memory diagnostics commands")
                .sub(
                        spec("USAGE")
                                .arity(-3)
                                .flags(READONLY)
                                .keys(2, 2, 1)
                                .since("4.0.0")
                                .summary("Estimate the memory usage of a key")
                                .syntax("key [SAMPLES count]"),
                        ObjectCommands::usage)
                .sub(helpSub("4.0.0"), ObjectCommands::memoryHelp));
    }

    private static dev.petrel.redis.command.CommandSpec keySub(String name, String since, String summary) {
        return spec(name)
                .arity(3)
                .flags(READONLY)
                .keys(2, 2, 1)
                .since(since)
                .summary(summary)
                .syntax("key");
    }

    private static dev.petrel.redis.command.CommandSpec helpSub(String since) {
        return spec("HELP")
                .arity(2)
                .flags(LOADING, STALE)
                .since(since)
                .summary("Show helpful text about the different subcommands");
    }

    /** The key of OBJECT's subcommands, without touching it; replies null and returns null when it is missing. */
    private static Object find(CommandContext c) {
        Object e = c.db().peekRead(c.args, 2);
        if (e == null) {
            c.reply.nullBulk();
        }
        return e;
    }

    /** OBJECT ENCODING key */
    static void encoding(CommandContext c) {
        Object e = find(c);
        if (e != null) {
            c.reply.bulk(ValueType.encodingOf(e));
        }
    }

    /** OBJECT REFCOUNT key: Petrel shares no values, but reports Redis's shared small integers as Redis does. */
    static void refcount(CommandContext c) {
        Object e = find(c);
        if (e != null) {
            c.reply.integer(sharedInteger(e) ? Integer.MAX_VALUE : 1);
        }
    }

    private static boolean sharedInteger(Object e) {
        if (!(e instanceof byte[] r) || StringRecord.encoding(r) != StringRecord.ENC_INT) {
            return false;
        }
        int off = StringRecord.valueOffset(r);
        int len = StringRecord.valueLength(r);
        if (len > 4 || r[off] == '-') {
            return false;
        }
        long v = 0;
        for (int i = off; i < off + len; i++) {
            v = v * 10 + (r[i] - '0');
        }
        return v < SHARED_INTEGERS;
    }

    /** OBJECT IDLETIME key: seconds since the key was last used. */
    static void idletime(CommandContext c) {
        Object e = find(c);
        if (e == null) {
            return;
        }
        if (lfu(c)) {
            c.reply.error(Errors.LFU_SELECTED);
            return;
        }
        int lru = e instanceof byte[] r ? StringRecord.lru(r) : ((KeyEntry) e).lru;
        c.reply.integer(c.server.keyspace().idleSeconds(lru));
    }

    /**
     * OBJECT FREQ key. Under an LFU policy Petrel, which keeps no access counter yet, reports the counter Redis gives
     * a new key.
     */
    static void freq(CommandContext c) {
        Object e = find(c);
        if (e == null) {
            return;
        }
        if (!lfu(c)) {
            c.reply.error(Errors.LFU_NOT_SELECTED);
            return;
        }
        c.reply.integer(5);
    }

    private static boolean lfu(CommandContext c) {
        return c.server.config().maxmemoryPolicy.toLowerCase(Locale.ROOT).endsWith("-lfu");
    }

    /** MEMORY USAGE key [SAMPLES count] */
    static void usage(CommandContext c) {
        long samples = 5;
        for (int i = 3; i < c.argc(); i++) {
            if (c.args.is(i, "SAMPLES") && i + 1 < c.argc()) {
                if (!c.args.isLong(++i)) {
                    c.reply.error(Errors.NOT_INTEGER);
                    return;
                }
                samples = c.args.longValue(i);
                if (samples < 0) {
                    c.reply.error(Errors.SYNTAX);
                    return;
                }
            } else {
                c.reply.error(Errors.SYNTAX);
                return;
            }
        }
        Object e = c.db().peek(c.args, 2);
        if (e == null) {
            c.reply.nullBulk();
            return;
        }
        c.reply.integer(c.db().memoryUsage(e, (int) Math.min(samples, Integer.MAX_VALUE)));
    }

    static void objectHelp(CommandContext c) {
        help(
                c,
                "ENCODING <key>",
                "    Return the kind of internal representation used in order to store the value",
                "    associated with a <key>.",
                "FREQ <key>",
                "    Return the access frequency index of the <key>. The returned integer is",
                "    proportional to the logarithm of the recent access frequency of the key.",
                "IDLETIME <key>",
                "    Return the idle time of the <key>, that is the approximated number of",
                "    seconds elapsed since the last access to the key.",
                "REFCOUNT <key>",
                "    Return the number of references of the value associated with the specified",
                "    <key>.");
    }

    static void memoryHelp(CommandContext c) {
        help(
                c,
                "USAGE <key> [SAMPLES <count>]",
                "    Return memory in bytes used by <key> and its value. Nested values are",
                "    sampled up to <count> times (default: 5, 0 means sample all).");
    }

    /** Redis's help reply: a header naming the command as typed, the lines, then HELP itself; all simple strings. */
    private static void help(CommandContext c, String... lines) {
        c.reply.array(lines.length + 3);
        c.reply.simple(c.args.string(0).toUpperCase(Locale.ROOT)
                + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        for (String line : lines) {
            c.reply.simple(line);
        }
        c.reply.simple("HELP");
        c.reply.simple("    Prints this help.");
    }
}
