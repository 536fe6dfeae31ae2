package dev.petrel.redis.command.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectCommandsTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    @Test
    void encodingFollowsRedis() {
        c.call("SET", "i", "123");
        c.call("SET", "s", "hello");
        c.call("SET", "r", "x".repeat(45));
        c.call("SET", "e", "x".repeat(44));
        assertThat(c.call("OBJECT", "ENCODING", "i")).isEqualTo("int");
        assertThat(c.call("OBJECT", "encoding", "s")).isEqualTo("embstr");
        assertThat(c.call("OBJECT", "ENCODING", "e")).isEqualTo("embstr");
        assertThat(c.call("OBJECT", "ENCODING", "r")).isEqualTo("raw");
        assertThat(c.call("OBJECT", "ENCODING", "nope")).isNull();
    }

    @Test
    void refcountReportsSharedSmallIntegers() {
        c.call("SET", "small", "9999");
        c.call("SET", "big", "10000");
        c.call("SET", "neg", "-1");
        c.call("SET", "s", "v");
        assertThat(c.call("OBJECT", "REFCOUNT", "small")).isEqualTo(2147483647L);
        assertThat(c.call("OBJECT", "REFCOUNT", "big")).isEqualTo(1L);
        assertThat(c.call("OBJECT", "REFCOUNT", "neg")).isEqualTo(1L);
        assertThat(c.call("OBJECT", "REFCOUNT", "s")).isEqualTo(1L);
        assertThat(c.call("OBJECT", "REFCOUNT", "nope")).isNull();
    }

    @Test
    void idletimeIsNotResetByObjectItself() {
        c.call("SET", "k", "v");
        redis.advance(Duration.ofSeconds(12));
        assertThat(c.call("OBJECT", "IDLETIME", "k")).isEqualTo(12L);
        assertThat(c.call("OBJECT", "ENCODING", "k")).isEqualTo("embstr");
        assertThat(c.call("TTL", "k")).isEqualTo(-1L);
        assertThat(c.call("TYPE", "k")).isEqualTo("string");
        assertThat(c.call("EXISTS", "k")).isEqualTo(1L);
        assertThat(c.call("MEMORY", "USAGE", "k")).isInstanceOf(Long.class);
        assertThat(c.call("OBJECT", "IDLETIME", "k")).isEqualTo(12L);
        c.call("GET", "k");
        assertThat(c.call("OBJECT", "IDLETIME", "k")).isEqualTo(0L);
        assertThat(c.call("OBJECT", "IDLETIME", "nope")).isNull();
    }

    @Test
    void freqNeedsAnLfuPolicy() {
        c.call("SET", "k", "v");
        assertThat(c.call("OBJECT", "FREQ", "nope")).isNull();
        assertThat(c.call("OBJECT", "FREQ", "k"))
                .isEqualTo(new Err("ERR An LFU maxmemory policy is not selected, access frequency not tracked."
                        + " Please note that when switching between policies at runtime LRU and LFU data will take"
                        + " some time to adjust."));
        redis.instance.config().maxmemoryPolicy = "allkeys-lfu";
        assertThat(c.call("OBJECT", "FREQ", "k")).isInstanceOf(Long.class);
        assertThat(c.call("OBJECT", "IDLETIME", "k"))
                .isEqualTo(new Err("ERR An LFU maxmemory policy is selected,"
                        + " idle time not tracked. Please note that when switching between policies at runtime LRU and LFU"
                        + " data will take some time to adjust."));
    }

    @Test
    void objectArityAndSubcommandErrors() {
        assertThat(c.call("OBJECT")).isEqualTo(new Err("ERR wrong number of arguments for 'object' command"));
        assertThat(c.call("OBJECT", "ENCODING"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'object|encoding' command"));
        assertThat(c.call("OBJECT", "HELP", "x"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'object|help' command"));
        assertThat(c.call("OBJECT", "foo")).isEqualTo(new Err("ERR unknown subcommand 'foo'. Try OBJECT HELP."));
    }

    @Test
    void helpListsTheSubcommands() {
        @SuppressWarnings("unchecked")
        List<Object> help = (List<Object>) c.call("object", "help");
        assertThat(help).hasSize(15);
        assertThat(help.get(0)).isEqualTo("OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        assertThat(help).contains("ENCODING <key>", "FREQ <key>", "IDLETIME <key>", "REFCOUNT <key>", "HELP");
        @SuppressWarnings("unchecked")
        List<Object> memory = (List<Object>) c.call("MEMORY", "HELP");
        assertThat(memory.get(0)).isEqualTo("MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        assertThat(memory).contains("USAGE <key> [SAMPLES <count>]", "HELP");
    }

    @Test
    void memoryUsageIsTheRecordPlusItsShareOfTheTable() {
        c.call("SET", "key:0000001", "12345678");
        long usage = (Long) c.call("MEMORY", "USAGE", "key:0000001");
        // Record: 4 header + 1 key length + 11 key + 8 value = 24 bytes, +16 array header = 40; one key in a
        // 16-slot table: 2 array headers + 16 slots of 8 bytes = 160 bytes.
        assertThat(usage).isEqualTo(40 + 160);
        for (int i = 0; i < 11; i++) {
            c.call("SET", "other" + i, "v");
        }
        assertThat((Long) c.call("MEMORY", "USAGE", "key:0000001")).isEqualTo(40 + 160 / 12 + 1);
        c.call("EXPIRE", "key:0000001", "100");
        long withTtl = (Long) c.call("MEMORY", "USAGE", "key:0000001", "SAMPLES", "0");
        assertThat(withTtl).isEqualTo(48 + 160 / 12 + 1 + 160);
        assertThat(c.call("MEMORY", "USAGE", "nope")).isNull();
    }

    @Test
    void memoryUsageOptionErrors() {
        c.call("SET", "k", "v");
        assertThat(c.call("MEMORY", "USAGE", "k", "SAMPLES", "-1")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("MEMORY", "USAGE", "k", "SAMPLES", "x"))
                .isEqualTo(new Err("ERR value is not an integer or out of range"));
        assertThat(c.call("MEMORY", "USAGE", "k", "SAMPLES")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("MEMORY", "USAGE", "k", "foo")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("MEMORY", "USAGE"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'memory|usage' command"));
        assertThat(c.call("MEMORY", "foo")).isEqualTo(new Err("ERR unknown subcommand 'foo'. Try MEMORY HELP."));
    }
}
