package dev.petrel.redis.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.petrel.redis.testing.PetrelRedisExtension;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.BitOP;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Jedis's typed methods for the string, bit, key, expiry and server commands, each test running once its commands are
 * in the server: what matters here is that the client's parsing of every reply shape works, not each edge case (the
 * redis module's unit tests and redis-diff.py check those).
 */
@Timeout(60)
class JedisCommandsIT {
    @RegisterExtension
    static final PetrelRedisExtension redis = new PetrelRedisExtension().flushAllBeforeEach();

    private Jedis jedis;

    @BeforeEach
    void connect() {
        jedis = new Jedis(redis.host(), redis.port());
    }

    @AfterEach
    void disconnect() {
        jedis.close();
    }

    private static void need(String... commands) {
        Landed.assumeCommands(redis.server(), commands);
    }

    @Test
    void strings() {
        need("APPEND", "STRLEN", "GETRANGE", "SETRANGE", "MSET", "MGET", "MSETNX", "GETDEL", "GETSET", "SETNX");
        assertThat(jedis.append("s", "hello")).isEqualTo(5);
        assertThat(jedis.append("s", " world")).isEqualTo(11);
        assertThat(jedis.strlen("s")).isEqualTo(11);
        assertThat(jedis.getrange("s", -5, -1)).isEqualTo("world");
        assertThat(jedis.setrange("s", 6, "there")).isEqualTo(11);
        assertThat(jedis.get("s")).isEqualTo("hello there");
        assertThat(jedis.mset("a", "1", "b", "2")).isEqualTo("OK");
        assertThat(jedis.mget("a", "nope", "b")).containsExactly("1", null, "2");
        assertThat(jedis.msetnx("b", "x", "c", "3")).isZero();
        assertThat(jedis.getDel("a")).isEqualTo("1");
        assertThat(jedis.getSet("b", "22")).isEqualTo("2");
        assertThat(jedis.setnx("b", "x")).isZero();
        assertThat(jedis.setnx("d", "4")).isEqualTo(1);
    }

    @Test
    void expiringStrings() {
        need("SETEX", "PSETEX", "GETEX", "TTL", "PTTL");
        assertThat(jedis.setex("e", 100, "v")).isEqualTo("OK");
        assertThat(jedis.ttl("e")).isBetween(90L, 100L);
        assertThat(jedis.psetex("p", 100_000, "v")).isEqualTo("OK");
        assertThat(jedis.pttl("p")).isBetween(90_000L, 100_000L);
        assertThat(jedis.getEx("e", GetExParams.getExParams().persist())).isEqualTo("v");
        assertThat(jedis.ttl("e")).isEqualTo(-1);
    }

    @Test
    void counters() {
        need("INCR", "INCRBY", "DECR", "DECRBY", "INCRBYFLOAT");
        assertThat(jedis.incr("n")).isEqualTo(1);
        assertThat(jedis.incrBy("n", 41)).isEqualTo(42);
        assertThat(jedis.decr("n")).isEqualTo(41);
        assertThat(jedis.decrBy("n", 50)).isEqualTo(-9);
        assertThat(jedis.incrByFloat("f", 2.5)).isEqualTo(2.5);
        assertThat(jedis.incrByFloat("f", 0.1)).isEqualTo(2.6);
        jedis.set("s", "x");
        assertThatThrownBy(() -> jedis.incr("s"))
                .isInstanceOf(JedisDataException.class)
                .hasMessage("ERR value is not an integer or out of range");
    }

    @Test
    void bits() {
        need("SETBIT", "GETBIT", "BITCOUNT", "BITOP", "BITPOS", "BITFIELD");
        assertThat(jedis.setbit("b", 7, true)).isFalse();
        assertThat(jedis.getbit("b", 7)).isTrue();
        assertThat(jedis.bitcount("b")).isEqualTo(1);
        jedis.set("x".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xff});
        assertThat(jedis.bitop(BitOP.AND, "dest", "b", "x")).isEqualTo(1);
        assertThat(jedis.bitpos("b", true)).isEqualTo(7);
        assertThat(jedis.bitfield("bf", "INCRBY", "u8", "0", "300")).containsExactly(44L);
    }

    @Test
    void keys() {
        need("TYPE", "KEYS", "SCAN", "RENAME", "RENAMENX", "COPY", "TOUCH", "UNLINK", "RANDOMKEY", "OBJECT");
        for (int i = 0; i < 50; i++) {
            jedis.set("k:" + i, Integer.toString(i));
        }
        assertThat(jedis.type("k:1")).isEqualTo("string");
        assertThat(jedis.type("none")).isEqualTo("none");
        assertThat(jedis.keys("k:1?")).hasSize(10);
        Set<String> seen = new HashSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page =
                    jedis.scan(cursor, new ScanParams().match("k:*").count(7));
            seen.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        assertThat(seen).hasSize(50);
        assertThat(jedis.rename("k:0", "r")).isEqualTo("OK");
        assertThat(jedis.renamenx("k:1", "r")).isZero();
        assertThat(jedis.copy("r", "r2", false)).isTrue();
        assertThat(jedis.touch("r", "r2", "none")).isEqualTo(2);
        assertThat(jedis.unlink("r2")).isEqualTo(1);
        assertThat(jedis.randomKey()).isNotNull();
        assertThat(jedis.objectEncoding("k:5")).isEqualTo("int");
        jedis.set("long", "a".repeat(100));
        assertThat(jedis.objectEncoding("long")).isEqualTo("raw");
    }

    @Test
    void databases() {
        need("MOVE", "SWAPDB");
        jedis.set("m", "v");
        assertThat(jedis.move("m", 3)).isEqualTo(1);
        assertThat(jedis.exists("m")).isFalse();
        assertThat(jedis.swapDB(0, 3)).isEqualTo("OK");
        assertThat(jedis.get("m")).isEqualTo("v");
    }

    @Test
    void expiry() {
        need("EXPIRE", "PEXPIRE", "EXPIREAT", "PERSIST", "TTL", "PTTL", "EXPIRETIME");
        jedis.set("k", "v");
        assertThat(jedis.expire("k", 100)).isEqualTo(1);
        assertThat(jedis.ttl("k")).isBetween(90L, 100L);
        assertThat(jedis.pexpire("k", 50_000)).isEqualTo(1);
        assertThat(jedis.pttl("k")).isBetween(40_000L, 50_000L);
        long at = System.currentTimeMillis() / 1000 + 1000;
        assertThat(jedis.expireAt("k", at)).isEqualTo(1);
        assertThat(jedis.expireTime("k")).isEqualTo(at);
        assertThat(jedis.persist("k")).isEqualTo(1);
        assertThat(jedis.ttl("k")).isEqualTo(-1);
        assertThat(jedis.expire("k", -1)).isEqualTo(1);
        assertThat(jedis.exists("k")).isFalse();
    }

    @Test
    void serverAndConnection() {
        need("CLIENT", "INFO", "CONFIG", "TIME", "COMMAND");
        assertThat(jedis.clientSetname("jedis-it")).isEqualTo("OK");
        assertThat(jedis.clientGetname()).isEqualTo("jedis-it");
        assertThat(jedis.clientList()).contains("name=jedis-it");
        String info = jedis.info("server");
        assertThat(info).contains("redis_version:");
        Map<String, String> config = jedis.configGet("maxclients");
        assertThat(config).containsKey("maxclients");
        List<String> time = jedis.time();
        assertThat(Long.parseLong(time.get(0)))
                .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(5L));
        assertThat(jedis.commandCount()).isGreaterThan(50);
    }
}
