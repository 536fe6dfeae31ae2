package dev.petrel.redis.command.set;

import static dev.petrel.redis.command.set.SetCommandsTest.WRONGTYPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetAlgebraCommandsTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    private Set<Object> members(String... cmd) {
        return new HashSet<>((List<?>) c.call(cmd));
    }

    private void sets() {
        c.call("SADD", "s", "a", "b", "c", "1", "2");
        c.call("SADD", "t", "b", "c", "d", "2");
        c.call("SADD", "i", "1", "2", "3");
    }

    @Test
    void inter() {
        sets();
        assertThat(members("SINTER", "s", "t")).containsOnly("b", "c", "2");
        assertThat(members("SINTER", "s", "t", "i")).containsOnly("2");
        assertThat(members("SINTER", "i", "i")).containsOnly("1", "2", "3");
        assertThat(members("SINTER", "s", "nokey")).isEmpty();
    }

    @Test
    void union() {
        sets();
        assertThat(members("SUNION", "s", "t", "nokey")).containsOnly("a", "b", "c", "d", "1", "2");
        assertThat(members("SUNION", "nokey")).isEmpty();
        assertThat(c.call("SUNION", "i")).isEqualTo(List.of("1", "2", "3"));
    }

    @Test
    void diff() {
        sets();
        assertThat(members("SDIFF", "s", "t")).containsOnly("a", "1");
        assertThat(members("SDIFF", "s", "t", "i")).containsOnly("a");
        assertThat(members("SDIFF", "s", "nokey")).hasSize(5);
        assertThat(members("SDIFF", "nokey", "s")).isEmpty();
        assertThat(members("SDIFF", "s", "s")).isEmpty();
    }

    @Test
    void storeFormsReplaceTheDestination() {
        sets();
        c.call("SET", "d", "string");
        c.call("EXPIRE", "d", "100");
        assertThat(c.call("SINTERSTORE", "d", "s", "t")).isEqualTo(3L);
        assertThat(c.call("TTL", "d")).isEqualTo(-1L);
        assertThat(members("SMEMBERS", "d")).containsOnly("b", "c", "2");
        assertThat(c.call("SUNIONSTORE", "d", "s", "t")).isEqualTo(6L);
        assertThat(c.call("SDIFFSTORE", "d", "s", "t")).isEqualTo(2L);
        assertThat(c.call("SDIFFSTORE", "s", "s", "t")).isEqualTo(2L);
        assertThat(members("SMEMBERS", "s")).containsOnly("a", "1");
    }

    @Test
    void anEmptyResultDeletesTheDestination() {
        sets();
        c.call("SADD", "d", "x");
        assertThat(c.call("SINTERSTORE", "d", "s", "nokey")).isEqualTo(0L);
        assertThat(c.call("EXISTS", "d")).isEqualTo(0L);
        c.call("SADD", "d", "x");
        assertThat(c.call("SDIFFSTORE", "d", "i", "i")).isEqualTo(0L);
        assertThat(c.call("EXISTS", "d")).isEqualTo(0L);
        assertThat(c.call("SUNIONSTORE", "d", "nokey")).isEqualTo(0L);
    }

    @Test
    void resultEncodingFollowsTheMembers() {
        sets();
        c.call("SINTERSTORE", "d", "s", "i");
        assertThat(c.call("OBJECT", "ENCODING", "d")).isEqualTo("intset");
        c.call("SUNIONSTORE", "d", "s", "i");
        assertThat(c.call("OBJECT", "ENCODING", "d")).isEqualTo("hashtable");
    }

    @Test
    void wrongTypeAnywhereWins() {
        sets();
        c.call("SET", "str", "x");
        assertThat(c.call("SINTER", "nokey", "str")).isEqualTo(WRONGTYPE);
        assertThat(c.call("SINTER", "str", "nokey")).isEqualTo(WRONGTYPE);
        assertThat(c.call("SUNION", "s", "str")).isEqualTo(WRONGTYPE);
        assertThat(c.call("SDIFF", "nokey", "str")).isEqualTo(WRONGTYPE);
        assertThat(c.call("SINTERSTORE", "d", "nokey", "str")).isEqualTo(WRONGTYPE);
        assertThat(c.call("SINTERCARD", "2", "nokey", "str")).isEqualTo(WRONGTYPE);
        c.call("SADD", "d", "keep");
        assertThat(c.call("SUNIONSTORE", "d", "s", "str")).isEqualTo(WRONGTYPE);
        assertThat(c.call("SMEMBERS", "d")).isEqualTo(List.of("keep"));
        assertThat(c.call("SUNIONSTORE", "str", "s")).isEqualTo(5L);
    }

    @Test
    void sintercard() {
        sets();
        assertThat(c.call("SINTERCARD", "2", "s", "t")).isEqualTo(3L);
        assertThat(c.call("SINTERCARD", "2", "s", "t", "LIMIT", "2")).isEqualTo(2L);
        assertThat(c.call("SINTERCARD", "2", "s", "t", "limit", "0")).isEqualTo(3L);
        assertThat(c.call("SINTERCARD", "1", "s", "LIMIT", "1", "LIMIT", "4")).isEqualTo(4L);
        assertThat(c.call("SINTERCARD", "2", "s", "nokey")).isEqualTo(0L);
    }

    @Test
    void sintercardErrors() {
        Err numkeys = new Err("ERR numkeys should be greater than 0");
        assertThat(c.call("SINTERCARD", "0", "a")).isEqualTo(numkeys);
        assertThat(c.call("SINTERCARD", "-1", "a")).isEqualTo(numkeys);
        assertThat(c.call("SINTERCARD", "x", "a")).isEqualTo(numkeys);
        assertThat(c.call("SINTERCARD", "3", "a", "b"))
                .isEqualTo(new Err("ERR Number of keys can't be greater than number of args"));
        assertThat(c.call("SINTERCARD", "1", "a", "LIMIT", "-1")).isEqualTo(new Err("ERR LIMIT can't be negative"));
        assertThat(c.call("SINTERCARD", "1", "a", "LIMIT", "x")).isEqualTo(new Err("ERR LIMIT can't be negative"));
        assertThat(c.call("SINTERCARD", "1", "a", "LIMIT")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("SINTERCARD", "1", "a", "b")).isEqualTo(new Err("ERR syntax error"));
    }

    @Test
    void largeSetsMixEncodings() {
        for (int i = 0; i < 1000; i++) {
            c.call("SADD", "big", Integer.toString(i));
            c.call("SADD", "words", "w" + i);
        }
        c.call("SADD", "words", "5", "999", "1000");
        assertThat(members("SINTER", "big", "words")).containsOnly("5", "999");
        assertThat(c.call("SINTERCARD", "2", "words", "big")).isEqualTo(2L);
        assertThat(c.call("SUNIONSTORE", "u", "big", "words")).isEqualTo(2001L);
        assertThat(c.call("SDIFFSTORE", "d", "words", "big")).isEqualTo(1001L);
    }
}
