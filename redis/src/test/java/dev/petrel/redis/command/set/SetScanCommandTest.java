package dev.petrel.redis.command.set;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetScanCommandTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    /** Every member a full SSCAN returns (with repeats), checking each step returns at most a few buckets' worth. */
    private List<String> scanAll(String key, String... options) {
        List<String> out = new java.util.ArrayList<>();
        String cursor = "0";
        do {
            String[] cmd = new String[3 + options.length];
            cmd[0] = "SSCAN";
            cmd[1] = key;
            cmd[2] = cursor;
            System.arraycopy(options, 0, cmd, 3, options.length);
            List<?> reply = (List<?>) c.call(cmd);
            cursor = (String) reply.get(0);
            for (Object m : (List<?>) reply.get(1)) {
                out.add((String) m);
            }
        } while (!cursor.equals("0"));
        return out;
    }

    @Test
    void intsetAnswersWholeWithCursorZero() {
        c.call("SADD", "s", "3", "1", "2");
        assertThat(c.call("SSCAN", "s", "0", "COUNT", "1")).isEqualTo(List.of("0", List.of("1", "2", "3")));
        assertThat(c.call("SSCAN", "s", "77")).isEqualTo(List.of("0", List.of("1", "2", "3")));
        assertThat(c.call("SSCAN", "s", "0", "MATCH", "[12]")).isEqualTo(List.of("0", List.of("1", "2")));
    }

    @Test
    void hashtableScanSeesEveryMember() {
        for (int i = 0; i < 500; i++) {
            c.call("SADD", "big", "m" + i);
        }
        List<String> got = scanAll("big", "COUNT", "20");
        assertThat(new HashSet<>(got)).hasSize(500);
        assertThat(scanAll("big", "MATCH", "m1*")).hasSize(111);
    }

    @Test
    void membersPresentThroughoutAreReturnedWhileTheSetChanges() {
        for (int i = 0; i < 300; i++) {
            c.call("SADD", "big", "keep" + i);
        }
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int step = 0;
        do {
            List<?> reply = (List<?>) c.call("SSCAN", "big", cursor, "COUNT", "7");
            cursor = (String) reply.get(0);
            for (Object m : (List<?>) reply.get(1)) {
                seen.add((String) m);
            }
            // grow, then shrink, the table between steps
            if (step < 20) {
                for (int j = 0; j < 100; j++) {
                    c.call("SADD", "big", "tmp" + step + "_" + j);
                }
            } else if (step < 40) {
                for (int j = 0; j < 100; j++) {
                    c.call("SREM", "big", "tmp" + (step - 20) + "_" + j);
                }
            }
            step++;
        } while (!cursor.equals("0"));
        for (int i = 0; i < 300; i++) {
            assertThat(seen).contains("keep" + i);
        }
    }

    @Test
    void emptyMemberMatchesOnlyTheLoneStar() {
        c.call("SADD", "s", "", "a");
        assertThat(new HashSet<>(scanAll("s"))).containsOnly("", "a");
        assertThat(scanAll("s", "MATCH", "*")).hasSize(2);
        assertThat(scanAll("s", "MATCH", "**")).containsOnly("a");
    }

    @Test
    void argumentsAsRedis() {
        c.call("SADD", "s", "a");
        assertThat(c.call("SSCAN", "s", "x")).isEqualTo(new Err("ERR invalid cursor"));
        assertThat(c.call("SSCAN", "nokey", "x")).isEqualTo(new Err("ERR invalid cursor"));
        assertThat(c.call("SSCAN", "s", "18446744073709551616")).isEqualTo(new Err("ERR invalid cursor"));
        assertThat(c.call("SSCAN", "s", "0", "COUNT", "0")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("SSCAN", "s", "0", "COUNT", "x"))
                .isEqualTo(new Err("ERR value is not an integer or out of range"));
        assertThat(c.call("SSCAN", "s", "0", "MATCH")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("SSCAN", "nokey", "0", "COUNT", "0")).isEqualTo(List.of("0", List.of()));
        // the largest cursor names the last bucket, and the scan ends after it
        assertThat(((List<?>) c.call("SSCAN", "s", "-1")).get(0)).isEqualTo("0");
        c.call("SADD", "i", "1");
        assertThat(c.call("SSCAN", "i", "-1")).isEqualTo(List.of("0", List.of("1")));
    }
}
