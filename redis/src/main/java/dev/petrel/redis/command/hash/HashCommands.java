package dev.petrel.redis.command.hash;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.DENYOOM;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.READONLY;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandSpec;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.hash.RedisHash;
import dev.petrel.redis.keyspace.Database;
import dev.petrel.redis.pubsub.Notifications;

/**
 * Hash commands on single fields: HSET, HSETNX, HMSET, HGET, HMGET, HLEN, HEXISTS, HSTRLEN, HDEL. The family's other
 * classes (counters, whole-hash reads, HSCAN) are registered from here. The value is a {@link RedisHash}.
 */
public final class HashCommands {
    private HashCommands() {}

    public static void register(CommandTable t) {
        t.add(
                hash("HSET", -4, "field value [field value ...]", "Set the string value of a hash field")
                        .flags(WRITE, DENYOOM, FAST)
                        .complexity("O(1) for each field/value pair added, so O(N) to add N field/value pairs when"
                                + " the command is called with multiple field/value pairs."),
                c -> hset(c, false));
        t.add(
                hash("HSETNX", 4, "field value", "Set the value of a hash field, only if the field does not exist")
                        .flags(WRITE, DENYOOM, FAST),
                HashCommands::hsetnx);
        t.add(
                hash("HMSET", -4, "field value [field value ...]", "Set multiple hash fields to multiple values")
                        .flags(WRITE, DENYOOM, FAST)
                        .complexity("O(N) where N is the number of fields being set."),
                c -> hset(c, true));
        t.add(hash("HGET", 3, "field", "Get the value of a hash field").flags(READONLY, FAST), HashCommands::hget);
        t.add(
                hash("HMGET", -3, "field [field ...]", "Get the values of all the given hash fields")
                        .flags(READONLY, FAST)
                        .complexity("O(N) where N is the number of fields being requested."),
                HashCommands::hmget);
        t.add(hash("HLEN", 2, "", "Get the number of fields in a hash").flags(READONLY, FAST), HashCommands::hlen);
        t.add(
                hash("HEXISTS", 3, "field", "Determine if a hash field exists").flags(READONLY, FAST),
                HashCommands::hexists);
        t.add(
                hash("HSTRLEN", 3, "field", "Get the length of the value of a hash field")
                        .flags(READONLY, FAST)
                        .since("3.2.0"),
                HashCommands::hstrlen);
        t.add(
                hash("HDEL", -3, "field [field ...]", "Delete one or more hash fields")
                        .flags(WRITE, FAST)
                        .complexity("O(N) where N is the number of fields to be removed."),
                HashCommands::hdel);
        HashCounterCommands.register(t);
        HashReadCommands.register(t);
        HashScanCommand.register(t);
    }

    /** A table line of the family: key at 1, group hash, since 2.0.0, complexity O(1) unless said otherwise. */
    static CommandSpec hash(String name, int arity, String syntax, String summary) {
        return spec(name)
                .arity(arity)
                .keys(1, 1, 1)
                .group("hash")
                .since("2.0.0")
                .complexity("O(1)")
                .summary(summary)
                .syntax(syntax.isEmpty() ? "key" : "key " + syntax);
    }

    /** HSET key field value [field value ...] (replies the fields added); HMSET, the same replying OK. */
    static void hset(CommandContext c, boolean hmset) {
        if (c.argc() % 2 != 0) {
            c.reply.error(Errors.arity(c.spec.fullName()));
            return;
        }
        KeyEntry k = Hashes.write(c, c.db(), true);
        if (k == null) {
            return;
        }
        RedisHash h = (RedisHash) k.value;
        int added = 0;
        for (int i = 2; i < c.argc(); i += 2) {
            if (Hashes.set(c, h, i, i + 1)) {
                added++;
            }
        }
        Hashes.event(c, "hset", k);
        if (hmset) {
            c.reply.ok();
        } else {
            c.reply.integer(added);
        }
    }

    /** HSETNX key field value */
    static void hsetnx(CommandContext c) {
        KeyEntry k = Hashes.write(c, c.db(), true);
        if (k == null) {
            return;
        }
        RedisHash h = (RedisHash) k.value;
        if (h.find(c.args, 2) >= 0) {
            c.reply.integer(0);
            return;
        }
        Hashes.set(c, h, 2, 3);
        Hashes.event(c, "hset", k);
        c.reply.integer(1);
    }

    /** HGET key field */
    static void hget(CommandContext c) {
        RedisHash h = Hashes.read(c);
        if (h == Hashes.WRONG_TYPE) {
            return;
        }
        int pos = h == null ? -1 : h.find(c.args, 2);
        if (pos < 0) {
            c.reply.nullBulk();
        } else {
            Hashes.replyValue(c, h, pos);
        }
    }

    /** HMGET key field [field ...] */
    static void hmget(CommandContext c) {
        RedisHash h = Hashes.read(c);
        if (h == Hashes.WRONG_TYPE) {
            return;
        }
        c.reply.array(c.argc() - 2);
        for (int i = 2; i < c.argc(); i++) {
            int pos = h == null ? -1 : h.find(c.args, i);
            if (pos < 0) {
                c.reply.nullBulk();
            } else {
                Hashes.replyValue(c, h, pos);
            }
        }
    }

    /** HLEN key */
    static void hlen(CommandContext c) {
        RedisHash h = Hashes.read(c);
        if (h != Hashes.WRONG_TYPE) {
            c.reply.integer(h == null ? 0 : h.size());
        }
    }

    /** HEXISTS key field */
    static void hexists(CommandContext c) {
        RedisHash h = Hashes.read(c);
        if (h != Hashes.WRONG_TYPE) {
            c.reply.integer(h != null && h.find(c.args, 2) >= 0 ? 1 : 0);
        }
    }

    /** HSTRLEN key field */
    static void hstrlen(CommandContext c) {
        RedisHash h = Hashes.read(c);
        if (h == Hashes.WRONG_TYPE) {
            return;
        }
        int pos = h == null ? -1 : h.find(c.args, 2);
        c.reply.integer(pos < 0 ? 0 : h.valueLength(pos));
    }

    /** HDEL key field [field ...]: stops once the hash is empty, and deletes the key. */
    static void hdel(CommandContext c) {
        Database db = c.db();
        Object e = db.lookup(c.args, 1);
        if (e == null) {
            c.reply.integer(0);
            return;
        }
        if (!(e instanceof KeyEntry k && k.value instanceof RedisHash h)) {
            c.reply.error(Errors.WRONGTYPE);
            return;
        }
        int deleted = 0;
        boolean emptied = false;
        for (int i = 2; i < c.argc(); i++) {
            if (h.delete(c.args, i)) {
                deleted++;
                if (h.size() == 0) {
                    db.deleteFound();
                    emptied = true;
                    break;
                }
            }
        }
        if (deleted > 0) {
            Hashes.event(c, "hdel", k);
            if (emptied) {
                c.server.notifications().keyspaceEvent(Notifications.GENERIC, "del", k.key, c.client.db);
            }
        }
        c.reply.integer(deleted);
    }
}
