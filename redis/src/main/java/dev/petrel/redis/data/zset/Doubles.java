package dev.petrel.redis.data.zset;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Doubles as Redis 7.0 reads and prints them. Printing is C's {@code "%.17g"} (what Redis 7.0 replies with for scores,
 * so 0.1 prints as {@code 0.10000000000000001}), with {@code inf}/{@code -inf}; {@link #d2string} is the form a
 * listpack stores (integers up to 2^62 in plain digits), which ZSCAN of a small sorted set shows. Parsing follows
 * {@code strtod}: decimal, hexadecimal, {@code inf}/{@code infinity}; {@link #parseStrict} adds Redis's checks for a
 * value argument (no leading space, no overflow or underflow to zero, no NaN).
 */
public final class Doubles {
    private static final MathContext SEVENTEEN = new MathContext(17, RoundingMode.HALF_EVEN);
    private static final double LL_HALF = (double) (Long.MAX_VALUE / 2);

    private Doubles() {}

    /** C's {@code %.17g}, with Redis's spelling of infinities. */
    public static String format(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e17) {
            return Long.toString((long) d);
        }
        BigDecimal b = new BigDecimal(d).round(SEVENTEEN);
        int exp = b.precision() - b.scale() - 1;
        if (exp < -4 || exp >= 17) {
            String digits = b.unscaledValue().abs().toString();
            int end = digits.length();
            while (end > 1 && digits.charAt(end - 1) == '0') {
                end--;
            }
            StringBuilder sb = new StringBuilder(28);
            if (d < 0) {
                sb.append('-');
            }
            sb.append(digits.charAt(0));
            if (end > 1) {
                sb.append('.').append(digits, 1, end);
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int e = Math.abs(exp);
            if (e < 10) {
                sb.append('0');
            }
            return sb.append(e).toString();
        }
        return b.stripTrailingZeros().toPlainString();
    }

    /** {@link #format} as ASCII bytes. */
    public static byte[] formatBytes(double d) {
        return format(d).getBytes(StandardCharsets.US_ASCII);
    }

    /** Redis's d2string: integral values within ±2^62 in plain digits, everything else as {@link #format}. */
    public static String d2string(double d) {
        if (!Double.isInfinite(d) && d >= -LL_HALF && d <= LL_HALF && d == (double) (long) d) {
            return Long.toString((long) d);
        }
        return format(d);
    }

    /**
     * A value argument (ZADD score, ZINCRBY increment, WEIGHTS): strtod's syntax, with no leading space, no overflow,
     * no underflow to zero and no NaN; NaN (Java's) when it is not acceptable.
     */
    public static double parseStrict(byte[] b) {
        if (b.length == 0 || isSpace(b[0])) {
            return Double.NaN;
        }
        return parse(b, 0, b.length, true);
    }

    /** strtod over the whole of {@code b[off, off+len)} (leading spaces allowed); NaN if it is not all a number. */
    public static double parseLoose(byte[] b, int off, int len) {
        return parse(b, off, len, false);
    }

    private static double parse(byte[] b, int off, int len, boolean strict) {
        int i = off;
        int end = off + len;
        while (i < end && isSpace(b[i])) {
            i++;
        }
        if (i == end) {
            return strict ? Double.NaN : 0; // strtod of nothing is 0 with nothing consumed, which zset ranges accept
        }
        boolean neg = false;
        if (b[i] == '+' || b[i] == '-') {
            neg = b[i] == '-';
            i++;
        }
        String rest = new String(b, i, end - i, StandardCharsets.ISO_8859_1);
        String lower = rest.toLowerCase();
        if (lower.equals("inf") || lower.equals("infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        double v;
        boolean nonZeroDigits;
        if (lower.startsWith("0x")) {
            v = parseHex(lower.substring(2));
            nonZeroDigits = lower.chars().skip(2).takeWhile(ch -> ch != 'p').anyMatch(ch -> ch != '0' && ch != '.');
        } else {
            if (!decimal(lower)) {
                return Double.NaN;
            }
            v = Double.parseDouble(lower);
            int e = lower.indexOf('e');
            String mantissa = e < 0 ? lower : lower.substring(0, e);
            nonZeroDigits = mantissa.chars().anyMatch(ch -> ch >= '1' && ch <= '9');
        }
        if (Double.isNaN(v)) {
            return v;
        }
        if (strict && (Double.isInfinite(v) || (v == 0 && nonZeroDigits))) {
            return Double.NaN; // ERANGE
        }
        return neg ? -v : v;
    }

    /** digits [. digits] or . digits, then an optional exponent: what strtod reads as a decimal number. */
    private static boolean decimal(String s) {
        int i = 0;
        int n = s.length();
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && s.charAt(i) == 'e') {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            int k = j;
            while (k < n && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
                k++;
            }
            if (k == j) {
                return false; // strtod would stop before the 'e', leaving it unread
            }
            i = k;
        }
        return i == n;
    }

    /** Hex digits [. hex digits] [p [sign] digits], as strtod reads after "0x". */
    private static double parseHex(String s) {
        int p = s.indexOf('p');
        String m = p < 0 ? s : s.substring(0, p);
        if (m.isEmpty() || m.equals(".") || !m.matches("[0-9a-f]*\\.?[0-9a-f]*")) {
            return Double.NaN;
        }
        if (p >= 0 && !s.substring(p + 1).matches("[+-]?[0-9]+")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(
                    "0x" + (m.startsWith(".") ? "0" + m : m) + "p" + (p < 0 ? "0" : s.substring(p + 1)));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
