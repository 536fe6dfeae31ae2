package dev.petrel.redis.command.zset;

import dev.petrel.redis.RedisConfig;
import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.data.KeyEntry;
import dev.petrel.redis.data.zset.Doubles;
import dev.petrel.redis.data.zset.ZSet;
import dev.petrel.redis.keyspace.Database;
import dev.petrel.redis.pubsub.Notifications;
import java.util.Arrays;

/** What the sorted set commands share: looking keys up, creating and dropping sets, replying with scores, ranges. */
final class Zsets {
    /** Returned by the lookups after they have replied WRONGTYPE. */
    static final ZSet WRONG = ZSet.create(0, 0, 0, 0);

    static final String MIN_MAX_FLOAT = "ERR min or max is not a float";
    static final String MIN_MAX_LEX = "ERR min or max not valid string range item";
    static final String NAN = "ERR resulting score is not a number (NaN)";

    private Zsets() {}

    /** The sorted set at key argument {@code i}, null if none, or {@link #WRONG} after replying WRONGTYPE. */
    static ZSet get(CommandContext c, int i, boolean read) {
        Database db = c.db();
        Object e = read ? db.lookupRead(c.args, i) : db.lookup(c.args, i);
        return of(c, e);
    }

    static ZSet of(CommandContext c, Object e) {
        if (e == null) {
            return null;
        }
        if (e instanceof KeyEntry k && k.value instanceof ZSet z) {
            return z;
        }
        c.reply.error(Errors.WRONGTYPE);
        return WRONG;
    }

    /** A new set in the form Redis picks for about {@code sizeHint} members of up to {@code maxLen} bytes. */
    static ZSet create(CommandContext c, long sizeHint, long maxLen) {
        RedisConfig cfg = c.server.config();
        return ZSet.create(sizeHint, maxLen, cfg.zsetMaxListpackEntries, cfg.zsetMaxListpackValue);
    }

    /** Stores {@code z} under {@code key} where the last lookup of that key did not find it. */
    static void insert(CommandContext c, byte[] key, ZSet z) {
        c.db().insertFound(new KeyEntry(key, z, c.server.keyspace().lruClock()));
    }

    static void put(CommandContext c, ZSet z, byte[] member, double score) {
        RedisConfig cfg = c.server.config();
        z.put(member, score, cfg.zsetMaxListpackEntries, cfg.zsetMaxListpackValue);
    }

    static void event(CommandContext c, String name, byte[] key) {
        c.server.notifications().keyspaceEvent(Notifications.ZSET, name, key, c.client.db);
    }

    /** After a removal: deletes the key found by the last lookup if its set is now empty, with the "del" event. */
    static void dropIfEmpty(CommandContext c, ZSet z, byte[] key) {
        if (z.size() == 0) {
            c.db().deleteFound();
            c.server.notifications().keyspaceEvent(Notifications.GENERIC, "del", key, c.client.db);
        }
    }

    static void score(CommandContext c, double s) {
        c.reply.doubleText(Doubles.format(s));
    }

    /** One element of a reply: the member, and with scores its score (a pair in RESP3). */
    static void element(CommandContext c, byte[] buf, int off, int len, double s, boolean withScores) {
        if (withScores && c.reply.resp3()) {
            c.reply.array(2);
        }
        c.reply.bulk(buf, off, len);
        if (withScores) {
            score(c, s);
        }
    }

    /** The array header for {@code n} elements. */
    static void header(CommandContext c, long n, boolean withScores) {
        c.reply.array((int) (withScores && !c.reply.resp3() ? 2 * n : n));
    }

    /** A parsed score or lex range: tests for the elements before its start and up to its end. */
    record Range(ZSet.Before lo, ZSet.Before hi, boolean empty) {}

    /** Parses range arguments {@code lo}, {@code hi}; replies the error and returns null when invalid. */
    static Range range(CommandContext c, int lo, int hi, boolean lex) {
        byte[] a = c.args.bytes(lo);
        byte[] b = c.args.bytes(hi);
        Range r = lex ? lexRange(a, b) : scoreRange(a, b);
        if (r == null) {
            c.reply.error(lex ? MIN_MAX_LEX : MIN_MAX_FLOAT);
        }
        return r;
    }

