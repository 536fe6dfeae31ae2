package dev.petrel.redis.command.string;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.DENYOOM;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.READONLY;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.keyspace.Database;
import dev.petrel.redis.pubsub.KeyEvents;

/** String commands over several keys at once: MSET, MSETNX, MGET. */
final class MultiCommands {
    private MultiCommands() {}

    static void register(CommandTable t) {
        t.add(
                spec("MSET")
                        .complexity("O(N) where N is the number of keys to set.")
                        .arity(-3)
                        .flags(WRITE, DENYOOM)
                        .keys(1, -1, 2)
                        .group("string")
                        .since("1.0.1")
                        .summary("Set multiple keys to multiple values")
                        .syntax("key value [key value ...]"),
                MultiCommands::mset);
        t.add(
                spec("MSETNX")
                        .complexity("O(N) where N is the number of keys to set.")
                        .arity(-3)
                        .flags(WRITE, DENYOOM)
                        .keys(1, -1, 2)
                        .group("string")
                        .since("1.0.1")
                        .summary("Set multiple keys to multiple values, only if none of the keys exist")
                        .syntax("key value [key value ...]"),
                MultiCommands::msetnx);
        t.add(
                spec("MGET")
                        .complexity("O(N) where N is the number of keys to retrieve.")
                        .arity(-2)
                        .flags(READONLY, FAST)
                        .keys(1, -1, 1)
                        .group("string")
                        .summary("Get the values of all the given keys")
                        .syntax("key [key ...]"),
                MultiCommands::mget);
    }

    /** MSET key value [key value ...]: each key loses its expiry; a key named twice gets its last value. */
    static void mset(CommandContext c) {
        if (pairsOk(c)) {
            setAll(c);
            c.reply.ok();
        }
    }

    /** MSETNX key value [key value ...]: all or nothing, and nothing if any key exists (whatever its type). */
    static void msetnx(CommandContext c) {
        if (!pairsOk(c)) {
            return;
        }
        Database db = c.db();
        for (int i = 1; i < c.argc(); i += 2) {
            if (db.lookup(c.args, i) != null) {
                c.reply.integer(0);
                return;
            }
        }
        setAll(c);
        c.reply.integer(1);
    }

    /** MGET key [key ...]: a missing key, or one that is not a string, reads as null. */
    static void mget(CommandContext c) {
        Database db = c.db();
        c.reply.array(c.argc() - 1);
        for (int i = 1; i < c.argc(); i++) {
            Object e = db.lookupRead(c.args, i);
            Strings.replyValue(c, e instanceof byte[] ? e : null);
        }
    }

    /** Keys and values must come in pairs: an odd count is Redis's arity error. */
    private static boolean pairsOk(CommandContext c) {
        return c.argc() % 2 == 1 || c.error(Errors.arity(c.spec.fullName()));
    }

    private static void setAll(CommandContext c) {
        Database db = c.db();
        for (int i = 1; i < c.argc(); i += 2) {
            Strings.store(c, db, db.lookup(c.args, i), i, i + 1, -1);
            KeyEvents.string(c, "set", i);
        }
    }
}
