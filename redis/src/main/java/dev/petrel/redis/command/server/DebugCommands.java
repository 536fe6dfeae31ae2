package dev.petrel.redis.command.server;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.ADMIN;
import static dev.petrel.redis.command.Flag.LOADING;
import static dev.petrel.redis.command.Flag.NOSCRIPT;
import static dev.petrel.redis.command.Flag.STALE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.StringRecord;
import dev.petrel.redis.keyspace.Keyspace;
import dev.petrel.redis.keyspace.ValueType;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

/**
 * DEBUG SLEEP, OBJECT, SET-ACTIVE-EXPIRE, LOG and HELP. As in Redis, DEBUG is one command that reads its own
 * subcommand (COMMAND INFO lists no subcommands for it), and a wrong word or argument count gets one combined error.
 */
final class DebugCommands {
    private static final System.Logger LOG = System.getLogger(DebugCommands.class.getName());

    private DebugCommands() {}

    static void register(CommandTable t) {
        t.add(
                spec("DEBUG")
                        .arity(-2)
                        .flags(ADMIN, NOSCRIPT, LOADING, STALE)
                        .group("server")
                        .since("1.0.0")
                        .summary("A container for debugging commands")
                        .complexity("Depends on subcommand."),
                DebugCommands::debug);
    }

    /** DEBUG subcommand [arg ...] */
    static void debug(CommandContext c) {
        int argc = c.argc();
        if (c.args.is(1, "HELP") && argc == 2) {
            help(c);
        } else if (c.args.is(1, "SLEEP") && argc == 3) {
            sleep(c);
        } else if (c.args.is(1, "OBJECT") && argc == 3) {
            object(c);
        } else if (c.args.is(1, "SET-ACTIVE-EXPIRE") && argc == 3) {
            // Redis reads the flag with atoi: anything but a number that is not 0 turns it off
            c.server.setActiveExpire(c.args.isLong(2) && c.args.longValue(2) != 0);
            c.reply.ok();
        } else if (c.args.is(1, "LOG") && argc == 3) {
            LOG.log(Level.WARNING, "DEBUG LOG: " + c.args.string(2));
            c.reply.ok();
        } else {
            c.reply.error("ERR unknown subcommand or wrong number of arguments for '" + c.args.string(1)
                    + "'. Try DEBUG HELP.");
        }
    }

    /** DEBUG SLEEP seconds: holds the loop, and so every client, as Redis does; a bad number is 0. */
    private static void sleep(CommandContext c) {
        double seconds;
        try {
            seconds = Double.parseDouble(c.args.string(2));
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (seconds > 0) {
            try {
                Thread.sleep((long) (seconds * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        c.reply.ok();
    }

    /** DEBUG OBJECT key: Redis's one line, read without touching the key's LRU clock. */
    private static void object(CommandContext c) {
        Keyspace ks = c.server.keyspace();
        boolean touching = ks.touching();
        ks.setTouching(false);
        Object e = c.db().lookup(c.args, 2);
        ks.setTouching(touching);
        if (e == null) {
            c.reply.error(Errors.NO_SUCH_KEY);
            return;
        }
        int lru = e instanceof byte[] r ? StringRecord.lru(r) : ((KeyEntry) e).lru;
        c.reply.simple("Value at:0x" + Integer.toHexString(System.identityHashCode(e)) + " refcount:1 encoding:"
                + ValueType.encodingOf(e) + " serializedlength:" + serializedLength(e) + " lru:" + lru
                + " lru_seconds_idle:" + ks.idleSeconds(lru));
    }

    /**
     * The bytes the value would take in an RDB file: an integer in 1, 2 or 4 bytes when it fits, else a length
     * prefix and the bytes (Petrel does not LZF-compress, so a long compressible string counts in full). For other
     * types, the heap estimate stands in until Petrel writes RDB.
     */
    static long serializedLength(Object e) {
        if (!(e instanceof byte[] r)) {
            return ValueType.value(e).memoryUsage(0);
        }
        int len = StringRecord.valueLength(r);
        int off = StringRecord.valueOffset(r);
        if (StringRecord.encoding(r) == StringRecord.ENC_INT || len <= 11) {
            Long v = parseInt(r, off, len);
            if (v != null && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                return v >= -128 && v <= 127 ? 2 : v >= -32768 && v <= 32767 ? 3 : 5;
            }
        }
        return (len < 64 ? 1 : len < 16384 ? 2 : 5) + len;
    }

    private static Long parseInt(byte[] r, int off, int len) {
        try {
            String s = new String(r, off, len, StandardCharsets.US_ASCII);
            long v = Long.parseLong(s);
            return Long.toString(v).equals(s) ? v : null;
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static void help(CommandContext c) {
        Help.reply(
                c,
                "DEBUG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "LOG <message>",
                "    Write <message> to the server log.",
                "OBJECT <key>",
                "    Show low level info about `key` and associated value.",
                "SET-ACTIVE-EXPIRE <0|1>",
                "    Setting it to 0 disables expiring keys in background when they are not",
                "    accessed (otherwise the Redis behavior). Setting it to 1 reenables back the",
                "    default.",
                "SLEEP <seconds>",
                "    Stop the server for <seconds>. Decimals allowed.",
                "HELP",
                "    Prints this help.");
    }
}
