package dev.petrel.redis.command.set;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.DENYOOM;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.READONLY;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.set.RedisSet;
import dev.petrel.redis.keyspace.Database;

/**
 * Set commands on members: SADD, SREM, SCARD, SISMEMBER, SMISMEMBER, SMEMBERS, SMOVE. The family's other classes
 * (random picks, set algebra, SSCAN) are registered from here. The value and its encodings are
 * {@code data.set.RedisSet}.
 */
public final class SetCommands {
    private SetCommands() {}

    public static void register(CommandTable t) {
        t.add(
                spec("SADD")
                        .complexity("O(1) for each element added, so O(N) to add N elements when the command is called"
                                + " with multiple arguments.")
                        .arity(-3)
                        .flags(WRITE, DENYOOM, FAST)
                        .keys(1, 1, 1)
                        .group("set")
                        .summary("Add one or more members to a set")
                        .syntax("key member [member ...]"),
                SetCommands::sadd);
        t.add(
                spec("SREM")
                        .complexity("O(N) where N is the number of members to be removed.")
                        .arity(-3)
                        .flags(WRITE, FAST)
                        .keys(1, 1, 1)
                        .group("set")
                        .summary("Remove one or more members from a set")
                        .syntax("key member [member ...]"),
                SetCommands::srem);
        t.add(
                spec("SCARD")
                        .complexity("O(1)")
                        .arity(2)
                        .flags(READONLY, FAST)
                        .keys(1, 1, 1)
                        .group("set")
                        .summary("Get the number of members in a set")
                        .syntax("key"),
                SetCommands::scard);
        t.add(
                spec("SISMEMBER")
                        .complexity("O(1)")
                        .arity(3)
                        .flags(READONLY, FAST)
                        .keys(1, 1, 1)
                        .group("set")
                        .summary("Determine if a given value is a member of a set")
                        .syntax("key member"),
                SetCommands::sismember);
        t.add(
                spec("SMISMEMBER")
                        .complexity("O(N) where N is the number of elements being checked for membership")
                        .arity(-3)
                        .flags(READONLY, FAST)
                        .keys(1, 1, 1)
                        .group("set")
                        .since("6.2.0")
                        .summary("Returns the membership associated with the given elements for a set")
                        .syntax("key member [member ...]"),
                SetCommands::smismember);
        t.add(
                spec("SMEMBERS")
                        .complexity("O(N) where N is the set cardinality.")
                        .arity(2)
                        .flags(READONLY)
                        .keys(1, 1, 1)
                        .group("set")
                        .summary("Get all the members in a set")
                        .syntax("key"),
                SetCommands::smembers);
        t.add(
                spec("SMOVE")
                        .complexity("O(1)")
                        .arity(4)
                        .flags(WRITE, FAST)
                        .keys(1, 2, 1)
                        .group("set")
                        .summary("Move a member from one set to another")
                        .syntax("source destination member"),
                SetCommands::smove);
        SetRandomCommands.register(t);
        SetAlgebraCommands.register(t);
        SetScanCommand.register(t);
    }

    /** SADD key member [member ...] */
    static void sadd(CommandContext c) {
        Database db = c.db();
        KeyEntry k = Sets.write(c, db, 1);
        if (k == Sets.WRONG) {
            c.reply.error(Errors.WRONGTYPE);
            return;
        }
        if (k == null) {
            k = Sets.entry(c, 1, new RedisSet());
            db.insertFound(k);
        }
        RedisSet s = (RedisSet) k.value;
        long max = Sets.maxIntset(c);
        int added = 0;
        for (int i = 2; i < c.argc(); i++) {
            if (s.add(c.args, i, max)) {
                added++;
            }
        }
        c.reply.integer(added);
        if (added > 0) {
            Sets.event(c, "sadd", k.key);
        }
    }

    /** SREM key member [member ...] */
    static void srem(CommandContext c) {
        Database db = c.db();
        KeyEntry k = Sets.write(c, db, 1);
        if (k == null || k == Sets.WRONG) {
            replyZeroOrWrongType(c, k);
            return;
        }
        RedisSet s = (RedisSet) k.value;
        int removed = 0;
        for (int i = 2; i < c.argc() && s.size() > 0; i++) {
            if (s.remove(c.args, i)) {
                removed++;
            }
        }
        c.reply.integer(removed);
        if (removed > 0) {
            Sets.event(c, "srem", k.key);
            if (s.size() == 0) {
                db.deleteFound();
                Sets.deleted(c, k.key);
            }
        }
    }

    private static void replyZeroOrWrongType(CommandContext c, KeyEntry k) {
        if (k == Sets.WRONG) {
            c.reply.error(Errors.WRONGTYPE);
        } else {
            c.reply.integer(0);
        }
    }

    /** SCARD key */
    static void scard(CommandContext c) {
        RedisSet s = Sets.read(c, 1);
        if (s != Sets.WRONG_TYPE) {
            c.reply.integer(s == null ? 0 : s.size());
        }
    }

    /** SISMEMBER key member */
    static void sismember(CommandContext c) {
        RedisSet s = Sets.read(c, 1);
        if (s != Sets.WRONG_TYPE) {
            c.reply.integer(s != null && s.contains(c.args, 2) ? 1 : 0);
        }
    }

    /** SMISMEMBER key member [member ...] */
    static void smismember(CommandContext c) {
        RedisSet s = Sets.read(c, 1);
        if (s == Sets.WRONG_TYPE) {
            return;
        }
        c.reply.array(c.argc() - 2);
        for (int i = 2; i < c.argc(); i++) {
            c.reply.integer(s != null && s.contains(c.args, i) ? 1 : 0);
        }
    }

    /** SMEMBERS key */
    static void smembers(CommandContext c) {
        RedisSet s = Sets.read(c, 1);
        if (s != Sets.WRONG_TYPE) {
            Sets.replyAll(c, s);
        }
    }

    /** SMOVE source destination member */
    static void smove(CommandContext c) {
        Database db = c.db();
        KeyEntry src = Sets.write(c, db, 1);
        KeyEntry dst = Sets.write(c, db, 2);
        if (src == null) {
            c.reply.integer(0);
            return;
        }
        if (src == Sets.WRONG || dst == Sets.WRONG) {
            c.reply.error(Errors.WRONGTYPE);
            return;
        }
        RedisSet from = (RedisSet) src.value;
        if (src == dst) {
            c.reply.integer(from.contains(c.args, 3) ? 1 : 0);
            return;
        }
        if (!from.remove(c.args, 3)) {
            c.reply.integer(0);
            return;
        }
        Sets.event(c, "srem", src.key);
        if (from.size() == 0) {
            db.delete(c.args, 1);
            Sets.deleted(c, src.key);
        }
        if (dst == null) {
            dst = Sets.entry(c, 2, new RedisSet());
            db.lookup(c.args, 2);
            db.insertFound(dst);
        }
        if (((RedisSet) dst.value).add(c.args, 3, Sets.maxIntset(c))) {
            Sets.event(c, "sadd", dst.key);
        }
        c.reply.integer(1);
    }
}
