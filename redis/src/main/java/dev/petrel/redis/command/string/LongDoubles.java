package dev.petrel.redis.command.string;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * INCRBYFLOAT's arithmetic as Redis does it on x86-64: C {@code long double}, the x87 80-bit extended format (a 64-bit
 * significand, binary exponents down to -16445 with subnormals, up to 16383). Values are kept exact as a significand
 * and a binary exponent; parsing ({@code strtold}) and addition round to nearest, ties to even, as the hardware does.
 * The text is {@code %.17Lf} (exact decimal expansion rounded to 17 places, ties to even as glibc does) with trailing
 * zeros and a trailing point removed, and "-0" written "0". A double would print different digits (try 0.1 + 0.2, or
 * 1e400), so plain Java arithmetic does not serve.
 */
public final class LongDoubles {
    /** Longer input is not a float to Redis. */
    private static final int MAX_CHARS = 5 * 1024;

    private static final int EMIN = -16445; // exponent of the smallest subnormal
    private static final int MAX_TOP = 16383; // exponent of the highest bit of the largest finite value
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** A finite extended value {@code (negative ? -1 : 1) * m * 2^e}, or an infinity. */
    public record Ext(boolean negative, BigInteger m, int e, boolean infinite) {
        public static final Ext ZERO = new Ext(false, BigInteger.ZERO, 0, false);

        /** The exact value (finite only). */
        BigDecimal exact() {
            BigDecimal d = e >= 0 ? new BigDecimal(m.shiftLeft(e)) : new BigDecimal(m.multiply(pow5(-e)), -e);
            return negative ? d.negate() : d;
        }
    }

    private LongDoubles() {}

