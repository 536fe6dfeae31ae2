package dev.petrel.redis.command.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScanCommandsTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    @Test
    void keysMatchesGlobPatterns() {
        for (String k : List.of("k1", "k2", "k5", "kx", "hash:k1", "hash:k2", "z:a", "a*c", "")) {
            c.call("SET", k, "v");
        }
        assertThat(keys("*")).containsExactlyInAnyOrder("k1", "k2", "k5", "kx", "hash:k1", "hash:k2", "z:a", "a*c", "");
        assertThat(keys("k[1-3]")).containsExactlyInAnyOrder("k1", "k2");
        assertThat(keys("k?")).containsExactlyInAnyOrder("k1", "k2", "k5", "kx");
        assertThat(keys("*5")).containsExactly("k5");
        assertThat(keys("*:k[^1]")).containsExactly("hash:k2");
        assertThat(keys("z*\\:*")).containsExactly("z:a");
        assertThat(keys("a\\*c")).containsExactly("a*c");
        assertThat(keys("**")).doesNotContain("");
        assertThat(keys("x*")).isEmpty();
    }

    @Test
    void keysSkipsExpiredKeys() {
        c.call("SET", "a", "1", "PX", "100");
        c.call("SET", "b", "1");
        redis.advance(Duration.ofMillis(100));
        assertThat(keys("*")).containsExactly("b");
    }

    @Test
    void scanVisitsEveryKeyOnce() {
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            c.call("SET", "key:" + i, "v");
            all.add("key:" + i);
        }
        List<String> seen = scanAll("SCAN", "%s", "COUNT", "7");
        assertThat(seen).hasSize(500);
        assertThat(new HashSet<>(seen)).isEqualTo(all);
    }

    @Test
    void scanFiltersByMatchAndType() {
        for (int i = 0; i < 50; i++) {
            c.call("SET", "a" + i, "v");
            c.call("SET", "b" + i, "v");
        }
        assertThat(scanAll("SCAN", "%s", "MATCH", "a1*"))
                .containsExactlyInAnyOrder("a1", "a10", "a11", "a12", "a13", "a14", "a15", "a16", "a17", "a18", "a19");
        assertThat(scanAll("SCAN", "%s", "TYPE", "STRING")).hasSize(100);
        assertThat(scanAll("SCAN", "%s", "TYPE", "hash")).isEmpty();
        assertThat(scanAll("SCAN", "%s", "MATCH", "*", "COUNT", "1000")).hasSize(100);
    }

    @Test
    void scanCursorsParseAsRedisDoes() {
        c.call("SET", "a", "1");
        assertThat(c.call("SCAN", "0")).isEqualTo(List.of("0", List.of("a")));
        assertThat(c.call("SCAN", "")).isEqualTo(List.of("0", List.of("a")));
        assertThat(((List<?>) c.call("SCAN", "-1")).get(0)).isEqualTo("0");
        assertThat(((List<?>) c.call("SCAN", "+5")).get(0)).isEqualTo("0");
        assertThat(((List<?>) c.call("SCAN", "18446744073709551615")).get(0)).isEqualTo("0");
        for (String bad : List.of("x", "18446744073709551616", " 1", "1 ", "-", "+", "0x1")) {
            assertThat(c.call("SCAN", bad)).as(bad).isEqualTo(new Err("ERR invalid cursor"));
        }
    }

    @Test
    void scanOptionErrors() {
        assertThat(c.call("SCAN", "0", "COUNT", "0")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("SCAN", "0", "COUNT", "-1")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("SCAN", "0", "COUNT", "x")).isEqualTo(new Err("ERR value is not an integer or out of range"));
        assertThat(c.call("SCAN", "0", "MATCH")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("SCAN", "0", "FOO", "1")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("SCAN", "x", "COUNT", "0")).isEqualTo(new Err("ERR invalid cursor"));
        assertThat(c.call("SCAN")).isEqualTo(new Err("ERR wrong number of arguments for 'scan' command"));
    }

    @Test
    void scanSkipsExpiredKeys() {
        c.call("SET", "a", "1", "PX", "100");
        c.call("SET", "b", "1");
        redis.advance(Duration.ofMillis(100));
        assertThat(scanAll("SCAN", "%s")).containsExactly("b");
    }

    @SuppressWarnings("unchecked")
    private List<Object> keys(String pattern) {
        return (List<Object>) c.call("KEYS", pattern);
    }

    /** Runs a SCAN to the end; "%s" in the arguments stands for the cursor. */
    private List<String> scanAll(String... template) {
        List<String> out = new ArrayList<>();
        String cursor = "0";
        int steps = 0;
        do {
            String[] args = template.clone();
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("%s")) {
                    args[i] = cursor;
                }
            }
            List<?> reply = (List<?>) c.call(args);
            cursor = (String) reply.get(0);
            for (Object k : (List<?>) reply.get(1)) {
                out.add((String) k);
            }
            assertThat(++steps).isLessThan(10_000);
        } while (!cursor.equals("0"));
        return out;
    }
}
