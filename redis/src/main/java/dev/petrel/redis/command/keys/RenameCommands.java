package dev.petrel.redis.command.keys;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.DENYOOM;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.keyspace.Database;
import dev.petrel.redis.keyspace.Keys;
import dev.petrel.redis.pubsub.KeyEvents;
import dev.petrel.redis.pubsub.Notifications;

/**
 * Moving entries between keys and databases: RENAME, RENAMENX, COPY, MOVE, SWAPDB. A record carries its key, so a
 * rename or copy builds a new record (value, expiry and, for a rename, LRU clock kept); a move between databases keeps
 * the very same entry.
 */
final class RenameCommands {
    private RenameCommands() {}

    static void register(CommandTable t) {
        t.add(
                spec("RENAME")
                        .arity(3)
                        .flags(WRITE)
                        .keys(1, 2, 1)
                        .summary("Rename a key")
                        .syntax("key newkey"),
                c -> rename(c, false));
        t.add(
                spec("RENAMENX")
                        .arity(3)
                        .flags(WRITE, FAST)
                        .keys(1, 2, 1)
                        .summary("Rename a key, only if the new key does not exist")
                        .syntax("key newkey"),
                c -> rename(c, true));
        t.add(
                spec("COPY")
                        .arity(-3)
                        .flags(WRITE, DENYOOM)
                        .keys(1, 2, 1)
                        .since("6.2.0")
                        .summary("Copy a key")
                        .syntax("source destination [DB destination-db] [REPLACE]"),
                RenameCommands::copy);
        t.add(
                spec("MOVE")
                        .arity(3)
                        .flags(WRITE, FAST)
                        .keys(1, 1, 1)
                        .summary("Move a key to another database")
                        .syntax("key db"),
                RenameCommands::move);
        t.add(
                spec("SWAPDB")
                        .arity(3)
                        .flags(WRITE, FAST)
                        .group("server")
                        .since("4.0.0")
                        .summary("Swaps two Redis databases")
                        .syntax("index1 index2"),
                RenameCommands::swapdb);
    }

    /** RENAME key newkey, and RENAMENX (which answers 0 instead of replacing an existing newkey). */
    static void rename(CommandContext c, boolean nx) {
        Database db = c.db();
        Object e = db.lookup(c.args, 1);
        if (e == null) {
            c.reply.error(Errors.NO_SUCH_KEY);
            return;
        }
        byte[] from = Keys.keyOf(e);
        if (c.args.equalsBytes(2, from)) {
            if (nx) {
                c.reply.integer(0);
            } else {
                c.reply.ok();
            }
            return;
        }
        if (db.peek(c.args, 2) != null) {
            if (nx) {
                c.reply.integer(0);
                return;
            }
            db.deleteFound();
        }
        db.delete(from);
        db.put(Keys.withKey(e, c.args.bytes(2)));
        KeyEvents.generic(c, "rename_from", 1);
        KeyEvents.generic(c, "rename_to", 2);
        if (nx) {
            c.reply.integer(1);
        } else {
            c.reply.ok();
        }
    }

    /** COPY source destination [DB destination-db] [REPLACE] */
    static void copy(CommandContext c) {
        boolean replace = false;
        long dbIndex = c.client.db;
        for (int i = 3; i < c.argc(); i++) {
            if (c.args.is(i, "REPLACE")) {
                replace = true;
            } else if (c.args.is(i, "DB") && i + 1 < c.argc()) {
                dbIndex = KeyArgs.intArg(c, ++i, null);
                if (dbIndex == KeyArgs.INVALID) {
                    return;
                }
            } else {
                c.reply.error(Errors.SYNTAX);
                return;
            }
        }
        if (!KeyArgs.validDb(c, dbIndex)) {
            return;
        }
        Database src = c.db();
        Database dst = c.server.keyspace().db((int) dbIndex);
        if (src == dst && c.args.equalsBytes(2, c.args.bytes(1))) {
            c.reply.error(Errors.SAME_OBJECT);
            return;
        }
        Object e = src.lookupRead(c.args, 1);
        if (e == null) {
            c.reply.integer(0);
            return;
        }
        if (dst.lookup(c.args, 2) != null) {
            if (!replace) {
                c.reply.integer(0);
                return;
            }
            dst.deleteFound();
        }
        dst.put(Keys.copyAs(e, c.args.bytes(2), c.server.keyspace().lruClock()));
        KeyEvents.fire(c, Notifications.GENERIC, "copy_to", 2, dst.index());
        c.reply.integer(1);
    }

    /** MOVE key db */
    static void move(CommandContext c) {
        long dbIndex = KeyArgs.intArg(c, 2, null);
        if (dbIndex == KeyArgs.INVALID || !KeyArgs.validDb(c, dbIndex)) {
            return;
        }
        if (dbIndex == c.client.db) {
            c.reply.error(Errors.SAME_OBJECT);
            return;
        }
        Database src = c.db();
        Database dst = c.server.keyspace().db((int) dbIndex);
        Object e = src.lookup(c.args, 1);
        if (e == null || dst.lookup(c.args, 1) != null) {
            c.reply.integer(0);
            return;
        }
        dst.insertFound(e);
        src.deleteFound(); // the source's lookup still stands: only the other database changed
        KeyEvents.generic(c, "move_from", 1);
        KeyEvents.fire(c, Notifications.GENERIC, "move_to", 1, dst.index());
        c.reply.integer(1);
    }

    /** SWAPDB index1 index2 */
    static void swapdb(CommandContext c) {
        long a = KeyArgs.intArg(c, 1, Errors.INVALID_FIRST_DB);
        if (a == KeyArgs.INVALID) {
            return;
        }
        long b = KeyArgs.intArg(c, 2, Errors.INVALID_SECOND_DB);
        if (b == KeyArgs.INVALID || !KeyArgs.validDb(c, a) || !KeyArgs.validDb(c, b)) {
            return;
        }
        if (a != b) {
            c.server.keyspace().swap((int) a, (int) b);
        }
        c.reply.ok();
    }
}
