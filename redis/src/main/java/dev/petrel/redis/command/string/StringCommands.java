package dev.petrel.redis.command.string;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.DENYOOM;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.READONLY;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.keyspace.Database;
import dev.petrel.redis.pubsub.KeyEvents;

/**
 * String commands that get or set one whole value: GET, SET, SETNX, SETEX, PSETEX, GETSET, GETDEL, GETEX. The family's
 * other classes (multi-key, ranges, counters, LCS) are registered from here.
 */
public final class StringCommands {
    private StringCommands() {}

    public static void register(CommandTable t) {
        t.add(
                spec("GET")
                        .complexity("O(1)")
                        .arity(2)
                        .flags(READONLY, FAST)
                        .keys(1, 1, 1)
                        .group("string")
                        .summary("Get the value of a key")
                        .syntax("key"),
                StringCommands::get);
        t.add(
                spec("SET")
                        .complexity("O(1)")
                        .arity(-3)
                        .flags(WRITE, DENYOOM)
                        .keys(1, 1, 1)
                        .group("string")
                        .summary("Set the string value of a key")
                        .syntax("key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds |"
                                + " PXAT unix-time-milliseconds | KEEPTTL]"),
                StringCommands::set);
        t.add(
                spec("SETNX")
                        .complexity("O(1)")
                        .arity(3)
                        .flags(WRITE, DENYOOM, FAST)
                        .keys(1, 1, 1)
                        .group("string")
                        .summary("Set the value of a key, only if the key does not exist")
                        .syntax("key value"),
                StringCommands::setnx);
        t.add(
                spec("SETEX")
                        .complexity("O(1)")
                        .arity(4)
                        .flags(WRITE, DENYOOM)
                        .keys(1, 1, 1)
                        .group("string")
                        .since("2.0.0")
                        .summary("Set the value and expiration of a key")
                        .syntax("key seconds value"),
                c -> setWithExpiry(c, true));
        t.add(
                spec("PSETEX")
                        .complexity("O(1)")
                        .arity(4)
                        .flags(WRITE, DENYOOM)
                        .keys(1, 1, 1)
                        .group("string")
                        .since("2.6.0")
                        .summary("Set the value and expiration in milliseconds of a key")
                        .syntax("key milliseconds value"),
                c -> setWithExpiry(c, false));
        t.add(
                spec("GETSET")
                        .complexity("O(1)")
                        .arity(3)
                        .flags(WRITE, DENYOOM, FAST)
                        .keys(1, 1, 1)
                        .group("string")
                        .summary("Set the string value of a key and return its old value")
                        .syntax("key value"),
                StringCommands::getset);
        t.add(
                spec("GETDEL")
                        .complexity("O(1)")
                        .arity(2)
                        .flags(WRITE, FAST)
                        .keys(1, 1, 1)
                        .group("string")
                        .since("6.2.0")
                        .summary("Get the value of a key and delete the key")
                        .syntax("key"),
                StringCommands::getdel);
        t.add(
                spec("GETEX")
                        .complexity("O(1)")
                        .arity(-2)
                        .flags(WRITE, FAST)
                        .keys(1, 1, 1)
                        .group("string")
                        .since("6.2.0")
                        .summary("Get the value of a key and optionally set its expiration")
                        .syntax("key [EX seconds | PX milliseconds | EXAT unix-time-seconds |"
                                + " PXAT unix-time-milliseconds | PERSIST]"),
                StringCommands::getex);
        MultiCommands.register(t);
        RangeCommands.register(t);
        CounterCommands.register(t);
        LcsCommand.register(t);
    }

    /** GET key */
    static void get(CommandContext c) {
        Object e = c.db().lookupRead(c.args, 1);
        if (Strings.isStringOrNull(c, e)) {
            Strings.replyValue(c, e);
        }
    }

    /** SET key value [NX | XX] [GET] [EX s | PX ms | EXAT s | PXAT ms | KEEPTTL] */
    static void set(CommandContext c) {
        SetOptions o = SetOptions.parse(c, 3, true);
        if (o == null) {
            return;
        }
        Database db = c.db();
        Object old = db.lookup(c.args, 1);
        if (o.get) {
            if (!Strings.isStringOrNull(c, old)) {
                return;
            }
            Strings.replyValue(c, old);
        }
        if ((o.nx && old != null) || (o.xx && old == null)) {
            if (!o.get) {
                c.reply.nullBulk();
            }
            return;
        }
        long expireAt = o.expireAt;
        if (o.keepTtl && old != null) {
            expireAt = Database.expireAt(old);
        }
        Strings.store(c, db, old, 1, 2, expireAt);
        KeyEvents.string(c, "set", 1);
        if (o.expireAt >= 0) {
            KeyEvents.generic(c, "expire", 1);
        }
        if (!o.get) {
            c.reply.ok();
        }
    }

    /** SETNX key value: any existing key, whatever its type, wins. */
    static void setnx(CommandContext c) {
        Database db = c.db();
        Object old = db.lookup(c.args, 1);
        if (old != null) {
            c.reply.integer(0);
            return;
        }
        Strings.store(c, db, null, 1, 2, -1);
        KeyEvents.string(c, "set", 1);
        c.reply.integer(1);
    }

    /** SETEX key seconds value, PSETEX key milliseconds value */
    static void setWithExpiry(CommandContext c, boolean seconds) {
        long at = SetOptions.expireAt(c, 2, seconds, true);
        if (at < 0) {
            return;
        }
        Database db = c.db();
        Strings.store(c, db, db.lookup(c.args, 1), 1, 3, at);
        KeyEvents.string(c, "set", 1);
        KeyEvents.generic(c, "expire", 1);
        c.reply.ok();
    }

    /** GETSET key value: SET key value GET, which also drops the expiry. */
    static void getset(CommandContext c) {
        Database db = c.db();
        Object old = db.lookup(c.args, 1);
        if (!Strings.isStringOrNull(c, old)) {
            return;
        }
        Strings.replyValue(c, old); // copied into the reply before the record may be overwritten in place
        Strings.store(c, db, old, 1, 2, -1);
        KeyEvents.string(c, "set", 1);
    }

    /** GETDEL key */
    static void getdel(CommandContext c) {
        Database db = c.db();
        Object e = db.lookupRead(c.args, 1);
        if (!Strings.isStringOrNull(c, e)) {
            return;
        }
        Strings.replyValue(c, e);
        if (e != null) {
            db.deleteFound();
            KeyEvents.generic(c, "del", 1);
        }
    }

    /** GETEX key [EX s | PX ms | EXAT s | PXAT ms | PERSIST]: an absolute time already past deletes the key. */
    static void getex(CommandContext c) {
        SetOptions o = SetOptions.parse(c, 2, false);
        if (o == null) {
            return;
        }
        Database db = c.db();
        Object e = db.lookupRead(c.args, 1);
        if (!Strings.isStringOrNull(c, e)) {
            return;
        }
        Strings.replyValue(c, e);
        if (e == null) {
            return;
        }
        if (o.expireAt >= 0 && o.expireAt <= c.server.clock().currentTimeMillis()) {
            db.deleteFound();
            KeyEvents.generic(c, "del", 1);
        } else if (o.expireAt >= 0) {
            db.setExpireFound(o.expireAt);
            KeyEvents.generic(c, "expire", 1);
        } else if (o.persist && Database.expireAt(e) >= 0) {
            db.setExpireFound(-1);
            KeyEvents.generic(c, "persist", 1);
        }
    }
}
