package dev.petrel.redis.command.keys;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.READONLY;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.keyspace.Database;

/** Keyspace commands: DEL, EXISTS, DBSIZE, FLUSHDB, FLUSHALL. */
public final class KeyCommands {
    private KeyCommands() {}

    public static void register(CommandTable t) {
        t.add(
                spec("DEL")
                        .arity(-2)
                        .flags(WRITE)
                        .keys(1, -1, 1)
                        .group("generic")
                        .summary("Deletes one or more keys.")
                        .syntax("key [key ...]"),
                KeyCommands::del);
        t.add(
                spec("EXISTS")
                        .arity(-2)
                        .flags(READONLY, FAST)
                        .keys(1, -1, 1)
                        .group("generic")
                        .since("1.0.0")
                        .summary("Determines whether one or more keys exist.")
                        .syntax("key [key ...]"),
                KeyCommands::exists);
        t.add(
                spec("DBSIZE")
                        .arity(1)
                        .flags(READONLY, FAST)
                        .group("server")
                        .summary("Returns the number of keys in the database."),
                KeyCommands::dbsize);
        t.add(
                spec("FLUSHDB")
                        .arity(-1)
                        .flags(WRITE)
                        .group("server")
                        .summary("Removes all keys from the current database.")
                        .syntax("[ASYNC | SYNC]"),
                KeyCommands::flushdb);
        t.add(
                spec("FLUSHALL")
                        .arity(-1)
                        .flags(WRITE)
                        .group("server")
                        .summary("Removes all keys from all databases.")
                        .syntax("[ASYNC | SYNC]"),
                KeyCommands::flushall);
    }

    /** DEL key [key ...] */
    static void del(CommandContext c) {
        Database db = c.db();
        int n = 0;
        for (int i = 1; i < c.argc(); i++) {
            if (db.delete(c.args, i)) {
                n++;
            }
        }
        c.reply.integer(n);
    }

    /** EXISTS key [key ...]: a key named twice counts twice. */
    static void exists(CommandContext c) {
        Database db = c.db();
        int n = 0;
        for (int i = 1; i < c.argc(); i++) {
            if (db.lookup(c.args, i) != null) {
                n++;
            }
        }
        c.reply.integer(n);
    }

    /** DBSIZE */
    static void dbsize(CommandContext c) {
        c.reply.integer(c.db().size());
    }

    /** FLUSHDB [ASYNC|SYNC] */
    static void flushdb(CommandContext c) {
        if (flushMode(c)) {
            c.db().flush();
            c.reply.ok();
        }
    }

    /** FLUSHALL [ASYNC|SYNC] */
    static void flushall(CommandContext c) {
        if (flushMode(c)) {
            c.server.keyspace().flushAll();
            c.reply.ok();
        }
    }

    /** Checks the optional ASYNC|SYNC word (both free memory at once here: dropping the table is O(1)). */
    private static boolean flushMode(CommandContext c) {
        if (c.argc() > 2 || (c.argc() == 2 && !c.args.is(1, "ASYNC") && !c.args.is(1, "SYNC"))) {
            return c.error(Errors.SYNTAX);
        }
        return true;
    }
}
