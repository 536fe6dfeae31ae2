package dev.petrel.redis.command.string;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.Errors;

/**
 * The options of SET and GETEX — NX, XX, GET, KEEPTTL, PERSIST, EX, PX, EXAT, PXAT — parsed with Redis's rules: which
 * combine, which exclude each other (a syntax error), and when an expire time is invalid.
 */
final class SetOptions {
    boolean nx;
    boolean xx;
    boolean get;
    boolean keepTtl;
    boolean persist;
    /** Absolute unix milliseconds, or -1 for none. */
    long expireAt = -1;

    private int unit; // 0 none, else the option that set it

    private static final int EX = 1;
    private static final int PX = 2;
    private static final int EXAT = 3;
    private static final int PXAT = 4;

    /**
     * Parses options from argument {@code from}; {@code isSet} selects SET's options (else GETEX's). Replies with the
     * error and returns null when they are wrong.
     */
    static SetOptions parse(CommandContext c, int from, boolean isSet) {
        SetOptions o = new SetOptions();
        var a = c.args;
        int timeArg = -1;
        for (int j = from; j < a.count(); j++) {
            boolean hasNext = j + 1 < a.count();
            int unit = unitOf(a, j);
            // an option may repeat (the last time value wins); only conflicting ones are a syntax error
            if (isSet && a.is(j, "NX") && !o.xx) {
                o.nx = true;
            } else if (isSet && a.is(j, "XX") && !o.nx) {
                o.xx = true;
            } else if (isSet && a.is(j, "GET")) {
                o.get = true;
            } else if (isSet && a.is(j, "KEEPTTL") && o.unit == 0) {
                o.keepTtl = true;
            } else if (!isSet && a.is(j, "PERSIST") && o.unit == 0) {
                o.persist = true;
            } else if (unit != 0 && hasNext && (o.unit == 0 || o.unit == unit) && !o.keepTtl && !o.persist) {
                o.unit = unit;
                timeArg = ++j;
            } else {
                c.reply.error(Errors.SYNTAX);
                return null;
            }
        }
        if (o.unit != 0) {
            o.expireAt = expireAt(c, timeArg, o.unit == EX || o.unit == EXAT, o.unit == EX || o.unit == PX);
            if (o.expireAt < 0) {
                return null;
            }
        }
        return o;
    }

    /**
     * Argument {@code i} as an expire time — {@code seconds} or milliseconds, {@code relative} to now or absolute —
     * in absolute unix milliseconds; or -1 after replying Redis's error (not an integer, or an invalid expire time).
     */
    static long expireAt(CommandContext c, int i, boolean seconds, boolean relative) {
        var a = c.args;
        if (!a.isLong(i)) {
            c.reply.error(Errors.NOT_INTEGER);
            return -1;
        }
        long v = a.longValue(i);
        if (v <= 0 || (seconds && v > Long.MAX_VALUE / 1000)) {
            c.reply.error(Errors.invalidExpire(c.spec.fullName()));
            return -1;
        }
        long ms = seconds ? v * 1000 : v;
        if (relative) {
            ms += c.server.clock().currentTimeMillis(); // may overflow to negative: refused below
        }
        if (ms <= 0) {
            c.reply.error(Errors.invalidExpire(c.spec.fullName()));
            return -1;
        }
        return ms;
    }

    private static int unitOf(dev.petrel.redis.resp.Args a, int j) {
        if (a.is(j, "EX")) {
            return EX;
        }
        if (a.is(j, "PX")) {
            return PX;
        }
        if (a.is(j, "EXAT")) {
            return EXAT;
        }
        if (a.is(j, "PXAT")) {
            return PXAT;
        }
        return 0;
    }
}
