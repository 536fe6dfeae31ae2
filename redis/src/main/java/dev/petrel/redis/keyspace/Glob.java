package dev.petrel.redis.keyspace;

/**
 * Redis's glob patterns, as KEYS, SCAN MATCH, PSUBSCRIBE and CONFIG GET match them: {@code *} any run of bytes,
 * {@code ?} one byte, {@code [abc]} {@code [^abc]} {@code [a-z]} one byte of (or not of) a class, {@code \x} the byte
 * x. Redis's quirks are kept, because clients see them: an unterminated class runs to the end of the pattern, a range
 * whose ends are reversed is swapped, {@code \} inside a class escapes, a trailing {@code \} is a literal, bytes compare
 * as signed chars, and an empty subject matches only an empty pattern (so {@code **} does not match the empty key;
 * KEYS and SCAN treat a lone {@code *} as "everything" before they get here).
 *
 * <p>Each token but {@code *} consumes exactly one subject byte, so instead of recursing at every star this backtracks
 * to the last star only (the classic two-pointer wildcard match): the same answers in O(pattern × subject) time, however
 * many stars a hostile pattern has.
 */
public final class Glob {
    private Glob() {}

    public static boolean match(byte[] pattern, byte[] subject) {
        return match(pattern, 0, pattern.length, subject, 0, subject.length, false);
    }

    /** Matches {@code subject[sOff..sOff+sLen)} against {@code pattern[pOff..pOff+pLen)}. */
    public static boolean match(
            byte[] pattern, int pOff, int pLen, byte[] subject, int sOff, int sLen, boolean nocase) {
        int pEnd = pOff + pLen;
        int sEnd = sOff + sLen;
        if (sLen == 0) {
            return pLen == 0;
        }
        int p = pOff;
        int s = sOff;
        int starP = -1; // pattern position just after the last star seen
        int starS = -1; // subject position that star's match currently ends at
        while (s < sEnd) {
            if (p < pEnd && pattern[p] == '*') {
                while (p < pEnd && pattern[p] == '*') {
                    p++;
                }
                if (p == pEnd) {
                    return true;
                }
                starP = p;
                starS = s;
                continue;
            }
            int next = p < pEnd ? step(pattern, p, pEnd, subject[s], nocase) : -1;
            if (next >= 0) {
                p = next;
                s++;
            } else if (starP >= 0) {
                p = starP;
                s = ++starS; // let the star swallow one more byte
            } else {
                return false;
            }
        }
        while (p < pEnd && pattern[p] == '*') {
            p++;
        }
        return p == pEnd;
    }

    /**
     * Matches the one-byte token at {@code p} (not a star) against {@code c}: the position after the token, or -1 if
     * it does not match.
     */
    private static int step(byte[] pat, int p, int end, byte c, boolean nocase) {
        byte t = pat[p];
        if (t == '?') {
            return p + 1;
        }
        if (t == '[') {
            return stepClass(pat, p + 1, end, c, nocase);
        }
        if (t == '\\' && end - p >= 2) {
            p++;
        }
        return same(pat[p], c, nocase) ? p + 1 : -1;
    }

    /** A class starting after its {@code [}; the position after its {@code ]} (or the pattern's end), or -1. */
    private static int stepClass(byte[] pat, int p, int end, byte c, boolean nocase) {
        boolean not = p < end && pat[p] == '^';
        if (not) {
            p++;
        }
        boolean match = false;
        while (p < end && pat[p] != ']') {
            if (pat[p] == '\\' && end - p >= 2) {
                p++;
                match |= pat[p] == c;
            } else if (end - p >= 3 && pat[p + 1] == '-') {
                int lo = pat[p];
                int hi = pat[p + 2];
                if (lo > hi) {
                    int x = lo;
                    lo = hi;
                    hi = x;
                }
                int ch = c;
                if (nocase) {
                    lo = lower(lo);
                    hi = lower(hi);
                    ch = lower(ch);
                }
                match |= ch >= lo && ch <= hi;
                p += 2;
            } else {
                match |= same(pat[p], c, nocase);
            }
            p++;
        }
        if (not) {
            match = !match;
        }
        // A closing bracket is consumed; an unterminated class ends with the pattern.
        return match ? Math.min(p + 1, end) : -1;
    }

    private static boolean same(byte a, byte b, boolean nocase) {
        return a == b || (nocase && lower(a) == lower(b));
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
