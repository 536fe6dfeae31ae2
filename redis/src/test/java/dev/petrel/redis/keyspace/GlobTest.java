package dev.petrel.redis.keyspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GlobTest {
    private static boolean m(String pattern, String s) {
        return Glob.match(bytes(pattern), bytes(s));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void starsAndQuestionMarks() {
        assertThat(m("*", "anything")).isTrue();
        assertThat(m("a*c", "abbbc")).isTrue();
        assertThat(m("a*c", "ac")).isTrue();
        assertThat(m("a*c", "acb")).isFalse();
        assertThat(m("a**c", "abc")).isTrue();
        assertThat(m("?", "a")).isTrue();
        assertThat(m("?", "ab")).isFalse();
        assertThat(m("h?llo*", "hallo world")).isTrue();
        assertThat(m("*a*b*c*", "xxaxxbxxcxx")).isTrue();
        assertThat(m("*a*b*c*", "xxaxxcxxbxx")).isFalse();
    }

    @Test
    void anEmptySubjectMatchesOnlyAnEmptyPattern() {
        assertThat(m("", "")).isTrue();
        assertThat(m("*", "")).isFalse();
        assertThat(m("**", "")).isFalse();
        assertThat(m("", "a")).isFalse();
    }

    @Test
    void classes() {
        assertThat(m("k[1-3]", "k2")).isTrue();
        assertThat(m("k[1-3]", "k4")).isFalse();
        assertThat(m("k[3-1]", "k2")).isTrue(); // reversed ranges are swapped
        assertThat(m("k[^1]", "k2")).isTrue();
        assertThat(m("k[^1]", "k1")).isFalse();
        assertThat(m("[abc]x", "bx")).isTrue();
        assertThat(m("[a\\]]", "]")).isTrue();
        assertThat(m("[\\-]", "-")).isTrue();
        assertThat(m("[]", "]")).isFalse();
        assertThat(m("[^]", "z")).isTrue();
        assertThat(m("[", "a")).isFalse();
        assertThat(m("[^", "a")).isTrue();
        assertThat(m("[ab", "b")).isTrue(); // an unterminated class runs to the pattern's end
        assertThat(m("[a-]bc", "abc")).isFalse(); // "a-]" is a range, so the class swallows "bc"
        assertThat(m("[a-]bc", "b")).isTrue();
    }

    @Test
    void escapes() {
        assertThat(m("a\\*c", "a*c")).isTrue();
        assertThat(m("a\\*c", "abc")).isFalse();
        assertThat(m("a\\", "a\\")).isTrue(); // a trailing backslash is itself
        assertThat(m("\\?", "?")).isTrue();
        assertThat(m("\\?", "x")).isFalse();
    }

    @Test
    void bytesCompareAsSignedChars() {
        byte[] high = {(byte) 0xE9};
        assertThat(Glob.match(bytes("[a-\u00ff]"), high)).isFalse(); // 0xff is -1: the range is [-1, 'a']
        assertThat(Glob.match(bytes("[\u0080-\u00ff]"), high)).isTrue();
    }

    @Test
    void nocase() {
        byte[] p = bytes("MaxMemory*");
        byte[] s = bytes("maxmemory-policy");
        assertThat(Glob.match(p, 0, p.length, s, 0, s.length, true)).isTrue();
        assertThat(Glob.match(p, 0, p.length, s, 0, s.length, false)).isFalse();
        byte[] r = bytes("[A-C]x");
        byte[] b = bytes("bX");
        assertThat(Glob.match(r, 0, r.length, b, 0, b.length, true)).isTrue();
    }

    @Test
    void manyStarsStayFast() {
        String pattern = "*a".repeat(40) + "b";
        String subject = "a".repeat(200);
        long start = System.nanoTime();
        assertThat(m(pattern, subject)).isFalse();
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    /** The two-pointer matcher agrees with a plain recursive reading of the rules on random patterns. */
    @Test
    void agreesWithARecursiveMatcher() {
        Random rnd = new Random(42);
        String alphabet = "ab*?[]^-\\c";
        for (int n = 0; n < 200_000; n++) {
            String p = random(rnd, alphabet, 7);
            String s = random(rnd, "abc-]^\\", 6);
            assertThat(m(p, s)).as("pattern %s subject %s", p, s).isEqualTo(recursive(p, 0, s, 0, true));
        }
    }

    private static String random(Random rnd, String alphabet, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = rnd.nextInt(max + 1); i > 0; i--) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** The rules read directly: a star tries every split; other tokens take one character. */
    private static boolean recursive(String p, int i, String s, int j, boolean top) {
        if (top && s.isEmpty()) {
            return p.isEmpty();
        }
        if (i == p.length()) {
            return j == s.length();
        }
        if (p.charAt(i) == '*') {
            for (int k = j; k <= s.length(); k++) {
                if (recursive(p, i + 1, s, k, false)) {
                    return true;
                }
            }
            return false;
        }
        if (j == s.length()) {
            return false;
        }
        int next = token(p, i, s.charAt(j));
        return next >= 0 && recursive(p, next, s, j + 1, false);
    }

    /** One non-star token at i against c: the index after it, or -1. */
    private static int token(String p, int i, char c) {
        char t = p.charAt(i);
        if (t == '?') {
            return i + 1;
        }
        if (t == '\\') {
            return i + 1 < p.length() ? (p.charAt(i + 1) == c ? i + 2 : -1) : (c == '\\' ? i + 1 : -1);
        }
        if (t != '[') {
            return t == c ? i + 1 : -1;
        }
        int k = i + 1;
        boolean not = k < p.length() && p.charAt(k) == '^';
        if (not) {
            k++;
        }
        boolean hit = false;
        for (; k < p.length() && p.charAt(k) != ']'; k++) {
            if (p.charAt(k) == '\\' && k + 1 < p.length()) {
                hit |= p.charAt(++k) == c;
            } else if (k + 2 < p.length() && p.charAt(k + 1) == '-') {
                char lo = (char) Math.min(p.charAt(k), p.charAt(k + 2));
                char hi = (char) Math.max(p.charAt(k), p.charAt(k + 2));
                hit |= c >= lo && c <= hi;
                k += 2;
            } else {
                hit |= p.charAt(k) == c;
            }
        }
        return hit != not ? Math.min(k + 1, p.length()) : -1;
    }
}
