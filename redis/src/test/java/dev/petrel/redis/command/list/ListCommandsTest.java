package dev.petrel.redis.command.list;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListCommandsTest {
    private static final Err WRONGTYPE = new Err("WRONGTYPE Operation against a key holding the wrong kind of value");
    private static final Err NOT_INT = new Err("ERR value is not an integer or out of range");

    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    @Test
    void pushesAndRanges() {
        assertThat(c.call("LPUSH", "l", "11", "22", "33")).isEqualTo(3L);
        assertThat(c.call("RPUSH", "l", "44")).isEqualTo(4L);
        assertThat(c.call("LRANGE", "l", "0", "-1")).isEqualTo(List.of("33", "22", "11", "44"));
        assertThat(c.call("LRANGE", "l", "-100", "1")).isEqualTo(List.of("33", "22"));
        assertThat(c.call("LRANGE", "l", "3", "1")).isEqualTo(List.of());
        assertThat(c.call("LRANGE", "l", "a", "1")).isEqualTo(NOT_INT);
        assertThat(c.call("LRANGE", "none", "0", "-1")).isEqualTo(List.of());
        assertThat(c.call("LPUSHX", "none", "1")).isEqualTo(0L);
        assertThat(c.call("RPUSHX", "l", "55")).isEqualTo(5L);
        assertThat(c.call("LLEN", "l")).isEqualTo(5L);
        assertThat(c.call("LLEN", "none")).isEqualTo(0L);
        assertThat(c.call("OBJECT", "ENCODING", "l")).isEqualTo("quicklist");
        assertThat(c.call("TYPE", "l")).isEqualTo("list");
    }

    @Test
    void valuesRoundTripWhateverTheirEncoding() {
        String big = "x".repeat(5000);
        String[] vs = {
            "0",
            "127",
            "128",
            "-1",
            "-4096",
            "4095",
            "4096",
            "-32768",
            "32767",
            "8388607",
            "-2147483648",
            "9223372036854775807",
            "-9223372036854775808",
            "007",
            "+1",
            "-0",
            "",
            "y".repeat(64),
            "z".repeat(4095),
            big
        };
        for (String v : vs) {
            c.call("RPUSH", "l", v);
        }
        assertThat(c.call("LRANGE", "l", "0", "-1")).isEqualTo(List.of(vs));
        for (int i = 0; i < vs.length; i++) {
            assertThat(c.call("LINDEX", "l", Integer.toString(i - vs.length))).isEqualTo(vs[i]);
        }
        assertThat(c.call("LPOS", "l", "-1")).isEqualTo(3L);
        assertThat(c.call("LPOS", "l", "007")).isEqualTo(13L);
    }

    @Test
    void wrongTypeEverywhere() {
        c.call("SET", "s", "x");
        for (String[] cmd : new String[][] {
            {"LPUSH", "s", "a"},
            {"RPUSHX", "s", "a"},
            {"LLEN", "s"},
            {"LINDEX", "s", "0"},
            {"LRANGE", "s", "0", "1"},
            {"LSET", "s", "0", "a"},
            {"LINSERT", "s", "BEFORE", "a", "b"},
            {"LREM", "s", "0", "a"},
            {"LTRIM", "s", "0", "1"},
            {"LPOP", "s"},
            {"RPOP", "s", "2"},
            {"LPOS", "s", "a"},
            {"LMPOP", "1", "s", "LEFT"},
            {"RPOPLPUSH", "s", "d"},
            {"LMOVE", "s", "d", "LEFT", "LEFT"},
            {"BLPOP", "s", "0"}
        }) {
            assertThat(c.call(cmd)).as(String.join(" ", cmd)).isEqualTo(WRONGTYPE);
        }
        c.call("RPUSH", "l", "a");
        assertThat(c.call("RPOPLPUSH", "l", "s")).isEqualTo(WRONGTYPE);
        assertThat(c.call("LLEN", "l")).isEqualTo(1L); // nothing popped
    }

    @Test
    void indexSetInsert() {
        c.call("RPUSH", "l", "a", "b", "c");
        assertThat(c.call("LINDEX", "l", "10")).isNull();
        assertThat(c.call("LINDEX", "none", "x")).isNull();
        assertThat(c.call("LINDEX", "l", "x")).isEqualTo(NOT_INT);
        assertThat(c.call("LSET", "l", "-1", "z")).isEqualTo("OK");
        assertThat(c.call("LSET", "l", "3", "z")).isEqualTo(new Err("ERR index out of range"));
        assertThat(c.call("LSET", "none", "0", "z")).isEqualTo(new Err("ERR no such key"));
        assertThat(c.call("LINSERT", "l", "BEFORE", "b", "x")).isEqualTo(4L);
        assertThat(c.call("LINSERT", "l", "after", "z", "y")).isEqualTo(5L);
        assertThat(c.call("LINSERT", "l", "AFTER", "nothere", "y")).isEqualTo(-1L);
        assertThat(c.call("LINSERT", "none", "AFTER", "a", "y")).isEqualTo(0L);
        assertThat(c.call("LINSERT", "l", "MIDDLE", "a", "y")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("LRANGE", "l", "0", "-1")).isEqualTo(List.of("a", "x", "b", "z", "y"));
    }

    @Test
    void remAndTrim() {
        c.call("RPUSH", "l", "a", "b", "a", "c", "a");
        assertThat(c.call("LREM", "l", "-2", "a")).isEqualTo(2L);
        assertThat(c.call("LRANGE", "l", "0", "-1")).isEqualTo(List.of("a", "b", "c"));
        assertThat(c.call("LREM", "l", "x", "a")).isEqualTo(NOT_INT);
        assertThat(c.call("LREM", "l", "0", "a")).isEqualTo(1L);
        assertThat(c.call("LTRIM", "l", "1", "-1")).isEqualTo("OK");
        assertThat(c.call("LRANGE", "l", "0", "-1")).isEqualTo(List.of("c"));
        assertThat(c.call("LTRIM", "l", "5", "1")).isEqualTo("OK");
        assertThat(c.call("EXISTS", "l")).isEqualTo(0L);
        assertThat(c.call("LTRIM", "none", "0", "1")).isEqualTo("OK");
    }

    @Test
    void popsWithCount() {
        c.call("RPUSH", "l", "a", "b", "c");
        assertThat(c.call("LPOP", "l", "0")).isEqualTo(List.of());
        assertThat(c.call("LPOP", "l", "-1")).isEqualTo(new Err("ERR value is out of range, must be positive"));
        assertThat(c.call("LPOP", "none", "2")).isNull();
        assertThat(c.call("LPOP", "none")).isNull();
        assertThat(c.call("RPOP", "l", "2")).isEqualTo(List.of("c", "b"));
        assertThat(c.call("LPOP", "l", "5")).isEqualTo(List.of("a"));
        assertThat(c.call("EXISTS", "l")).isEqualTo(0L);
    }

    @Test
    void movesAndMpop() {
        c.call("RPUSH", "src", "a", "b");
        assertThat(c.call("RPOPLPUSH", "src", "dst")).isEqualTo("b");
        assertThat(c.call("LMOVE", "src", "dst", "LEFT", "RIGHT")).isEqualTo("a");
        assertThat(c.call("EXISTS", "src")).isEqualTo(0L);
        assertThat(c.call("LRANGE", "dst", "0", "-1")).isEqualTo(List.of("b", "a"));
        assertThat(c.call("LMOVE", "dst", "dst", "LEFT", "RIGHT")).isEqualTo("b");
        assertThat(c.call("LMOVE", "dst", "x", "UP", "RIGHT")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("RPOPLPUSH", "none", "x")).isNull();
        assertThat(c.call("LMPOP", "2", "none", "dst", "RIGHT", "COUNT", "5"))
                .isEqualTo(List.of("dst", List.of("b", "a")));
        assertThat(c.call("LMPOP", "1", "dst", "LEFT")).isNull();
        assertThat(c.call("LMPOP", "0", "dst", "LEFT")).isEqualTo(new Err("ERR numkeys should be greater than 0"));
        assertThat(c.call("LMPOP", "2", "dst", "LEFT")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("LMPOP", "1", "dst", "LEFT", "COUNT", "0"))
                .isEqualTo(new Err("ERR count should be greater than 0"));
        assertThat(c.call("LMPOP", "1", "dst", "LEFT", "COUNT", "1", "COUNT", "1"))
                .isEqualTo(new Err("ERR syntax error"));
    }

    @Test
    void lposOptions() {
        c.call("RPUSH", "l", "a", "b", "c", "1", "2", "3", "c", "c");
        assertThat(c.call("LPOS", "l", "c")).isEqualTo(2L);
        assertThat(c.call("LPOS", "l", "c", "RANK", "-1")).isEqualTo(7L);
        assertThat(c.call("LPOS", "l", "c", "RANK", "2")).isEqualTo(6L);
        assertThat(c.call("LPOS", "l", "c", "COUNT", "0")).isEqualTo(List.of(2L, 6L, 7L));
        assertThat(c.call("LPOS", "l", "c", "COUNT", "2", "RANK", "-1")).isEqualTo(List.of(7L, 6L));
        assertThat(c.call("LPOS", "l", "c", "COUNT", "0", "MAXLEN", "3")).isEqualTo(List.of(2L));
        assertThat(c.call("LPOS", "l", "z")).isNull();
        assertThat(c.call("LPOS", "none", "z", "COUNT", "1")).isEqualTo(List.of());
        assertThat(c.call("LPOS", "l", "c", "RANK", "0"))
                .isEqualTo(
                        new Err(
                                "ERR RANK can't be zero: use 1 to start"
                                        + " from the first match, 2 from the second ... or use negative to start from the end of the list"));
        assertThat(c.call("LPOS", "l", "c", "COUNT", "-1")).isEqualTo(new Err("ERR COUNT can't be negative"));
        assertThat(c.call("LPOS", "l", "c", "MAXLEN", "-1")).isEqualTo(new Err("ERR MAXLEN can't be negative"));
        assertThat(c.call("LPOS", "l", "c", "COUNT")).isEqualTo(new Err("ERR syntax error"));
    }

    @Test
    void smallNodesSplitAndMergeCorrectly() {
        assertThat(c.call("CONFIG", "SET", "list-max-ziplist-size", "2")).isEqualTo("OK");
        for (int i = 0; i < 10; i++) {
            c.call("RPUSH", "l", Integer.toString(i));
        }
        assertThat(c.call("LINSERT", "l", "AFTER", "4", "x")).isEqualTo(11L);
        assertThat(c.call("LINSERT", "l", "BEFORE", "0", "y")).isEqualTo(12L);
        assertThat(c.call("LRANGE", "l", "0", "-1"))
                .isEqualTo(List.of("y", "0", "1", "2", "3", "4", "x", "5", "6", "7", "8", "9"));
        assertThat(c.call("LTRIM", "l", "3", "-3")).isEqualTo("OK");
        assertThat(c.call("LRANGE", "l", "0", "-1")).isEqualTo(List.of("2", "3", "4", "x", "5", "6", "7"));
        assertThat(c.call("LREM", "l", "0", "x")).isEqualTo(1L);
        assertThat(c.call("LINDEX", "l", "4")).isEqualTo("6");
    }
}
