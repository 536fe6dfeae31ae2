package dev.petrel.redis.command.zset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZSetCommandsTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    @Test
    void zaddOptionsAndErrors() {
        assertThat(c.call("ZADD", "z", "1", "a", "2", "b")).isEqualTo(2L);
        assertThat(c.call("ZADD", "z", "NX", "5", "a", "3", "c")).isEqualTo(1L);
        assertThat(c.call("ZADD", "z", "XX", "CH", "5", "a", "9", "d")).isEqualTo(1L);
        assertThat(c.call("ZADD", "z", "GT", "CH", "4", "a", "3", "b")).isEqualTo(1L);
        assertThat(c.call("ZADD", "z", "LT", "CH", "6", "a")).isEqualTo(0L);
        assertThat(c.call("ZADD", "z", "INCR", "1.5", "a")).isEqualTo("6.5");
        assertThat(c.call("ZADD", "z", "XX", "INCR", "1", "zz")).isNull();
        assertThat(c.call("ZADD", "z", "NX", "XX", "1", "a"))
                .isEqualTo(new Err("ERR XX and NX options at the same time are not compatible"));
        assertThat(c.call("ZADD", "z", "GT", "LT", "1", "a"))
                .isEqualTo(new Err("ERR GT, LT, and/or NX options at the same time are not compatible"));
        assertThat(c.call("ZADD", "z", "INCR", "1", "a", "2", "b"))
                .isEqualTo(new Err("ERR INCR option supports a single increment-element pair"));
        assertThat(c.call("ZADD", "z", "1", "a", "2")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("ZADD", "z", "nan", "a")).isEqualTo(new Err("ERR value is not a valid float"));
        assertThat(c.call("ZADD", "inf", "+inf", "a")).isEqualTo(1L);
        assertThat(c.call("ZINCRBY", "inf", "-inf", "a"))
                .isEqualTo(new Err("ERR resulting score is not a number (NaN)"));
        c.call("SET", "s", "x");
        assertThat(c.call("ZADD", "s", "1", "a"))
                .isEqualTo(new Err("WRONGTYPE Operation against a key holding the wrong kind of value"));
        assertThat(c.call("ZCARD", "z")).isEqualTo(3L);
    }

    @Test
    void scoresRanksAndRemoval() {
        c.call("ZADD", "zz", "1", "n1", "2", "n2", "3", "n3");
        assertThat(c.call("ZINCRBY", "zz", "10", "n1")).isEqualTo("11");
        assertThat(c.call("ZSCORE", "zz", "n2")).isEqualTo("2");
        assertThat(c.call("ZSCORE", "zz", "nope")).isNull();
        assertThat(c.call("ZMSCORE", "zz", "n2", "x")).isEqualTo(java.util.Arrays.asList("2", null));
        assertThat(c.call("ZRANK", "zz", "n1")).isEqualTo(2L);
        assertThat(c.call("ZREVRANK", "zz", "n1")).isEqualTo(0L);
        assertThat(c.call("ZRANK", "zz", "x")).isNull();
        assertThat(c.call("ZREM", "zz", "n1", "n2", "x")).isEqualTo(2L);
        assertThat(c.call("ZREM", "zz", "n3")).isEqualTo(1L);
        assertThat(c.call("EXISTS", "zz")).isEqualTo(0L);
    }

    @Test
    void rangesByRankScoreAndLex() {
        c.call("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d");
        assertThat(c.call("ZRANGE", "z", "0", "-1")).isEqualTo(List.of("a", "b", "c", "d"));
        assertThat(c.call("ZRANGE", "z", "-2", "100", "WITHSCORES")).isEqualTo(List.of("c", "3", "d", "4"));
        assertThat(c.call("ZRANGE", "z", "0", "0", "REV")).isEqualTo(List.of("d"));
        assertThat(c.call("ZREVRANGE", "z", "1", "2")).isEqualTo(List.of("c", "b"));
        assertThat(c.call("ZRANGEBYSCORE", "z", "(1", "3")).isEqualTo(List.of("b", "c"));
        assertThat(c.call("ZRANGEBYSCORE", "z", "-inf", "+inf", "LIMIT", "1", "2"))
                .isEqualTo(List.of("b", "c"));
        assertThat(c.call("ZREVRANGEBYSCORE", "z", "+inf", "(2", "WITHSCORES")).isEqualTo(List.of("d", "4", "c", "3"));
        assertThat(c.call("ZRANGE", "z", "(1", "+inf", "BYSCORE", "REV", "LIMIT", "0", "1"))
                .isEqualTo(List.of());
        assertThat(c.call("ZRANGE", "z", "+inf", "(1", "BYSCORE", "REV", "LIMIT", "0", "1"))
                .isEqualTo(List.of("d"));
        assertThat(c.call("ZCOUNT", "z", "2", "(4")).isEqualTo(2L);
        assertThat(c.call("ZCOUNT", "z", "x", "4")).isEqualTo(new Err("ERR min or max is not a float"));
        assertThat(c.call("ZRANGE", "z", "0", "1", "LIMIT", "0", "1"))
                .isEqualTo(new Err(
                        "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or" + " BYLEX"));
        c.call("ZADD", "lex", "0", "aa", "0", "ba", "0", "ca", "0", "da");
        assertThat(c.call("ZRANGEBYLEX", "lex", "-", "[ba")).isEqualTo(List.of("aa", "ba"));
        assertThat(c.call("ZREVRANGEBYLEX", "lex", "(ca", "-")).isEqualTo(List.of("ba", "aa"));
        assertThat(c.call("ZLEXCOUNT", "lex", "[b", "+")).isEqualTo(3L);
        assertThat(c.call("ZRANGEBYLEX", "lex", "a", "+"))
                .isEqualTo(new Err("ERR min or max not valid string range" + " item"));
        assertThat(c.call("ZRANGEBYLEX", "lex", "-", "+", "WITHSCORES"))
                .isEqualTo(new Err("ERR syntax error, WITHSCORES not supported in combination with BYLEX"));
        assertThat(c.call("ZREMRANGEBYLEX", "lex", "[ba", "[ca")).isEqualTo(2L);
        assertThat(c.call("ZREMRANGEBYRANK", "z", "0", "1")).isEqualTo(2L);
        assertThat(c.call("ZREMRANGEBYSCORE", "z", "-inf", "(4")).isEqualTo(1L);
        assertThat(c.call("ZRANGESTORE", "dst", "lex", "0", "-1")).isEqualTo(2L);
        assertThat(c.call("ZRANGE", "dst", "0", "-1")).isEqualTo(List.of("aa", "da"));
    }

    @Test
    void convertsToSkiplistPastTheThresholds() {
        for (int i = 0; i < 128; i++) {
            c.call("ZADD", "big", Integer.toString(i), "m" + i);
        }
        assertThat(c.call("OBJECT", "ENCODING", "big")).isEqualTo("listpack");
        c.call("ZADD", "big", "1000", "last");
        assertThat(c.call("OBJECT", "ENCODING", "big")).isEqualTo("skiplist");
        assertThat(c.call("ZRANK", "big", "m77")).isEqualTo(77L);
        assertThat(c.call("ZREVRANK", "big", "last")).isEqualTo(0L);
        assertThat(c.call("ZRANGE", "big", "100", "101", "WITHSCORES"))
                .isEqualTo(List.of("m100", "100", "m101", "101"));
        assertThat(c.call("ZCOUNT", "big", "(10", "20")).isEqualTo(10L);
        assertThat(c.call("ZREMRANGEBYRANK", "big", "0", "9")).isEqualTo(10L);
        assertThat(c.call("ZRANK", "big", "m77")).isEqualTo(67L);
        c.call("ZADD", "long", "1", "x".repeat(65));
        assertThat(c.call("OBJECT", "ENCODING", "long")).isEqualTo("skiplist");
        c.call("CONFIG", "SET", "zset-max-ziplist-entries", "0");
        c.call("ZADD", "zero", "1", "a");
        assertThat(c.call("OBJECT", "ENCODING", "zero")).isEqualTo("skiplist");
    }

    @Test
    void popsAndMpop() {
        c.call("ZADD", "z", "1", "a", "2", "b", "3", "c");
        assertThat(c.call("ZPOPMIN", "z")).isEqualTo(List.of("a", "1"));
        assertThat(c.call("ZPOPMAX", "z", "5")).isEqualTo(List.of("c", "3", "b", "2"));
        assertThat(c.call("EXISTS", "z")).isEqualTo(0L);
        assertThat(c.call("ZPOPMIN", "z", "-1")).isEqualTo(new Err("ERR value is out of range, must be positive"));
        c.call("ZADD", "z", "1", "a", "2", "b");
        assertThat(c.call("ZMPOP", "2", "none", "z", "MAX", "COUNT", "1"))
                .isEqualTo(List.of("z", List.of(List.of("b", "2"))));
        assertThat(c.call("ZMPOP", "1", "none", "MIN")).isNull();
        assertThat(c.call("ZMPOP", "0", "z", "MIN")).isEqualTo(new Err("ERR numkeys should be greater than 0"));
        assertThat(c.call("ZMPOP", "1", "z", "MIN", "COUNT", "0"))
                .isEqualTo(new Err("ERR count should be greater than 0"));
        assertThat(c.call("ZRANDMEMBER", "z")).isEqualTo("a");
        assertThat(c.call("ZRANDMEMBER", "z", "-3")).isEqualTo(List.of("a", "a", "a"));
        assertThat(c.call("ZRANDMEMBER", "z", "5", "WITHSCORES")).isEqualTo(List.of("a", "1"));
    }

    @Test
    void unionInterDiff() {
        c.call("ZADD", "za", "1", "x", "2", "y");
        c.call("ZADD", "zb", "10", "y", "20", "z");
        c.call("SADD", "s", "x");
        assertThat(c.call("ZINTERSTORE", "zi", "2", "za", "zb")).isEqualTo(1L);
        assertThat(c.call("ZSCORE", "zi", "y")).isEqualTo("12");
        assertThat(c.call("ZUNIONSTORE", "zu", "2", "za", "zb", "AGGREGATE", "MIN"))
                .isEqualTo(3L);
        assertThat(c.call("ZUNION", "2", "za", "zb", "WEIGHTS", "2", "1", "WITHSCORES"))
                .isEqualTo(List.of("x", "2", "y", "14", "z", "20"));
        assertThat(c.call("ZINTER", "2", "za", "s", "WITHSCORES")).isEqualTo(List.of("x", "2"));
        assertThat(c.call("ZDIFF", "2", "za", "zb")).isEqualTo(List.of("x"));
        assertThat(c.call("ZDIFFSTORE", "zu", "2", "za", "za")).isEqualTo(0L);
        assertThat(c.call("EXISTS", "zu")).isEqualTo(0L);
        assertThat(c.call("ZINTERCARD", "2", "za", "zb", "LIMIT", "5")).isEqualTo(1L);
        assertThat(c.call("ZUNIONSTORE", "d", "0", "za"))
                .isEqualTo(new Err("ERR at least 1 input key is needed for 'zunionstore' command"));
        assertThat(c.call("ZUNION", "1", "za", "WEIGHTS", "a")).isEqualTo(new Err("ERR weight value is not a float"));
        assertThat(c.call("ZINTERCARD", "1", "za", "LIMIT", "-1")).isEqualTo(new Err("ERR LIMIT can't be negative"));
    }

    @Test
    void zscanCompactAndBig() {
        c.call("ZADD", "small", "1e18", "a", "0.5", "b");
        assertThat(c.call("ZSCAN", "small", "0"))
                .isEqualTo(List.of("0", List.of("b", "0.5", "a", "1000000000000000000")));
        for (int i = 0; i < 300; i++) {
            c.call("ZADD", "bigz", Integer.toString(i), "m" + i);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        String cursor = "0";
        do {
            List<?> r = (List<?>) c.call("ZSCAN", "bigz", cursor, "MATCH", "m1*");
            cursor = (String) r.get(0);
            List<?> items = (List<?>) r.get(1);
            for (int i = 0; i < items.size(); i += 2) {
                seen.add((String) items.get(i));
            }
        } while (!cursor.equals("0"));
        assertThat(seen).hasSize(111);
    }
}
