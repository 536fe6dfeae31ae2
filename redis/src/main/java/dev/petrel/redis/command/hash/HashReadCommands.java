package dev.petrel.redis.command.hash;

import static dev.petrel.redis.command.Flag.READONLY;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.hash.RedisHash;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Commands that read a whole hash or a random part of it: HGETALL (a map in RESP3), HKEYS, HVALS, HRANDFIELD. Pairs
 * come in the hash's own order: insertion order while it is packed, as Redis's listpack.
 */
final class HashReadCommands {
    private static final int FIELDS = 1;
    private static final int VALUES = 2;
    private static final Random RANDOM = new Random();

    private HashReadCommands() {}

    static void register(CommandTable t) {
        t.add(
                HashCommands.hash("HGETALL", 2, "", "Get all the fields and values in a hash")
                        .flags(READONLY)
                        .complexity("O(N) where N is the size of the hash."),
                c -> all(c, FIELDS | VALUES));
        t.add(
                HashCommands.hash("HKEYS", 2, "", "Get all the fields in a hash")
                        .flags(READONLY)
                        .complexity("O(N) where N is the size of the hash."),
                c -> all(c, FIELDS));
        t.add(
                HashCommands.hash("HVALS", 2, "", "Get all the values in a hash")
                        .flags(READONLY)
                        .complexity("O(N) where N is the size of the hash."),
                c -> all(c, VALUES));
        t.add(
                HashCommands.hash(
                                "HRANDFIELD",
                                -2,
                                "[count [WITHVALUES]]",
                                "Get one or multiple random fields from a hash")
                        .flags(READONLY)
                        .since("6.2.0")
                        .complexity("O(N) where N is the number of fields returned"),
                HashReadCommands::hrandfield);
    }

    /** HGETALL, HKEYS, HVALS key */
    static void all(CommandContext c, int what) {
        RedisHash h = Hashes.read(c);
        if (h == Hashes.WRONG_TYPE) {
            return;
        }
        int n = h == null ? 0 : h.size();
        if (what == (FIELDS | VALUES)) {
            c.reply.map(n);
        } else {
            c.reply.array(n);
        }
        for (int pos = n == 0 ? -1 : h.first(); pos >= 0; pos = h.next(pos)) {
            reply(c, h, pos, what, false);
        }
    }

    /** One pair: its field, its value, or both (as a two-element array when {@code nested}). */
    private static void reply(CommandContext c, RedisHash h, int pos, int what, boolean nested) {
        if (nested) {
            c.reply.array(2);
        }
        if ((what & FIELDS) != 0) {
            Hashes.replyField(c, h, pos);
        }
        if ((what & VALUES) != 0) {
            Hashes.replyValue(c, h, pos);
        }
    }

    /** HRANDFIELD key [count [WITHVALUES]] */
    static void hrandfield(CommandContext c) {
        if (c.argc() == 2) {
            RedisHash h = Hashes.read(c);
            if (h == null) {
                c.reply.nullBulk();
            } else if (h != Hashes.WRONG_TYPE) {
                Hashes.replyField(c, h, h.random(RANDOM));
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
        boolean withValues = c.argc() == 4 && c.args.is(3, "WITHVALUES");
        if (c.argc() > 4 || (c.argc() == 4 && !withValues)) {
            c.reply.error(Errors.SYNTAX);
            return;
        }
        if (withValues && (count < -Long.MAX_VALUE / 2 || count > Long.MAX_VALUE / 2)) {
            c.reply.error(Errors.VALUE_OUT_OF_RANGE);
            return;
        }
        RedisHash h = Hashes.read(c);
        if (h == Hashes.WRONG_TYPE) {
            return;
        }
        if (h == null || count == 0) {
            c.reply.array(0);
            return;
        }
        int what = withValues ? FIELDS | VALUES : FIELDS;
        boolean nested = withValues && c.reply.resp3();
        int perPair = withValues && !nested ? 2 : 1;
        int size = h.size();
        if (count < 0) { // repeats allowed
            long n = -count;
            c.reply.array(n * perPair > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) (n * perPair));
            for (long i = 0; i < n; i++) {
                reply(c, h, h.random(RANDOM), what, nested);
            }
            return;
        }
        if (count >= size) {
            c.reply.array(size * perPair);
            for (int pos = h.first(); pos >= 0; pos = h.next(pos)) {
                reply(c, h, pos, what, nested);
            }
            return;
        }
        int[] picked = distinct(h, (int) count, size);
        c.reply.array(picked.length * perPair);
        for (int pos : picked) {
            reply(c, h, pos, what, nested);
        }
    }

    /** {@code count} distinct random positions ({@code count < size}). */
    private static int[] distinct(RedisHash h, int count, int size) {
        int[] out = new int[count];
        if (count * 3L > size) { // a large share: shuffle all positions, keep the first count
            int[] all = new int[size];
            int n = 0;
            for (int pos = h.first(); pos >= 0; pos = h.next(pos)) {
                all[n++] = pos;
            }
            for (int i = 0; i < count; i++) {
                int j = i + RANDOM.nextInt(size - i);
                int t = all[i];
                all[i] = all[j];
                all[j] = t;
                out[i] = all[i];
            }
            return out;
        }
        Set<Integer> seen = new HashSet<>();
        for (int n = 0; n < count; ) {
            int pos = h.random(RANDOM);
            if (seen.add(pos)) {
                out[n++] = pos;
            }
        }
        return out;
    }
}
