package dev.petrel.redis.data.set;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RedisSetTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void intsetWidensAndKeepsOrder() {
        byte[] s = IntSet.EMPTY;
        long[] values = {5, -3, 40000, -2147483649L, 7, Long.MAX_VALUE, Long.MIN_VALUE, 0};
        TreeSet<Long> model = new TreeSet<>();
        for (long v : values) {
            int at = IntSet.search(s, v);
            assertThat(at).isNegative();
            s = IntSet.insert(s, -at - 1, v);
            model.add(v);
            assertThat(s[0]).isEqualTo((byte)
                    Math.max(2, model.stream().mapToInt(IntSet::widthFor).max().getAsInt()));
            List<Long> got = new ArrayList<>();
            for (int i = 0; i < IntSet.size(s); i++) {
                got.add(IntSet.get(s, i));
            }
            assertThat(got).containsExactlyElementsOf(model);
        }
        s = IntSet.remove(s, IntSet.search(s, Long.MAX_VALUE));
        assertThat(IntSet.search(s, Long.MAX_VALUE)).isNegative();
        assertThat(s[0]).isEqualTo((byte) 8); // never narrows
        assertThat(IntSet.size(s)).isEqualTo(7);
    }

    @Test
    void matchesAModelThroughConversionAndShrinking() {
        Random rnd = new Random(42);
        RedisSet set = new RedisSet();
        Set<String> model = new HashSet<>();
        for (int round = 0; round < 20000; round++) {
            String m = rnd.nextInt(4) == 0 ? "m" + rnd.nextInt(3000) : Integer.toString(rnd.nextInt(3000) - 1500);
            if (rnd.nextInt(3) > 0) {
                assertThat(set.add(b(m), 512)).isEqualTo(model.add(m));
            } else if (set.size() > 0) {
                int pos = set.randomPosition(rnd);
                String gone = new String(set.memberAt(pos), StandardCharsets.UTF_8);
                set.removeAt(pos);
                assertThat(model.remove(gone)).isTrue();
            }
            assertThat(set.size()).isEqualTo(model.size());
        }
        assertThat(set.encoding()).isEqualTo("hashtable");
        Set<String> all = new HashSet<>();
        for (int p = set.first(); p >= 0; p = set.next(p)) {
            all.add(new String(set.memberAt(p), StandardCharsets.UTF_8));
        }
        assertThat(all).isEqualTo(model);
        for (String m : model) {
            assertThat(set.contains(b(m), 0, m.length())).isTrue();
        }
        assertThat(set.contains(-1501)).isFalse();
    }

    @Test
    void integerLookupsWorkInEitherEncoding() {
        RedisSet set = new RedisSet();
        set.add(12, 512);
        assertThat(set.contains(12)).isTrue();
        assertThat(set.contains(b("12"), 0, 2)).isTrue();
        assertThat(set.contains(b("012"), 0, 3)).isFalse();
        set.add(b("x"), 512);
        assertThat(set.isIntset()).isFalse();
        assertThat(set.contains(12)).isTrue();
        assertThat(set.add(12, 512)).isFalse();
        assertThat(set.add(b("12"), 512)).isFalse();
    }

    @Test
    void copyIsDeep() {
        RedisSet set = new RedisSet();
        set.add(b("a"), 512);
        RedisSet copy = set.copy();
        copy.add(b("b"), 512);
        assertThat(set.size()).isEqualTo(1);
        assertThat(copy.size()).isEqualTo(2);
    }

    @Test
    void tableScanCoversEveryMember() {
        RedisSet set = new RedisSet();
        for (int i = 0; i < 1000; i++) {
            set.add(b("k" + i), 512);
        }
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        List<byte[]> out = new ArrayList<>();
        do {
            out.clear();
            cursor = set.scan(cursor, out);
            out.forEach(m -> seen.add(new String(m, StandardCharsets.UTF_8)));
        } while (cursor != 0);
        assertThat(seen).hasSize(1000);
    }
}
