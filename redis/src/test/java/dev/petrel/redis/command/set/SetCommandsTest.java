package dev.petrel.redis.command.set;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetCommandsTest {
    static final Err WRONGTYPE = new Err("WRONGTYPE Operation against a key holding the wrong kind of value");

    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    @Test
    void saddCountsNewMembersOnly() {
        assertThat(c.call("SADD", "s", "a", "b", "a")).isEqualTo(2L);
        assertThat(c.call("SADD", "s", "a")).isEqualTo(0L);
        assertThat(c.call("SADD", "s", "c", "1")).isEqualTo(2L);
        assertThat(c.call("SCARD", "s")).isEqualTo(4L);
        assertThat(c.call("TYPE", "s")).isEqualTo("set");
    }

    @Test
    void sremDeletesTheEmptiedKey() {
        c.call("SADD", "s", "a", "b", "3");
        assertThat(c.call("SREM", "s", "a", "zz", "a")).isEqualTo(1L);
        assertThat(c.call("SREM", "nokey", "a")).isEqualTo(0L);
        assertThat(c.call("SREM", "s", "b", "3")).isEqualTo(2L);
        assertThat(c.call("EXISTS", "s")).isEqualTo(0L);
        c.call("SADD", "i", "1", "2");
        assertThat(c.call("SREM", "i", "x", "01", "2")).isEqualTo(1L);
        assertThat(c.call("SMEMBERS", "i")).isEqualTo(List.of("1"));
    }

    @Test
    void membership() {
        c.call("SADD", "s", "a", "7");
        assertThat(c.call("SISMEMBER", "s", "a")).isEqualTo(1L);
        assertThat(c.call("SISMEMBER", "s", "7")).isEqualTo(1L);
        assertThat(c.call("SISMEMBER", "s", "07")).isEqualTo(0L);
        assertThat(c.call("SISMEMBER", "nokey", "a")).isEqualTo(0L);
        assertThat(c.call("SMISMEMBER", "s", "a", "b", "7")).isEqualTo(List.of(1L, 0L, 1L));
        assertThat(c.call("SMISMEMBER", "nokey", "a", "b")).isEqualTo(List.of(0L, 0L));
        assertThat(c.call("SCARD", "nokey")).isEqualTo(0L);
        assertThat(c.call("SMEMBERS", "nokey")).isEqualTo(List.of());
    }

    @Test
    void intsetMembersComeSorted() {
        c.call("SADD", "s", "5", "-3", "100000", "2", "10000000000");
        assertThat(c.call("SMEMBERS", "s")).isEqualTo(List.of("-3", "2", "5", "100000", "10000000000"));
    }

    @Test
    void wrongTypeEverywhere() {
        c.call("SET", "str", "x");
        for (String[] cmd : new String[][] {
            {"SADD", "str", "a"},
            {"SREM", "str", "a"},
            {"SCARD", "str"},
            {"SISMEMBER", "str", "a"},
            {"SMISMEMBER", "str", "a"},
            {"SMEMBERS", "str"},
            {"SPOP", "str"},
            {"SPOP", "str", "0"},
            {"SRANDMEMBER", "str"},
            {"SRANDMEMBER", "str", "2"},
            {"SSCAN", "str", "0"},
        }) {
            assertThat(c.call(cmd)).as(String.join(" ", cmd)).isEqualTo(WRONGTYPE);
        }
        assertThat(c.call("GET", "str")).isEqualTo("x");
    }

    @Test
    void smoveMovesBetweenSets() {
        c.call("SADD", "a", "x", "y");
        c.call("SADD", "b", "z");
        assertThat(c.call("SMOVE", "a", "b", "x")).isEqualTo(1L);
        assertThat(c.call("SMOVE", "a", "b", "nope")).isEqualTo(0L);
        assertThat(c.call("SISMEMBER", "b", "x")).isEqualTo(1L);
        assertThat(c.call("SMOVE", "a", "new", "y")).isEqualTo(1L);
        assertThat(c.call("EXISTS", "a")).isEqualTo(0L);
        assertThat(c.call("SMEMBERS", "new")).isEqualTo(List.of("y"));
        assertThat(c.call("SMOVE", "b", "b", "z")).isEqualTo(1L);
        assertThat(c.call("SMOVE", "b", "b", "q")).isEqualTo(0L);
        assertThat(c.call("SMOVE", "nokey", "b", "z")).isEqualTo(0L);
    }

    @Test
    void smoveChecksBothTypesOnlyWhenTheSourceExists() {
        c.call("SET", "str", "x");
        c.call("SADD", "s", "a");
        assertThat(c.call("SMOVE", "nokey", "str", "a")).isEqualTo(0L);
        assertThat(c.call("SMOVE", "s", "str", "zz")).isEqualTo(WRONGTYPE);
        assertThat(c.call("SMOVE", "str", "s", "a")).isEqualTo(WRONGTYPE);
        assertThat(c.call("SCARD", "s")).isEqualTo(1L);
    }

    @Test
    void smoveIntoAnIntsetConvertsIt() {
        c.call("SADD", "a", "word");
        c.call("SADD", "b", "1", "2");
        c.call("SMOVE", "a", "b", "word");
        assertThat(c.call("OBJECT", "ENCODING", "b")).isEqualTo("hashtable");
        assertThat(c.call("SCARD", "b")).isEqualTo(3L);
    }

    @Test
    void expiredSetIsGone() {
        c.call("SADD", "s", "a");
        c.call("PEXPIRE", "s", "100");
        redis.advance(Duration.ofMillis(100));
        assertThat(c.call("SCARD", "s")).isEqualTo(0L);
        assertThat(c.call("SADD", "s", "b")).isEqualTo(1L);
        assertThat(c.call("TTL", "s")).isEqualTo(-1L);
    }

    @Test
    void resp3RepliesSets() {
        c.call("HELLO", "3");
        c.call("SADD", "s", "a");
        assertThat(c.transport.written()).isNotEmpty();
        c.transport.clear();
        c.call("SMEMBERS", "s");
        assertThat(new String(c.transport.written())).startsWith("~1\r\n");
        c.transport.clear();
        c.call("SISMEMBER", "s", "a");
        assertThat(new String(c.transport.written())).isEqualTo(":1\r\n");
    }

    @Test
    void commandMetadata() {
        assertThat(c.call("COMMAND", "INFO", "SMOVE").toString()).startsWith("[[smove, 4, [write, fast], 1, 2, 1");
        assertThat(c.call("COMMAND", "INFO", "SINTERCARD").toString())
                .startsWith("[[sintercard, -3, [readonly, movablekeys], 0, 0, 0");
    }
}
