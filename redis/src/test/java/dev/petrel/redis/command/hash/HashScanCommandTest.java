package dev.petrel.redis.command.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashScanCommandTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    @Test
    void packedHashAnswersAtOnce() {
        c.call("HSET", "h", "a", "1", "b", "2", "ab", "3");
        assertThat(c.call("HSCAN", "h", "0")).isEqualTo(List.of("0", List.of("a", "1", "b", "2", "ab", "3")));
        assertThat(c.call("HSCAN", "h", "77", "COUNT", "1"))
                .isEqualTo(List.of("0", List.of("a", "1", "b", "2", "ab", "3")));
        assertThat(c.call("HSCAN", "h", "0", "MATCH", "a*")).isEqualTo(List.of("0", List.of("a", "1", "ab", "3")));
        assertThat(c.call("HSCAN", "missing", "0")).isEqualTo(List.of("0", List.of()));
    }

    @Test
    void argumentErrors() {
        c.call("HSET", "h", "a", "1");
        assertThat(c.call("HSCAN", "h", "x")).isEqualTo(new Err("ERR invalid cursor"));
        assertThat(c.call("HSCAN", "h", "18446744073709551616")).isEqualTo(new Err("ERR invalid cursor"));
        assertThat(c.call("HSCAN", "missing", "x")).isEqualTo(new Err("ERR invalid cursor"));
        assertThat(c.call("HSCAN", "missing", "0", "foo")).isEqualTo(List.of("0", List.of()));
        assertThat(c.call("HSCAN", "h", "0", "COUNT", "0")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("HSCAN", "h", "0", "COUNT", "x"))
                .isEqualTo(new Err("ERR value is not an integer or out of range"));
        assertThat(c.call("HSCAN", "h", "0", "MATCH")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("HSCAN", "h", "0", "TYPE", "string")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("HSCAN", "h", "0", "NOVALUES")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("HSCAN", "h", "-1")).isEqualTo(List.of("0", List.of("a", "1")));
    }

    @Test
    void tableScanReturnsEveryFieldOnce() {
        for (int i = 0; i < 1000; i++) {
            c.call("HSET", "big", "f" + i, "v" + i);
        }
        assertThat(c.call("OBJECT", "ENCODING", "big")).isEqualTo("hashtable");
        Map<String, String> seen = new HashMap<>();
        String cursor = "0";
        int calls = 0;
        do {
            List<?> r = (List<?>) c.call("HSCAN", "big", cursor, "COUNT", "25");
            cursor = (String) r.get(0);
            List<?> items = (List<?>) r.get(1);
            for (int i = 0; i < items.size(); i += 2) {
                assertThat(seen.put((String) items.get(i), (String) items.get(i + 1)))
                        .isNull();
            }
            calls++;
        } while (!cursor.equals("0"));
        assertThat(seen).hasSize(1000).containsEntry("f7", "v7");
        assertThat(calls).isGreaterThan(10);
    }

    @Test
    void tableScanSurvivesGrowthAndShrinking() {
        for (int i = 0; i < 600; i++) {
            c.call("HSET", "big", "f" + i, "v");
        }
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int step = 0;
        do {
            List<?> r = (List<?>) c.call("HSCAN", "big", cursor, "MATCH", "f*");
            cursor = (String) r.get(0);
            List<?> items = (List<?>) r.get(1);
            for (int i = 0; i < items.size(); i += 2) {
                seen.add((String) items.get(i));
            }
            step++;
            if (step == 5) { // grow: the table doubles several times
                for (int i = 0; i < 3000; i++) {
                    c.call("HSET", "big", "g" + i, "v");
                }
            }
            if (step == 15) { // shrink again
                for (int i = 0; i < 3000; i++) {
                    c.call("HDEL", "big", "g" + i);
                }
            }
        } while (!cursor.equals("0"));
        for (int i = 0; i < 600; i++) {
            assertThat(seen).contains("f" + i);
        }
    }
}