    private static Range scoreRange(byte[] a, byte[] b) {
        boolean minEx = a.length > 0 && a[0] == '(';
        boolean maxEx = b.length > 0 && b[0] == '(';
        double min = Doubles.parseLoose(a, minEx ? 1 : 0, a.length - (minEx ? 1 : 0));
        double max = Doubles.parseLoose(b, maxEx ? 1 : 0, b.length - (maxEx ? 1 : 0));
        if (Double.isNaN(min) || Double.isNaN(max)) {
            return null;
        }
        ZSet.Before lo = minEx ? (s, m, o, l) -> s <= min : (s, m, o, l) -> s < min;
        ZSet.Before hi = maxEx ? (s, m, o, l) -> s < max : (s, m, o, l) -> s <= max;
        return new Range(lo, hi, min > max || (min == max && (minEx || maxEx)));
    }

    private static boolean lexItem(byte[] x) {
        return x.length == 1 && (x[0] == '-' || x[0] == '+') || x.length > 0 && (x[0] == '[' || x[0] == '(');
    }

    /** -1 for "-", 1 for "+", else 0 (a string). */
    private static int infinity(byte[] x) {
        return x.length == 1 && x[0] == '-' ? -1 : x.length == 1 && x[0] == '+' ? 1 : 0;
    }

    private static Range lexRange(byte[] a, byte[] b) {
        if (!lexItem(a) || !lexItem(b)) {
            return null;
        }
        int ia = infinity(a);
        int ib = infinity(b);
        int cmp;
        if (ia != 0 || ib != 0) {
            cmp = ia == ib ? 0 : ia == -1 || ib == 1 ? -1 : 1;
        } else {
            cmp = Integer.signum(Arrays.compareUnsigned(a, 1, a.length, b, 1, b.length));
        }
        boolean aEx = ia != 0 || a[0] == '(';
        boolean bEx = ib != 0 || b[0] == '(';
        return new Range(lexBefore(a, ia, false), lexBefore(b, ib, true), cmp > 0 || (cmp == 0 && (aEx || bEx)));
    }

    private static ZSet.Before lexBefore(byte[] arg, int inf, boolean end) {
        if (inf != 0) {
            boolean all = inf > 0;
            return (s, m, o, l) -> all;
        }
        boolean ex = arg[0] == '(';
        byte[] v = Arrays.copyOfRange(arg, 1, arg.length);
        if (end == ex) {
            return (s, m, o, l) -> Arrays.compareUnsigned(m, o, o + l, v, 0, v.length) < 0;
        }
        return (s, m, o, l) -> Arrays.compareUnsigned(m, o, o + l, v, 0, v.length) <= 0;
    }

    /** The rank of the first element in range, or -1. */
    static long first(ZSet z, Range r) {
        return r.empty ? -1 : z.firstIn(r.lo, r.hi);
    }

    /** The rank of the last element in range, or -1. */
    static long last(ZSet z, Range r) {
        return r.empty ? -1 : z.lastIn(r.lo, r.hi);
    }

    /** How many elements from {@code first} onwards stay within the range's end (at most {@code max}). */
    static long runForward(ZSet z, Range r, long first, long max) {
        long n = 0;
        for (ZSet.Cursor c = z.cursor(first); c.valid() && n < max; c.next(), n++) {
            if (!r.hi.test(c.score, c.buf, c.off, c.len)) {
                break;
            }
        }
        return n;
    }

    /** How many elements from {@code last} backwards stay within the range's start (at most {@code max}). */
    static long runBackward(ZSet z, Range r, long last, long max) {
        long n = 0;
        for (ZSet.Cursor c = z.cursor(last); c.valid() && n < max; c.prev(), n++) {
            if (r.lo.test(c.score, c.buf, c.off, c.len)) {
                break;
            }
        }
        return n;
    }

    /** Elements in range: counted from the first forwards, as Redis counts. */
    static long count(ZSet z, Range r) {
        long f = first(z, r);
        if (f < 0) {
            return 0;
        }
        if (!z.compact()) {
            long l = last(z, r);
            return l < f ? 0 : l - f + 1;
        }
        return runForward(z, r, f, Long.MAX_VALUE);
    }

    /** A strict value argument (score, increment, weight): NaN after replying {@code error}. */
    static double value(CommandContext c, int i, String error) {
        double d = Doubles.parseStrict(c.args.bytes(i));
        if (Double.isNaN(d)) {
            c.reply.error(error);
        }
        return d;
    }
}
