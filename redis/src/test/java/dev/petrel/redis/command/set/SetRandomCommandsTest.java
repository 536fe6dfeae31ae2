package dev.petrel.redis.command.set;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetRandomCommandsTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    private void fill(String key, int n, String prefix) {
        for (int i = 0; i < n; i++) {
            c.call("SADD", key, prefix + i);
        }
    }

    @Test
    void spopOneRemovesIt() {
        c.call("SADD", "s", "a", "b");
        Object m = c.call("SPOP", "s");
        assertThat(m).isIn("a", "b");
        assertThat(c.call("SISMEMBER", "s", (String) m)).isEqualTo(0L);
        c.call("SPOP", "s");
        assertThat(c.call("EXISTS", "s")).isEqualTo(0L);
        assertThat(c.call("SPOP", "s")).isNull();
    }

    @Test
    void spopCountGivesDistinctMembers() {
        for (String prefix : new String[] {"", "m"}) {
            String key = "k" + prefix;
            fill(key, 100, prefix);
            List<?> popped = (List<?>) c.call("SPOP", key, "30");
            assertThat(new HashSet<>(popped)).hasSize(30);
            assertThat(c.call("SCARD", key)).isEqualTo(70L);
            for (Object m : popped) {
                assertThat(c.call("SISMEMBER", key, (String) m)).isEqualTo(0L);
            }
            assertThat((List<?>) c.call("SPOP", key, "1000")).hasSize(70);
            assertThat(c.call("EXISTS", key)).isEqualTo(0L);
        }
    }

    @Test
    void spopArguments() {
        c.call("SADD", "s", "a");
        assertThat(c.call("SPOP", "s", "-1")).isEqualTo(new Err("ERR value is out of range, must be positive"));
        assertThat(c.call("SPOP", "s", "x")).isEqualTo(new Err("ERR value is out of range, must be positive"));
        assertThat(c.call("SPOP", "s", "1", "2")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("SPOP", "s", "0")).isEqualTo(List.of());
        assertThat(c.call("SPOP", "nokey", "3")).isEqualTo(List.of());
        assertThat(c.call("SCARD", "s")).isEqualTo(1L);
    }

    @Test
    void srandmemberPositiveCountIsDistinct() {
        fill("big", 1000, "m");
        fill("small", 10, "");
        for (String key : new String[] {"big", "small"}) {
            for (int count : new int[] {1, 3, 5, 9}) {
                List<?> got = (List<?>) c.call("SRANDMEMBER", key, Integer.toString(count));
                assertThat(new HashSet<>(got)).hasSize(count);
            }
        }
        assertThat((List<?>) c.call("SRANDMEMBER", "small", "10")).hasSize(10);
        assertThat(new HashSet<>((List<?>) c.call("SRANDMEMBER", "small", "9223372036854775807")))
                .hasSize(10);
        assertThat((List<?>) c.call("SRANDMEMBER", "big", "400"))
                .doesNotHaveDuplicates()
                .hasSize(400);
        assertThat(c.call("SCARD", "big")).isEqualTo(1000L);
    }

    @Test
    void srandmemberNegativeCountRepeats() {
        c.call("SADD", "s", "a", "b");
        List<?> got = (List<?>) c.call("SRANDMEMBER", "s", "-7");
        assertThat(got).hasSize(7);
        Set<Object> distinct = new HashSet<>(got);
        assertThat(distinct).isSubsetOf("a", "b");
        c.call("SADD", "i", "1");
        assertThat(c.call("SRANDMEMBER", "i", "-3")).isEqualTo(List.of("1", "1", "1"));
    }

    @Test
    void srandmemberEdges() {
        c.call("SADD", "s", "a");
        assertThat(c.call("SRANDMEMBER", "s")).isEqualTo("a");
        assertThat(c.call("SRANDMEMBER", "nokey")).isNull();
        assertThat(c.call("SRANDMEMBER", "nokey", "5")).isEqualTo(List.of());
        assertThat(c.call("SRANDMEMBER", "s", "0")).isEqualTo(List.of());
        assertThat(c.call("SRANDMEMBER", "s", "x")).isEqualTo(new Err("ERR value is not an integer or out of range"));
        assertThat(c.call("SRANDMEMBER", "nokey", "x"))
                .isEqualTo(new Err("ERR value is not an integer or out of range"));
        assertThat(c.call("SRANDMEMBER", "s", "-9223372036854775808"))
                .isEqualTo(new Err("ERR value is out of range, value must between -9223372036854775807 and"
                        + " 9223372036854775807"));
        assertThat(c.call("SRANDMEMBER", "s", "1", "2")).isEqualTo(new Err("ERR syntax error"));
    }

    @Test
    void spopWithCountRepliesASetInResp3() {
        c.call("HELLO", "3");
        c.call("SADD", "s", "a", "b", "c");
        c.transport.clear();
        c.call("SPOP", "s", "2");
        assertThat(c.transport.writtenString()).startsWith("~2\r\n");
        c.transport.clear();
        c.call("SRANDMEMBER", "s", "2");
        assertThat(c.transport.writtenString()).startsWith("*1\r\n");
    }
}
