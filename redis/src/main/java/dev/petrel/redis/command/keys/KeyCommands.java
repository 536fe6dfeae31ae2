package dev.petrel.redis.command.keys;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.READONLY;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.keyspace.Database;
import dev.petrel.redis.keyspace.ValueType;
import dev.petrel.redis.pubsub.KeyEvents;

/**
 * Keyspace commands: DEL, UNLINK, EXISTS, TYPE, TOUCH, RANDOMKEY, DBSIZE, FLUSHDB, FLUSHALL; the family's register
 * method also registers its siblings (SCAN and KEYS, renames and moves, OBJECT and MEMORY).
 */
public final class KeyCommands {
    private KeyCommands() {}

    public static void register(CommandTable t) {
        t.add(
                spec("DEL")
                        .arity(-2)
                        .flags(WRITE)
                        .keys(1, -1, 1)
                        .summary("Delete a key")
                        .syntax("key [key ...]"),
                KeyCommands::del);
        t.add(
                spec("UNLINK")
                        .arity(-2)
                        .flags(WRITE, FAST)
                        .keys(1, -1, 1)
                        .since("4.0.0")
                        .summary("Delete a key asynchronously in another thread. Otherwise it is just as DEL, but non"
                                + " blocking.")
                        .syntax("key [key ...]"),
                KeyCommands::del);
        t.add(
                spec("EXISTS")
                        .arity(-2)
                        .flags(READONLY, FAST)
                        .keys(1, -1, 1)
                        .summary("Determine if a key exists")
                        .syntax("key [key ...]"),
                KeyCommands::exists);
        t.add(
                spec("TYPE")
                        .arity(2)
                        .flags(READONLY, FAST)
                        .keys(1, 1, 1)
                        .summary("Determine the type stored at key")
                        .syntax("key"),
                KeyCommands::type);
        t.add(
                spec("TOUCH")
                        .arity(-2)
                        .flags(READONLY, FAST)
                        .keys(1, -1, 1)
                        .since("3.2.1")
                        .summary("Alters the last access time of a key(s). Returns the number of existing keys"
                                + " specified.")
                        .syntax("key [key ...]"),
                KeyCommands::touch);
        t.add(
                spec("RANDOMKEY").arity(1).flags(READONLY).summary("Return a random key from the keyspace"),
                KeyCommands::randomkey);
        t.add(
                spec("DBSIZE")
                        .arity(1)
                        .flags(READONLY, FAST)
                        .group("server")
                        .summary("Return the number of keys in the selected database"),
                KeyCommands::dbsize);
        t.add(
                spec("FLUSHDB")
                        .arity(-1)
                        .flags(WRITE)
                        .group("server")
                        .summary("Remove all keys from the current database")
                        .syntax("[ASYNC | SYNC]"),
                KeyCommands::flushdb);
        t.add(
                spec("FLUSHALL")
                        .arity(-1)
                        .flags(WRITE)
                        .group("server")
                        .summary("Remove all keys from all databases")
                        .syntax("[ASYNC | SYNC]"),
                KeyCommands::flushall);
        ScanCommands.register(t);
        RenameCommands.register(t);
        ObjectCommands.register(t);
    }

    /** DEL key [key ...], and UNLINK: freeing is the garbage collector's work either way, never the loop's. */
    static void del(CommandContext c) {
        Database db = c.db();
        int n = 0;
        for (int i = 1; i < c.argc(); i++) {
            if (db.delete(c.args, i)) {
                n++;
                KeyEvents.generic(c, "del", i);
            }
        }
        c.reply.integer(n);
    }

    /** EXISTS key [key ...]: a key named twice counts twice; the keys' LRU clocks are left alone, as Redis does. */
    static void exists(CommandContext c) {
        Database db = c.db();
        int n = 0;
        for (int i = 1; i < c.argc(); i++) {
            if (db.peekRead(c.args, i) != null) {
                n++;
            }
        }
        c.reply.integer(n);
    }

    /** TYPE key */
    static void type(CommandContext c) {
        Object e = c.db().peekRead(c.args, 1);
        c.reply.simple(e == null ? "none" : ValueType.of(e).typeName());
    }

    /** TOUCH key [key ...]: the lookup itself updates the LRU clock. */
    static void touch(CommandContext c) {
        Database db = c.db();
        int n = 0;
        for (int i = 1; i < c.argc(); i++) {
            if (db.lookupRead(c.args, i) != null) {
                n++;
            }
        }
        c.reply.integer(n);
    }

    /** RANDOMKEY */
    static void randomkey(CommandContext c) {
        Object e = c.db().randomEntry();
        if (e == null) {
            c.reply.nullBulk();
        } else {
            KeyArgs.replyKey(c, e);
        }
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
