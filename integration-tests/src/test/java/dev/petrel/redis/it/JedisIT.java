package dev.petrel.redis.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.petrel.redis.testing.PetrelRedisExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.SetParams;

/** Jedis, as an application uses it: single commands, options, databases, binary data, large values, pipelines. */
@Timeout(60)
class JedisIT {
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

    @Test
    void pingAndEcho() {
        assertThat(jedis.ping()).isEqualTo("PONG");
        assertThat(jedis.ping("hello")).isEqualTo("hello");
        assertThat(jedis.echo("héllo wörld")).isEqualTo("héllo wörld");
    }

    @Test
    void setAndGetWithOptions() {
        assertThat(jedis.get("k")).isNull();
        assertThat(jedis.set("k", "v1")).isEqualTo("OK");
        assertThat(jedis.get("k")).isEqualTo("v1");
        assertThat(jedis.set("k", "v2", SetParams.setParams().nx())).isNull();
        assertThat(jedis.set("k", "v2", SetParams.setParams().xx())).isEqualTo("OK");
        assertThat(jedis.set("missing", "x", SetParams.setParams().xx())).isNull();
        assertThat(jedis.setGet("k", "v3")).isEqualTo("v2");
        assertThat(jedis.set("k", "v4", SetParams.setParams().ex(100))).isEqualTo("OK");
        assertThat(jedis.set("k", "v5", SetParams.setParams().px(100_000).xx())).isEqualTo("OK");
        assertThat(jedis.set("k", "v6", SetParams.setParams().keepTtl())).isEqualTo("OK");
        assertThat(jedis.get("k")).isEqualTo("v6");
        assertThatThrownBy(() -> jedis.set("k", "v", SetParams.setParams().ex(0)))
                .isInstanceOf(JedisDataException.class)
                .hasMessage("ERR invalid expire time in 'set' command");
    }

    @Test
    void setWithAnExpiryAndTtl() {
        Landed.assumeCommands(redis.server(), "TTL", "PTTL");
        jedis.set("k", "v", SetParams.setParams().ex(100));
        assertThat(jedis.ttl("k")).isBetween(90L, 100L);
        jedis.set("k", "v", SetParams.setParams().keepTtl());
        assertThat(jedis.pttl("k")).isBetween(90_000L, 100_000L);
        jedis.set("k", "v");
        assertThat(jedis.ttl("k")).isEqualTo(-1);
        assertThat(jedis.ttl("missing")).isEqualTo(-2);
    }

    @Test
    void delExistsAndDbsize() {
        jedis.set("a", "1");
        jedis.set("b", "2");
        assertThat(jedis.dbSize()).isEqualTo(2);
        assertThat(jedis.exists("a")).isTrue();
        assertThat(jedis.exists("a", "b", "a", "c")).isEqualTo(3);
        assertThat(jedis.del("a", "c")).isEqualTo(1);
        assertThat(jedis.exists("a")).isFalse();
        assertThat(jedis.dbSize()).isEqualTo(1);
    }

    @Test
    void databasesAreSeparate() {
        jedis.set("k", "zero");
        assertThat(jedis.select(1)).isEqualTo("OK");
        assertThat(jedis.get("k")).isNull();
        jedis.set("k", "one");
        assertThat(jedis.dbSize()).isEqualTo(1);
        assertThat(jedis.flushDB()).isEqualTo("OK");
        assertThat(jedis.dbSize()).isZero();
        jedis.select(0);
        assertThat(jedis.get("k")).isEqualTo("zero");
        assertThatThrownBy(() -> jedis.select(16))
                .isInstanceOf(JedisDataException.class)
                .hasMessage("ERR DB index is out of range");
    }

    @Test
    void unknownCommandsAreRedisErrors() {
        assertThatThrownBy(() -> jedis.sendCommand(() -> "NOSUCHCOMMAND".getBytes(UTF_8), "a"))
                .isInstanceOf(JedisDataException.class)
                .hasMessageStartingWith("ERR unknown command 'NOSUCHCOMMAND', with args beginning with: 'a' ");
    }

    @Test
    void binaryKeysAndValuesWithEveryByte() {
        byte[] key = new byte[256];
        byte[] value = new byte[256];
        for (int i = 0; i < 256; i++) {
            key[i] = (byte) i;
            value[i] = (byte) (255 - i);
        }
        assertThat(jedis.set(key, value)).isEqualTo("OK");
        assertThat(jedis.get(key)).isEqualTo(value);
        assertThat(jedis.exists(key)).isTrue();
        byte[] oneByte = {0};
        jedis.set(oneByte, new byte[0]);
        assertThat(jedis.get(oneByte)).isEmpty();
        assertThat(jedis.del(key, oneByte)).isEqualTo(2);
    }

    @Test
    void aOneMebibyteValue() {
        byte[] value = new byte[1 << 20];
        new Random(1).nextBytes(value);
        assertThat(jedis.set("big".getBytes(UTF_8), value)).isEqualTo("OK");
        assertThat(jedis.get("big".getBytes(UTF_8))).isEqualTo(value);
    }

    @Test
    void aPipelineOfAThousandCommands() {
        Pipeline p = jedis.pipelined();
        List<Response<String>> sets = new ArrayList<>();
        List<Response<String>> gets = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sets.add(p.set("key:" + i, "value:" + i));
            gets.add(p.get("key:" + i));
        }
        p.sync();
        for (int i = 0; i < 500; i++) {
            assertThat(sets.get(i).get()).isEqualTo("OK");
            assertThat(gets.get(i).get()).isEqualTo("value:" + i);
        }
        assertThat(jedis.dbSize()).isEqualTo(500);
    }

    @Test
    void aPooledClientFromSeveralThreads() throws Exception {
        try (JedisPooled pooled = new JedisPooled(redis.host(), redis.port())) {
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int t = 0; t < 4; t++) {
                int id = t;
                threads.add(new Thread(() -> {
                    try {
                        for (int i = 0; i < 200; i++) {
                            pooled.set("t" + id + ":" + i, Integer.toString(i));
                            assertThat(pooled.get("t" + id + ":" + i)).isEqualTo(Integer.toString(i));
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertThat(failures).isEmpty();
            assertThat(pooled.dbSize()).isEqualTo(800);
        }
    }
}
