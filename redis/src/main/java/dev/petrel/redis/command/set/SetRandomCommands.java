package dev.petrel.redis.command.set;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.FAST;
import static dev.petrel.redis.command.Flag.READONLY;
import static dev.petrel.redis.command.Flag.WRITE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.set.RedisSet;
import dev.petrel.redis.keyspace.Database;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SPOP and SRANDMEMBER. The picks need not be Redis's, but the shapes are: SPOP and a positive SRANDMEMBER count give
 * distinct members (the whole set when the count reaches its size), a negative SRANDMEMBER count gives that many picks
 * with repeats.
 */
final class SetRandomCommands {
    private SetRandomCommands() {}

    static void register(CommandTable t) {
        t.add(
                spec("SPOP")
                        .complexity("Without the count argument O(1), otherwise O(N) where N is the value of the"
                                + " passed count.")
                        .arity(-2)
                        .flags(WRITE, FAST)
                        .keys(1, 1, 1)
                        .group("set")
                        .summary("Remove and return one or multiple random members from a set")
                        .syntax("key [count]"),
                SetRandomCommands::spop);
        t.add(
                spec("SRANDMEMBER")
                        .complexity("Without the count argument O(1), otherwise O(N) where N is the absolute value of"
                                + " the passed count.")
                        .arity(-2)
                        .flags(READONLY)
                        .keys(1, 1, 1)
                        .group("set")
                        .summary("Get one or multiple random members from a set")
                        .syntax("key [count]"),
                SetRandomCommands::srandmember);
    }

    /** SPOP key [count] */
    static void spop(CommandContext c) {
        if (c.argc() > 3) {
            c.reply.error(Errors.SYNTAX);
            return;
        }
        long count = 1;
        if (c.argc() == 3) {
            if (!c.args.isLong(2) || c.args.longValue(2) < 0) {
                c.reply.error(Errors.OUT_OF_RANGE_POSITIVE);
                return;
            }
            count = c.args.longValue(2);
        }
        Database db = c.db();
        KeyEntry k = Sets.write(c, db, 1);
        if (k == Sets.WRONG) {
            c.reply.error(Errors.WRONGTYPE);
            return;
        }
        boolean single = c.argc() == 2;
        if (k == null || count == 0) {
            if (single) {
                c.reply.nullBulk();
            } else {
                c.reply.set(0);
            }
            return;
        }
        RedisSet s = (RedisSet) k.value;
        Sets.event(c, "spop", k.key);
        if (count >= s.size()) {
            if (single) {
                Sets.replyMember(c, s, s.first());
            } else {
                Sets.replyAll(c, s);
            }
            db.deleteFound();
            Sets.deleted(c, k.key);
            return;
        }
        if (!single) {
            c.reply.set((int) count);
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (long i = 0; i < count; i++) {
            int pos = s.randomPosition(rnd);
            Sets.replyMember(c, s, pos);
            s.removeAt(pos);
        }
    }

    /** SRANDMEMBER key [count] */
    static void srandmember(CommandContext c) {
        if (c.argc() > 3) {
            c.reply.error(Errors.SYNTAX);
            return;
        }
        if (c.argc() == 2) {
            RedisSet s = Sets.read(c, 1);
            if (s == null) {
                c.reply.nullBulk();
            } else if (s != Sets.WRONG_TYPE) {
                Sets.replyMember(c, s, s.randomPosition(ThreadLocalRandom.current()));
            }
            return;
        }
        if (!c.args.isLong(2)) {
            c.reply.error(Errors.NOT_INTEGER);
            return;
        }
        long count = c.args.longValue(2);
        if (count == Long.MIN_VALUE) {
            c.reply.error(Errors.LONG_RANGE);
            return;
        }
        RedisSet s = Sets.read(c, 1);
        if (s == Sets.WRONG_TYPE) {
            return;
        }
        if (s == null || count == 0) {
            c.reply.array(0);
        } else if (count < 0) {
            withRepeats(c, s, -count);
        } else if (count >= s.size()) {
            c.reply.array(s.size());
            for (int p = s.first(); p >= 0; p = s.next(p)) {
                Sets.replyMember(c, s, p);
            }
        } else {
            distinct(c, s, (int) count);
        }
    }

    private static void withRepeats(CommandContext c, RedisSet s, long n) {
        if (n > Integer.MAX_VALUE) {
            // Redis would try to send that many replies and run out of memory; refuse instead.
            c.reply.error(Errors.NOT_INTEGER);
            return;
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        c.reply.array((int) n);
        for (long i = 0; i < n; i++) {
            Sets.replyMember(c, s, s.randomPosition(rnd));
        }
    }

    /** {@code n} distinct members, fewer than the set has. */
    private static void distinct(CommandContext c, RedisSet s, int n) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        c.reply.array(n);
        if (n * 3L > s.size()) {
            // Many of the set: shuffle all positions partially (Fisher-Yates) and take the first n.
            int[] all = new int[s.size()];
            int k = 0;
            for (int p = s.first(); p >= 0; p = s.next(p)) {
                all[k++] = p;
            }
            for (int i = 0; i < n; i++) {
                int j = i + rnd.nextInt(all.length - i);
                int t = all[i];
                all[i] = all[j];
                all[j] = t;
                Sets.replyMember(c, s, all[i]);
            }
            return;
        }
        // Few of a big set: pick at random until n different positions have come up.
        Set<Integer> seen = new HashSet<>();
        while (seen.size() < n) {
            int p = s.randomPosition(rnd);
            if (seen.add(p)) {
                Sets.replyMember(c, s, p);
            }
        }
    }
}
