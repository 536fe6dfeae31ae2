package dev.petrel.redis.command.keys;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.READONLY;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandSpec;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.keyspace.Database;
import dev.petrel.redis.pubsub.KeyEvents;

/**
 * Expiry commands: EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT (with NX, XX, GT, LT), TTL, PTTL, EXPIRETIME, PEXPIRETIME,
 * PERSIST. Expiry times are absolute unix milliseconds; a time already past deletes the key at once.
 */
public final class ExpireCommands {
    private static final int NX = 1;
    private static final int XX = 2;
    private static final int GT = 4;
    private static final int LT = 8;

    private ExpireCommands() {}

    public static void register(CommandTable t) {
        t.add(setter("EXPIRE", "1.0.0", "Set a key's time to live in seconds", "seconds"), c -> expire(c, true, true));
        t.add(
                setter("PEXPIRE", "2.6.0", "Set a key's time to live in milliseconds", "milliseconds"),
                c -> expire(c, false, true));
        t.add(
                setter("EXPIREAT", "1.2.0", "Set the expiration for a key as a UNIX timestamp", "unix-time-seconds"),
                c -> expire(c, true, false));
        t.add(
                setter(
                        "PEXPIREAT",
                        "2.6.0",
                        "Set the expiration for a key as a UNIX timestamp specified in milliseconds",
                        "unix-time-milliseconds"),
                c -> expire(c, false, false));
        t.add(getter("TTL", "1.0.0", "Get the time to live for a key in seconds"), c -> ttl(c, false, false));
        t.add(getter("PTTL", "2.6.0", "Get the time to live for a key in milliseconds"), c -> ttl(c, true, false));
        t.add(getter("EXPIRETIME", "7.0.0", "Get the expiration Unix timestamp for a key"), c -> ttl(c, false, true));
        t.add(
                getter("PEXPIRETIME", "7.0.0", "Get the expiration Unix timestamp for a key in milliseconds"),
                c -> ttl(c, true, true));
        t.add(
                spec("PERSIST")
                        .arity(2)
                        .flags(WRITE, FAST)
                        .keys(1, 1, 1)
                        .since("2.2.0")
                        .summary("Remove the expiration from a key")
                        .syntax("key"),
                ExpireCommands::persist);
    }

    private static CommandSpec setter(String name, String since, String summary, String time) {
        return spec(name)
                .arity(-3)
                .flags(WRITE, FAST)
                .keys(1, 1, 1)
                .since(since)
                .summary(summary)
                .syntax("key " + time + " [NX | XX | GT | LT]");
    }

    private static CommandSpec getter(String name, String since, String summary) {
        return spec(name)
                .arity(2)
                .flags(READONLY, FAST)
                .keys(1, 1, 1)
                .since(since)
                .summary(summary)
                .syntax("key");
    }

    /** EXPIRE/PEXPIRE key time [NX|XX|GT|LT], relative to now; EXPIREAT/PEXPIREAT, absolute. */
    static void expire(CommandContext c, boolean seconds, boolean relative) {
        int flags = options(c);
        if (flags < 0) {
            return;
        }
        if (!c.args.isLong(2)) {
            c.reply.error(Errors.NOT_INTEGER);
            return;
        }
        long when = c.args.longValue(2);
        long now = c.server.keyspace().nowMillis();
        if (seconds) {
            if (when > Long.MAX_VALUE / 1000 || when < Long.MIN_VALUE / 1000) {
                c.reply.error(Errors.invalidExpire(c.spec.fullName()));
                return;
            }
            when *= 1000;
        }
        long base = relative ? now : 0;
        if (when > Long.MAX_VALUE - base) {
            c.reply.error(Errors.invalidExpire(c.spec.fullName()));
            return;
        }
        when += base;
        Database db = c.db();
        Object e = db.lookup(c.args, 1);
        if (e == null) {
            c.reply.integer(0);
            return;
        }
        long current = Database.expireAt(e);
        boolean refused = ((flags & NX) != 0 && current >= 0)
                || ((flags & XX) != 0 && current < 0)
                // GT: no expiry counts as infinite, which nothing exceeds.
                || ((flags & GT) != 0 && (current < 0 || when <= current))
                // LT: no expiry counts as infinite, which anything undercuts.
                || ((flags & LT) != 0 && current >= 0 && when >= current);
        if (refused) {
            c.reply.integer(0);
            return;
        }
        if (when <= now) {
            db.deleteFound();
            KeyEvents.generic(c, "del", 1);
        } else {
            db.setExpireFound(when);
            KeyEvents.generic(c, "expire", 1);
        }
        c.reply.integer(1);
    }

    /** The NX/XX/GT/LT options from argument 3 on, or -1 after replying with Redis's error. */
    private static int options(CommandContext c) {
        int flags = 0;
        for (int i = 3; i < c.argc(); i++) {
            if (c.args.is(i, "NX")) {
                flags |= NX;
            } else if (c.args.is(i, "XX")) {
                flags |= XX;
            } else if (c.args.is(i, "GT")) {
                flags |= GT;
            } else if (c.args.is(i, "LT")) {
                flags |= LT;
            } else {
                c.reply.error("ERR Unsupported option " + c.args.string(i));
                return -1;
            }
        }
        if ((flags & NX) != 0 && (flags & (XX | GT | LT)) != 0) {
            c.reply.error(Errors.EXPIRE_NX_AND_OTHERS);
            return -1;
        }
        if ((flags & GT) != 0 && (flags & LT) != 0) {
            c.reply.error(Errors.EXPIRE_GT_AND_LT);
            return -1;
        }
        return flags;
    }

    /**
     * TTL and PTTL (time left), EXPIRETIME and PEXPIRETIME (the absolute time): -2 for no key, -1 for no expiry;
     * seconds are rounded to the nearest, as Redis does.
     */
    static void ttl(CommandContext c, boolean millis, boolean absolute) {
        Object e = c.db().peekRead(c.args, 1);
        if (e == null) {
            c.reply.integer(-2);
            return;
        }
        long at = Database.expireAt(e);
        if (at < 0) {
            c.reply.integer(-1);
            return;
        }
        long v = Math.max(0, absolute ? at : at - c.server.keyspace().nowMillis());
        c.reply.integer(millis ? v : (v + 500) / 1000);
    }

    /** PERSIST key */
    static void persist(CommandContext c) {
        Database db = c.db();
        Object e = db.lookup(c.args, 1);
        if (e == null || Database.expireAt(e) < 0) {
            c.reply.integer(0);
            return;
        }
        db.setExpireFound(-1);
        KeyEvents.generic(c, "persist", 1);
        c.reply.integer(1);
    }
}