    /** Parses {@code b[off..off+len)} as Redis reads a long double, or returns null if it is not a valid float. */
    public static Ext parse(byte[] b, int off, int len) {
        if (len == 0 || len > MAX_CHARS || isSpace(b[off])) {
            return null;
        }
        String s = new String(b, off, len, StandardCharsets.ISO_8859_1);
        boolean neg = false;
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            neg = s.charAt(0) == '-';
            i = 1;
        }
        String rest = s.substring(i);
        if (rest.equalsIgnoreCase("inf") || rest.equalsIgnoreCase("infinity")) {
            return new Ext(neg, BigInteger.ZERO, 0, true);
        }
        boolean hex = rest.length() > 2 && rest.charAt(0) == '0' && (rest.charAt(1) | 0x20) == 'x';
        return hex ? parseHex(neg, rest.substring(2)) : parseDecimal(neg, rest);
    }

    /** The sum, rounded; null if it is NaN or infinite (Redis refuses to store those). */
    public static Ext add(Ext a, Ext b) {
        if (a.infinite || b.infinite) {
            return null;
        }
        int e = Math.min(a.e, b.e);
        BigInteger x = signed(a).shiftLeft(a.e - e).add(signed(b).shiftLeft(b.e - e));
        if (x.signum() == 0) {
            return Ext.ZERO;
        }
        Ext r = round(x.signum() < 0, x.abs(), BigInteger.ONE, e);
        return r.infinite ? null : r;
    }

    /** The value as INCRBYFLOAT replies and stores it. */
    public static byte[] format(Ext v) {
        String s = v.exact().setScale(17, RoundingMode.HALF_EVEN).toPlainString();
        int end = s.length();
        if (s.indexOf('.') >= 0) {
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
        }
        s = s.substring(0, end);
        return (s.equals("-0") ? "0" : s).getBytes(StandardCharsets.US_ASCII);
    }

    private static BigInteger signed(Ext v) {
        return v.negative ? v.m.negate() : v.m;
    }

    /** Decimal: digits with an optional point, then an optional exponent; the whole text must be used. */
    private static Ext parseDecimal(boolean neg, String s) {
        StringBuilder digits = new StringBuilder();
        int i = 0;
        int n = s.length();
        int frac = 0;
        boolean point = false;
        for (; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digits.append(ch);
                frac += point ? 1 : 0;
            } else if (ch == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits.length() == 0) {
            return null;
        }
        long exp = 0;
        if (i < n) {
            if ((s.charAt(i) | 0x20) != 'e') {
                return null;
            }
            Long x = exponent(s, i + 1);
            if (x == null) {
                return null;
            }
            exp = x;
        }
        BigInteger m = new BigInteger(digits.toString());
        if (m.signum() == 0) {
            return new Ext(neg, BigInteger.ZERO, 0, false);
        }
        long exp10 = exp - frac;
        long top = exp10 + m.toString().length() - 1; // decimal exponent of the leading digit
        if (top > 4940) {
            return null; // overflows to infinity: strtold reports a range error
        }
        if (top < -4960) {
            return null; // underflows to zero: also a range error
        }
        Ext r = exp10 >= 0
                ? round(neg, m.multiply(BigInteger.TEN.pow((int) exp10)), BigInteger.ONE, 0)
                : round(neg, m, BigInteger.TEN.pow((int) -exp10), 0);
        return rangeChecked(r);
    }

    /** Hexadecimal after "0x": hex digits with an optional point, then an optional binary exponent "p". */
    private static Ext parseHex(boolean neg, String s) {
        StringBuilder digits = new StringBuilder();
        int i = 0;
        int n = s.length();
        int frac = 0;
        boolean point = false;
        for (; i < n; i++) {
            char ch = s.charAt(i);
            if (Character.digit(ch, 16) >= 0) {
                digits.append(ch);
                frac += point ? 1 : 0;
            } else if (ch == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits.length() == 0) {
            return null; // "0x" alone parses as 0 followed by junk
        }
        long exp = 0;
        if (i < n) {
            if ((s.charAt(i) | 0x20) != 'p') {
                return null;
            }
            Long x = exponent(s, i + 1);
            if (x == null) {
                return null;
            }
            exp = x;
        }
        BigInteger m = new BigInteger(digits.toString(), 16);
        if (m.signum() == 0) {
            return new Ext(neg, BigInteger.ZERO, 0, false);
        }
        long e2 = exp - 4L * frac;
        long top = e2 + m.bitLength() - 1;
        if (top > MAX_TOP + 1 || top < EMIN - 2) {
            return null;
        }
        return rangeChecked(round(neg, m, BigInteger.ONE, (int) e2));
    }

    /** A signed exponent that must run to the end of {@code s}; clamped (the value is out of range long before). */
    private static Long exponent(String s, int i) {
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        if (i == s.length()) {
            return null;
        }
        long v = 0;
        for (; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return null;
            }
            v = Math.min(v * 10 + (ch - '0'), 1_000_000_000L);
        }
        return neg ? -v : v;
    }

    /** Parsing refuses what overflows to infinity or underflows to zero (strtold's range errors). */
    private static Ext rangeChecked(Ext r) {
        return r.infinite || r.m.signum() == 0 ? null : r;
    }

    /** {@code num / den * 2^shift} (positive) rounded to the extended format, to nearest, ties to even. */
    private static Ext round(boolean neg, BigInteger num, BigInteger den, int shift) {
        int t = num.bitLength() - den.bitLength(); // floor(log2(num/den)) is t or t - 1
        boolean atLeast = t >= 0
                ? num.compareTo(den.shiftLeft(t)) >= 0
                : num.shiftLeft(-t).compareTo(den) >= 0;
        if (!atLeast) {
            t--;
        }
        int e = Math.max(t + shift - 63, EMIN);
        int sh = shift - e;
        BigInteger n = sh >= 0 ? num.shiftLeft(sh) : num;
        BigInteger d = sh >= 0 ? den : den.shiftLeft(-sh);
        BigInteger[] qr = n.divideAndRemainder(d);
        BigInteger q = qr[0];
        int cmp = qr[1].shiftLeft(1).compareTo(d);
        if (cmp > 0 || (cmp == 0 && q.testBit(0))) {
            q = q.add(BigInteger.ONE);
        }
        if (q.equals(TWO_64)) {
            q = q.shiftRight(1);
            e++;
        }
        if (q.signum() != 0 && q.bitLength() - 1 + e > MAX_TOP) {
            return new Ext(neg, BigInteger.ZERO, 0, true);
        }
        return new Ext(neg, q, q.signum() == 0 ? 0 : e, false);
    }

    private static BigInteger pow5(int n) {
        return BigInteger.valueOf(5).pow(n);
    }

    /** C's isspace in the "C" locale. */
    private static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
