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
            } else if (hasNext && o.unit == 0 && !o.keepTtl && !o.persist && unitOf(a, j) != 0) {
                o.unit = unitOf(a, j);
                timeArg = ++j;
            } else {
                c.reply.error(Errors.SYNTAX);
                return null;
            }
        }
        if (o.unit != 0) {
            if (!a.isLong(timeArg)) {
                c.reply.error(Errors.NOT_INTEGER);
                return null;
            }
            long v = a.longValue(timeArg);
            boolean seconds = o.unit == EX || o.unit == EXAT;
            if (v <= 0 || (seconds && v > Long.MAX_VALUE / 1000)) {
                c.reply.error(Errors.invalidExpire(c.spec.fullName()));
                return null;
            }
            long ms = seconds ? v * 1000 : v;
            if (o.unit == EX || o.unit == PX) {
                ms += c.server.clock().currentTimeMillis(); // may overflow to negative: refused below
            }
            if (ms <= 0) {
                c.reply.error(Errors.invalidExpire(c.spec.fullName()));
                return null;
            }
            o.expireAt = ms;
        }
        return o;
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
