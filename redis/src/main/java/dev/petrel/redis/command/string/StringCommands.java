package dev.petrel.redis.command.string;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.DENYOOM;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.READONLY;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.StringRecord;
import dev.petrel.redis.keyspace.Database;

/** String commands: GET, SET. */
public final class StringCommands {
    private StringCommands() {}

    public static void register(CommandTable t) {
        t.add(
                spec("GET")
                        .arity(2)
                        .flags(READONLY, FAST)
                        .keys(1, 1, 1)
                        .group("string")
                        .summary("Returns the string value of a key.")
                        .syntax("key"),
                StringCommands::get);
        t.add(
                spec("SET")
                        .arity(-3)
                        .flags(WRITE, DENYOOM)
                        .keys(1, 1, 1)
                        .group("string")
                        .summary(
                                "Sets the string value of a key, ignoring its type. The key is created if it doesn't exist.")
                        .syntax("key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds |"
                                + " PXAT unix-time-milliseconds | KEEPTTL]"),
                StringCommands::set);
    }

    /** GET key */
    static void get(CommandContext c) {
        Object e = c.db().lookupRead(c.args, 1);
        if (e == null) {
            c.reply.nullBulk();
        } else if (e instanceof byte[] r) {
            c.reply.bulk(r, StringRecord.valueOffset(r), StringRecord.valueLength(r));
        } else {
            c.reply.error(Errors.WRONGTYPE);
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
            if (old == null) {
                c.reply.nullBulk();
            } else if (old instanceof byte[] r) {
                c.reply.bulk(r, StringRecord.valueOffset(r), StringRecord.valueLength(r));
            } else {
                c.reply.error(Errors.WRONGTYPE);
                return;
            }
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
        if (!o.get) {
            c.reply.ok();
        }
    }
}
