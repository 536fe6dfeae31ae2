package dev.petrel.redis.command.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.Versions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfoCommandTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    private String info(String... sections) {
        String[] args = new String[sections.length + 1];
        args[0] = "INFO";
        System.arraycopy(sections, 0, args, 1, sections.length);
        return (String) c.call(args);
    }

    private static List<String> titles(String info) {
        List<String> out = new ArrayList<>();
        for (String line : info.split("\r\n")) {
            if (line.startsWith("# ")) {
                out.add(line.substring(2));
            }
        }
        return out;
    }

    private static Map<String, String> fields(String info) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : info.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                out.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return out;
    }

    @Test
    void defaultSectionsInRedisOrder() {
        assertThat(titles(info()))
                .containsExactly(
                        "Server",
                        "Clients",
                        "Memory",
                        "Persistence",
                        "Stats",
                        "Replication",
                        "CPU",
                        "Modules",
                        "Errorstats",
                        "Cluster",
                        "Keyspace");
        assertThat(titles(info("all"))).contains("Commandstats", "Latencystats");
        assertThat(titles(info("keyspace", "CPU", "cpu"))).containsExactly("CPU", "Keyspace");
        assertThat(info("nosuch")).isEmpty();
    }

    @Test
    void sectionsAreSeparatedByBlankLines() {
        assertThat(info("cluster")).isEqualTo("# Cluster\r\ncluster_enabled:0\r\n");
        assertThat(info("cluster", "modules")).isEqualTo("# Modules\r\n\r\n# Cluster\r\ncluster_enabled:0\r\n");
    }

    @Test
    void serverAndReplicationFields() {
        Map<String, String> f = fields(info("server", "replication", "persistence"));
        assertThat(f.get("redis_version")).isEqualTo(Versions.REDIS_VERSION);
        assertThat(f.get("redis_mode")).isEqualTo("standalone");
        assertThat(f.get("hz")).isEqualTo("10");
        assertThat(f.get("process_id"))
                .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(f.get("run_id")).hasSize(40);
        assertThat(f).containsKeys("os", "arch_bits", "tcp_port", "uptime_in_days", "executable", "config_file");
        assertThat(f.get("role")).isEqualTo("master");
        assertThat(f.get("connected_slaves")).isEqualTo("0");
        assertThat(f.get("loading")).isEqualTo("0");
        redis.advance(Duration.ofSeconds(5));
        assertThat(fields(info("server")).get("uptime_in_seconds")).isEqualTo("5");
    }

    @Test
    void memoryIsTheHeapInUse() {
        Map<String, String> f = fields(info("memory"));
        assertThat(Long.parseLong(f.get("used_memory"))).isPositive();
        assertThat(f.get("used_memory_human")).matches("\\d+\\.\\d\\d[KMG]");
        assertThat(f).containsKeys("used_memory_rss", "used_memory_peak", "mem_allocator");
        assertThat(f.get("maxmemory")).isEqualTo("0");
        assertThat(f.get("maxmemory_policy")).isEqualTo("noeviction");
        assertThat(InfoSections.human(200)).isEqualTo("200B");
        assertThat(InfoSections.human(1269840)).isEqualTo("1.21M");
    }

    @Test
    void statsCountConnectionsCommandsHitsAndMisses() {
        redis.connect();
        c.call("SET", "k", "v");
        c.call("GET", "k");
        c.call("GET", "nope");
        Map<String, String> f = fields(info("stats", "clients"));
        assertThat(f.get("connected_clients")).isEqualTo("2");
        assertThat(f.get("total_connections_received")).isEqualTo("2");
        assertThat(f.get("total_commands_processed")).isEqualTo("3");
        assertThat(f.get("keyspace_hits")).isEqualTo("1");
        assertThat(f.get("keyspace_misses")).isEqualTo("1");
        assertThat(c.call("CONFIG", "RESETSTAT")).isEqualTo("OK");
        f = fields(info("stats"));
        assertThat(f.get("keyspace_hits")).isEqualTo("0");
        assertThat(f.get("total_commands_processed")).isEqualTo("1");
    }

    @Test
    void instantaneousOpsAverageTheLastSixteenSamples() {
        redis.instance.startTimers();
        for (int i = 0; i < 100; i++) {
            c.call("PING");
        }
        redis.advance(Duration.ofMillis(100)); // one sample of 100 commands in 0.1 s: 1000/s, over 16 samples
        assertThat(fields(info("stats")).get("instantaneous_ops_per_sec")).isEqualTo("62");
        redis.advance(Duration.ofMillis(1600));
        assertThat(fields(info("stats")).get("instantaneous_ops_per_sec")).isEqualTo("0");
    }

    @Test
    void keyspaceListsDatabasesWithKeys() {
        c.call("SET", "a", "1");
        c.call("SET", "b", "1", "EX", "100");
        c.call("SELECT", "3");
        c.call("SET", "c", "1");
        assertThat(info("keyspace"))
                .isEqualTo("# Keyspace\r\ndb0:keys=2,expires=1,avg_ttl=0\r\ndb3:keys=1,expires=0,avg_ttl=0\r\n");
    }
}
