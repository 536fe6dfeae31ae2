package dev.petrel.redis.command.server;

import dev.petrel.redis.RedisConfig;
import dev.petrel.redis.RedisInstance;
import dev.petrel.redis.Versions;
import dev.petrel.redis.keyspace.Database;
import dev.petrel.redis.keyspace.Keyspace;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The text of each INFO section, with Redis's field names. Values are Petrel's own and true: memory is the JVM heap
 * in use (Redis reports its allocator's figure) and the resident set from {@code /proc/self/statm}; a field Petrel
 * has nothing honest to say about is left out rather than faked.
 */
final class InfoSections {
    private final RedisInstance server;
    private final RedisConfig config;
    private StringBuilder sb;

    InfoSections(RedisInstance server) {
        this.server = server;
        this.config = server.config();
    }

    void write(String section, StringBuilder out) {
        sb = out;
        switch (section) {
            case "server" -> server();
            case "clients" -> clients();
            case "memory" -> memory();
            case "persistence" -> persistence();
            case "stats" -> stats();
            case "replication" -> replication();
            case "cpu" -> cpu();
            case "cluster" -> {
                title("Cluster");
                field("cluster_enabled", 0);
            }
            case "keyspace" -> keyspace();
            default -> title(Character.toUpperCase(section.charAt(0)) + section.substring(1));
        }
    }

    private void server() {
        long now = server.clock().currentTimeMillis();
        long uptime = (now - server.startMillis()) / 1000;
        title("Server");
        field("redis_version", Versions.REDIS_VERSION);
        field("redis_git_sha1", "00000000");
        field("redis_git_dirty", 0);
        field("redis_mode", "standalone");
        field(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        field("arch_bits", System.getProperty("sun.arch.data.model", "64"));
        field("monotonic_clock", "System.nanoTime");
        field("multiplexing_api", "java.nio");
        field("process_id", ProcessHandle.current().pid());
        field("process_supervised", "no");
        field("run_id", server.runId());
        field("tcp_port", server.port());
        field("server_time_usec", now * 1000);
        field("uptime_in_seconds", uptime);
        field("uptime_in_days", uptime / 86400);
        field("hz", config.hz);
        field("configured_hz", config.hz);
        field("lru_clock", server.keyspace().lruClock());
        field("executable", ProcessHandle.current().info().command().orElse(""));
        field("config_file", "");
        field("io_threads_active", 0);
    }

    private void clients() {
        title("Clients");
        field("connected_clients", server.clients().size());
        field("cluster_connections", 0);
        field("maxclients", config.maxclients);
        field("blocked_clients", server.blocking().blockedClients());
        field("tracking_clients", 0);
        field("clients_in_timeout_table", 0);
    }

    private void memory() {
        long used = server.usedMemory();
        long peak = server.peakMemory();
        long rss = SystemStats.residentBytes();
        long total = SystemStats.totalMemoryBytes();
        title("Memory");
        field("used_memory", used);
        field("used_memory_human", human(used));
        field("used_memory_rss", rss);
        field("used_memory_rss_human", human(rss));
        field("used_memory_peak", peak);
        field("used_memory_peak_human", human(peak));
        field("used_memory_peak_perc", String.format(Locale.ROOT, "%.2f%%", peak == 0 ? 0.0 : 100.0 * used / peak));
        field("total_system_memory", total);
        field("total_system_memory_human", human(total));
        zeros("number_of_cached_scripts", "number_of_functions", "number_of_libraries");
        field("maxmemory", config.maxmemory);
        field("maxmemory_human", human(config.maxmemory));
        field("maxmemory_policy", config.maxmemoryPolicy);
        field("mem_fragmentation_ratio", String.format(Locale.ROOT, "%.2f", used == 0 ? 0.0 : (double) rss / used));
        field("mem_fragmentation_bytes", rss - used);
        zeros("mem_replication_backlog", "mem_total_replication_buffers", "mem_clients_slaves");
        zeros("mem_cluster_links", "mem_aof_buffer");
        field("mem_allocator", "jvm-heap");
        zeros("active_defrag_running", "lazyfree_pending_objects", "lazyfreed_objects");
    }

    private void persistence() {
        title("Persistence");
        field("loading", 0);
        field("async_loading", 0);
        zeros("current_save_keys_processed", "current_save_keys_total", "rdb_bgsave_in_progress");
        field("rdb_last_save_time", server.lastSaveMillis() / 1000);
        field("rdb_last_bgsave_status", "ok");
        field("rdb_last_bgsave_time_sec", -1);
        field("rdb_current_bgsave_time_sec", -1);
        zeros("rdb_saves", "aof_enabled", "aof_rewrite_in_progress", "aof_rewrite_scheduled");
        field("aof_last_rewrite_time_sec", -1);
        field("aof_current_rewrite_time_sec", -1);
        field("aof_last_bgrewrite_status", "ok");
        zeros("aof_rewrites", "aof_rewrites_consecutive_failures");
        field("aof_last_write_status", "ok");
        zeros("module_fork_in_progress");
    }

    private void stats() {
        Keyspace ks = server.keyspace();
        title("Stats");
        field("total_connections_received", server.connectionsReceived());
        field("total_commands_processed", server.commandsProcessed());
        field("instantaneous_ops_per_sec", server.instantaneousOpsPerSec());
        zeros("total_net_repl_input_bytes", "total_net_repl_output_bytes", "rejected_connections", "sync_full");
        zeros("sync_partial_ok", "sync_partial_err");
        field("expired_keys", ks.expiredKeys());
        field("evicted_keys", 0);
        field("evicted_clients", 0);
        field("keyspace_hits", ks.hits());
        field("keyspace_misses", ks.misses());
        field("pubsub_channels", server.notifications().pubsub().channelCount());
        field("pubsub_patterns", server.notifications().pubsub().patternCount());
        field("pubsubshard_channels", server.notifications().pubsub().shardChannelCount());
        zeros("latest_fork_usec", "total_forks", "migrate_cached_sockets");
        zeros("slave_expires_tracked_keys", "active_defrag_hits", "active_defrag_misses", "active_defrag_key_hits");
        zeros("active_defrag_key_misses", "total_active_defrag_time", "current_active_defrag_time");
        zeros("tracking_total_keys", "tracking_total_items", "tracking_total_prefixes", "dump_payload_sanitizations");
        zeros("io_threaded_reads_processed", "io_threaded_writes_processed");
    }

    private void replication() {
        title("Replication");
        field("role", "master");
        field("connected_slaves", 0);
        field("master_failover_state", "no-failover");
        field("master_replid", server.runId());
        field("master_replid2", "0000000000000000000000000000000000000000");
        field("master_repl_offset", 0);
        field("second_repl_offset", -1);
        zeros("repl_backlog_active", "repl_backlog_first_byte_offset", "repl_backlog_histlen");
    }

    private void cpu() {
        double[] proc = SystemStats.processCpuSeconds();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double threadTotal = threads.getCurrentThreadCpuTime() / 1e9;
        double threadUser = threads.getCurrentThreadUserTime() / 1e9;
        title("CPU");
        field("used_cpu_sys", seconds(proc[1]));
        field("used_cpu_user", seconds(proc[0]));
        field("used_cpu_sys_children", seconds(0));
        field("used_cpu_user_children", seconds(0));
        // the door's loop thread is Petrel's counterpart of Redis's main thread
        field("used_cpu_sys_main_thread", seconds(Math.max(0, threadTotal - threadUser)));
        field("used_cpu_user_main_thread", seconds(Math.max(0, threadUser)));
    }

    private void keyspace() {
        title("Keyspace");
        Keyspace ks = server.keyspace();
        for (int i = 0; i < ks.count(); i++) {
            Database db = ks.db(i);
            if (db.size() > 0) {
                // avg_ttl is Redis's running estimate from expiry sampling; Petrel keeps none yet, and Redis too
                // reports 0 until it has one
                sb.append("db")
                        .append(i)
                        .append(":keys=")
                        .append(db.size())
                        .append(",expires=")
                        .append(db.expiresCount())
                        .append(",avg_ttl=0\r\n");
            }
        }
    }

    /** Fields that count what Petrel never does (forks, replication, defragmentation...): truly 0. */
    private void zeros(String... names) {
        for (String n : names) {
            field(n, 0);
        }
    }

    private void title(String name) {
        sb.append("# ").append(name).append("\r\n");
    }

    private void field(String name, Object value) {
        sb.append(name).append(':').append(value).append("\r\n");
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.6f", s);
    }

    /** Redis's human form of a byte count: {@code 200B}, {@code 1.21M}. */
    static String human(long n) {
        String units = "KMGTP";
        if (n < 1024) {
            return n + "B";
        }
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length() - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f%c", v, units.charAt(u));
    }
}
