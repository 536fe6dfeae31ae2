package dev.petrel.redis.command.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class ConfigCommandsTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    private static Err failed(String name, String reason) {
        return new Err("ERR CONFIG SET failed (possibly related to argument '" + name + "') - " + reason);
    }

    @Test
    void getByNameAndByPattern() {
        assertThat(c.call("CONFIG", "GET", "hz")).isEqualTo(List.of("hz", "10"));
        assertThat(c.call("CONFIG", "GET", "HZ")).isEqualTo(List.of("HZ", "10"));
        assertThat(c.call("CONFIG", "GET", "nosuch")).isEqualTo(List.of());
        assertThat(c.call("CONFIG", "GET", "maxmemory*"))
                .isEqualTo(List.of("maxmemory", "0", "maxmemory-policy", "noeviction"));
        assertThat(c.call("CONFIG", "GET", "h?", "hz")).isEqualTo(List.of("hz", "10"));
        assertThat(c.call("CONFIG", "GET", "save", "appendonly")).isEqualTo(List.of("save", "", "appendonly", "no"));
        assertThat((List<Object>) c.call("CONFIG", "GET", "*")).hasSize(2 * ConfigParams.ALL.size());
        assertThat(c.call("CONFIG", "GET"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'config|get' command"));
    }

    @Test
    void setTakesEffect() {
        assertThat(c.call("CONFIG", "SET", "maxmemory", "1gb", "maxmemory-policy", "ALLKEYS-LRU"))
                .isEqualTo("OK");
        assertThat(c.call("CONFIG", "GET", "maxmemory")).isEqualTo(List.of("maxmemory", "1073741824"));
        assertThat(c.call("CONFIG", "GET", "maxmemory-policy")).isEqualTo(List.of("maxmemory-policy", "allkeys-lru"));
        assertThat(redis.instance.config().maxmemory).isEqualTo(1L << 30);
        c.call("CONFIG", "SET", "maxmemory", "2k");
        assertThat(redis.instance.config().maxmemory).isEqualTo(2000);
        assertThat(c.call("CONFIG", "SET", "notify-keyspace-events", "nKElg$")).isEqualTo("OK");
        assertThat(c.call("CONFIG", "GET", "notify-keyspace-events"))
                .isEqualTo(List.of("notify-keyspace-events", "g$lnKE"));
        c.call("CONFIG", "SET", "notify-keyspace-events", "KEA");
        assertThat(redis.instance.config().notifyKeyspaceEvents).isEqualTo("AKE");
        c.call("CONFIG", "SET", "hz", "600");
        assertThat(c.call("CONFIG", "GET", "hz")).isEqualTo(List.of("hz", "500"));
        c.call("CONFIG", "SET", "hz", "0");
        assertThat(c.call("CONFIG", "GET", "hz")).isEqualTo(List.of("hz", "1"));
    }

    @Test
    void requirepassAppliesToNewConnections() {
        c.call("CONFIG", "SET", "requirepass", "secret");
        assertThat(c.call("GET", "k")).isNull(); // this connection was authenticated when it came
        assertThat(redis.connect().call("GET", "k")).isEqualTo(new Err("NOAUTH Authentication required."));
    }

    @Test
    void setErrorsInRedisWords() {
        assertThat(c.call("CONFIG", "SET", "foo", "1"))
                .isEqualTo(new Err("ERR Unknown option or number of arguments for CONFIG SET - 'foo'"));
        assertThat(c.call("CONFIG", "SET", "hz", "10", "port")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("CONFIG", "SET", "hz", "abc"))
                .isEqualTo(failed("hz", "argument couldn't be parsed into an integer"));
        assertThat(c.call("CONFIG", "SET", "hz", "1", "HZ", "2")).isEqualTo(failed("HZ", "duplicate parameter"));
        assertThat(c.call("CONFIG", "SET", "databases", "3"))
                .isEqualTo(failed("databases", "can't set immutable config"));
        assertThat(c.call("CONFIG", "SET", "dir", "/tmp")).isEqualTo(failed("dir", "can't set protected config"));
        assertThat(c.call("CONFIG", "SET", "maxmemory-policy", "foo"))
                .isEqualTo(failed(
                        "maxmemory-policy",
                        "argument(s) must be one of the following: volatile-lru, volatile-lfu, volatile-random,"
                                + " volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction"));
        assertThat(c.call("CONFIG", "SET", "maxmemory", "-1"))
                .isEqualTo(failed("maxmemory", "argument must be a memory value"));
        assertThat(c.call("CONFIG", "SET", "proto-max-bulk-len", "10"))
                .isEqualTo(failed(
                        "proto-max-bulk-len", "argument must be between 1048576 and 9223372036854775807 inclusive"));
        assertThat(c.call("CONFIG", "SET", "timeout", "-1"))
                .isEqualTo(failed("timeout", "argument must be between 0 and 2147483647 inclusive"));
        assertThat(c.call("CONFIG", "SET", "notify-keyspace-events", "xyz"))
                .isEqualTo(failed("notify-keyspace-events", "Invalid event class character. Use 'Ag$lshzxeKEtmdn'."));
        assertThat(c.call("CONFIG", "SET", "appendonly", "maybe"))
                .isEqualTo(failed("appendonly", "argument must be 'yes' or 'no'"));
        assertThat(c.call("CONFIG", "SET", "save", "x")).isEqualTo(failed("save", "Invalid save parameters"));
        assertThat(c.call("CONFIG", "SET", "save", "")).isEqualTo("OK");
    }

    @Test
    void setIsAllOrNothing() {
        assertThat(c.call("CONFIG", "SET", "maxmemory", "5", "hz", "abc"))
                .isEqualTo(failed("hz", "argument couldn't be parsed into an integer"));
        assertThat(c.call("CONFIG", "GET", "maxmemory")).isEqualTo(List.of("maxmemory", "0"));
        assertThat(c.call("CONFIG", "SET", "hz", "5", "foo", "1"))
                .isEqualTo(new Err("ERR Unknown option or number of arguments for CONFIG SET - 'foo'"));
        assertThat(c.call("CONFIG", "GET", "hz")).isEqualTo(List.of("hz", "10"));
    }

    @Test
    void hzRetimesTheExpiryCycle() {
        redis.instance.startTimers();
        c.call("CONFIG", "SET", "hz", "1");
        c.call("SET", "k", "v", "PX", "10");
        redis.advance(Duration.ofMillis(500));
        assertThat(c.call("DBSIZE")).isEqualTo(1L); // no tick yet at 1 Hz
        redis.advance(Duration.ofMillis(600));
        assertThat(c.call("DBSIZE")).isEqualTo(0L);
    }

    @Test
    void timeoutClosesIdleClients() {
        redis.instance.startTimers();
        c.call("CONFIG", "SET", "timeout", "2");
        RedisHarness.Conn idle = redis.connect();
        redis.advance(Duration.ofMillis(1500));
        c.call("PING");
        redis.advance(Duration.ofMillis(1000));
        assertThat(idle.closed()).isTrue();
        assertThat(c.closed()).isFalse();
    }

    @Test
    void rewriteResetstatAndHelp() {
        assertThat(c.call("CONFIG", "REWRITE")).isEqualTo(new Err("ERR The server is running without a config file"));
        assertThat(c.call("CONFIG", "RESETSTAT")).isEqualTo("OK");
        assertThat(c.call("CONFIG", "RESETSTAT", "x"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'config|resetstat' command"));
        List<Object> help = (List<Object>) c.call("CONFIG", "HELP");
        assertThat(help.get(0)).isEqualTo("CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        assertThat(help).hasSize(11);
    }
}
