package dev.petrel.redis.command.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashReadCommandsTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    @Test
    void hrandfieldWithoutCount() {
        assertThat(c.call("HRANDFIELD", "missing")).isNull();
        c.call("HSET", "h", "a", "1", "b", "2");
        for (int i = 0; i < 20; i++) {
            assertThat(c.call("HRANDFIELD", "h")).isIn("a", "b");
        }
    }

    @Test
    void hrandfieldPositiveCountIsDistinct() {
        c.call("HSET", "h", "a", "1", "b", "2", "c", "3", "d", "4", "e", "5");
        for (int count = 1; count <= 7; count++) {
            List<?> r = (List<?>) c.call("HRANDFIELD", "h", Integer.toString(count));
            assertThat(r).hasSize(Math.min(count, 5)).doesNotHaveDuplicates();
        }
        assertThat(c.call("HRANDFIELD", "h", "0")).isEqualTo(List.of());
        assertThat(c.call("HRANDFIELD", "missing", "3")).isEqualTo(List.of());
    }

    @Test
    void hrandfieldDistinctFromABigHash() {
        for (int i = 0; i < 1000; i++) {
            c.call("HSET", "big", "f" + i, "v" + i);
        }
        for (String count : new String[] {"10", "400", "999"}) {
            List<?> r = (List<?>) c.call("HRANDFIELD", "big", count, "WITHVALUES");
            assertThat(r).hasSize(2 * Integer.parseInt(count));
            Set<Object> fields = new HashSet<>();
            for (int i = 0; i < r.size(); i += 2) {
                assertThat(fields.add(r.get(i))).isTrue();
                assertThat(r.get(i + 1)).isEqualTo("v" + ((String) r.get(i)).substring(1));
            }
        }
    }

    @Test
    void hrandfieldNegativeCountRepeats() {
        c.call("HSET", "h", "a", "1");
        assertThat(c.call("HRANDFIELD", "h", "-3")).isEqualTo(List.of("a", "a", "a"));
        assertThat(c.call("HRANDFIELD", "h", "-2", "withvalues")).isEqualTo(List.of("a", "1", "a", "1"));
    }

    @Test
    void hrandfieldWithValuesNestsPairsInResp3() {
        c.call("HSET", "h", "a", "1");
        c.call("HELLO", "3");
        c.call("HRANDFIELD", "h", "-2", "WITHVALUES");
        assertThat(written()).isEqualTo("*2\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n");
        c.call("HRANDFIELD", "h", "5", "WITHVALUES");
        assertThat(written()).isEqualTo("*1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n");
        c.call("HRANDFIELD", "h", "5");
        assertThat(written()).isEqualTo("*1\r\n$1\r\na\r\n");
    }

    @Test
    void hrandfieldArgumentErrors() {
        c.call("HSET", "h", "a", "1");
        assertThat(c.call("HRANDFIELD", "h", "x")).isEqualTo(new Err("ERR value is not an integer or out of range"));
        assertThat(c.call("HRANDFIELD", "h", "-9223372036854775808"))
                .isEqualTo(new Err("ERR value is out of range, value must between -9223372036854775807 and"
                        + " 9223372036854775807"));
        assertThat(c.call("HRANDFIELD", "h", "-9223372036854775807", "WITHVALUES"))
                .isEqualTo(new Err("ERR value is out of range"));
        assertThat(c.call("HRANDFIELD", "h", "4611686018427387904", "WITHVALUES"))
                .isEqualTo(new Err("ERR value is out of range"));
        assertThat(c.call("HRANDFIELD", "h", "1", "foo")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("HRANDFIELD", "missing", "1", "foo")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("HRANDFIELD", "h", "1", "WITHVALUES", "x")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("HRANDFIELD", "h", "x", "foo"))
                .isEqualTo(new Err("ERR value is not an integer or out of range"));
    }

    @Test
    void packedHashKeepsInsertionOrder() {
        c.call("HSET", "h", "z", "1", "y", "2", "x", "3");
        c.call("HSET", "h", "y", "longer value");
        assertThat(c.call("HKEYS", "h")).isEqualTo(List.of("z", "y", "x"));
        assertThat(c.call("HVALS", "h")).isEqualTo(List.of("1", "longer value", "3"));
        c.call("HDEL", "h", "y");
        assertThat(c.call("HGETALL", "h")).isEqualTo(List.of("z", "1", "x", "3"));
    }

    private String written() {
        return new String(c.transport.written(), StandardCharsets.UTF_8);
    }
}
