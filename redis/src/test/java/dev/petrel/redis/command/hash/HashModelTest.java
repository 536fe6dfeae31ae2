package dev.petrel.redis.command.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Random operations checked against a map, in both encodings, with lengths that need multi-byte varints. */
class HashModelTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"listpack", "hashtable"})
    void randomOperationsMatchAMap(String encoding) {
        c.call("CONFIG", "SET", "hash-max-listpack-value", "100000");
        c.call("CONFIG", "SET", "hash-max-listpack-entries", encoding.equals("listpack") ? "100000" : "0");
        Random rnd = new Random(42);
        Map<String, String> model = new LinkedHashMap<>();
        for (int op = 0; op < 3000; op++) {
            String f = "f" + rnd.nextInt(60) + "x".repeat(rnd.nextInt(4) == 0 ? 130 : 0);
            String v = "v".repeat(rnd.nextInt(3) == 0 ? 200 + rnd.nextInt(300) : rnd.nextInt(5));
            switch (rnd.nextInt(4)) {
                case 0, 1 -> assertThat(c.call("HSET", "h", f, v)).isEqualTo(model.put(f, v) == null ? 1L : 0L);
                case 2 -> assertThat(c.call("HDEL", "h", f)).isEqualTo(model.remove(f) != null ? 1L : 0L);
                default -> assertThat(c.call("HGET", "h", f)).isEqualTo(model.get(f));
            }
            if (!model.isEmpty()) {
                assertThat(c.call("OBJECT", "ENCODING", "h")).isEqualTo(encoding);
            }
        }
        assertThat(c.call("HLEN", "h")).isEqualTo((long) model.size());
        List<String> pairs = new ArrayList<>();
        model.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        if (encoding.equals("listpack")) {
            assertThat(c.call("HGETALL", "h")).isEqualTo(pairs); // insertion order
        } else {
            assertThat((List<Object>) c.call("HGETALL", "h")).containsExactlyInAnyOrderElementsOf(pairs);
        }
    }

    @Test
    void conversionKeepsEveryPair() {
        for (int i = 0; i < 600; i++) {
            c.call("HSET", "h", "field" + i, "value" + i);
        }
        assertThat(c.call("OBJECT", "ENCODING", "h")).isEqualTo("hashtable");
        for (int i = 0; i < 600; i++) {
            assertThat(c.call("HGET", "h", "field" + i)).isEqualTo("value" + i);
        }
        for (int i = 0; i < 590; i++) {
            c.call("HDEL", "h", "field" + i);
        }
        assertThat(c.call("HKEYS", "h")).asList().hasSize(10).contains("field595");
    }
}
