package dev.petrel.redis.it;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import redis.clients.jedis.Jedis;

/**
 * What the ITs of blocking, publish/subscribe and cursors ask the server while they run: INFO fields, CLIENT LIST
 * lines, subscriber counts; {@link #eventually} to wait for a state without bounding how long it may take (the class's
 * {@code @Timeout} bounds the test); and threads for calls that block.
 */
final class Probe {
    private Probe() {}

    /** An assertion that may throw. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    /** Retries {@code check} until it passes (or {@code limit} passes, then throws its last failure). */
    static void eventually(Duration limit, Check check) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | Exception e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(5);
            }
        }
    }

    /** Retries {@code check} for up to 30 s. */
    static void eventually(Check check) throws Exception {
        eventually(Duration.ofSeconds(30), check);
    }

    /** A numeric field of an INFO section, e.g. {@code info(jedis, "clients", "blocked_clients")}. */
    static long info(Jedis jedis, String section, String field) {
        for (String line : jedis.info(section).split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim());
            }
        }
        throw new AssertionError("INFO " + section + " has no " + field);
    }

    /** INFO clients' blocked_clients. */
    static long blockedClients(Jedis jedis) {
        return info(jedis, "clients", "blocked_clients");
    }

    /** The CLIENT LIST line of client {@code id}, or null when the server no longer lists it. */
    static String clientLine(Jedis jedis, long id) {
        String all = jedis.clientList();
        for (String line : all.split("\n")) {
            if (line.startsWith("id=" + id + " ")) {
                return line;
            }
        }
        return null;
    }

    /** The CLIENT LIST line of the client named {@code name} (CLIENT SETNAME), or null when none is listed. */
    static String clientLineNamed(Jedis jedis, String name) {
        for (String line : jedis.clientList().split("\n")) {
            if (!line.isBlank() && field(line, "name").equals(name)) {
                return line;
            }
        }
        return null;
    }

    /** One {@code name=value} field of a CLIENT LIST or CLIENT INFO line. */
    static String field(String line, String name) {
        for (String f : line.trim().split(" ")) {
            if (f.startsWith(name + "=")) {
                return f.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + line);
    }

    /** Whether client {@code id} is blocked now: its CLIENT LIST flags include b, as Redis shows them. */
    static boolean blocked(Jedis jedis, long id) {
        String line = clientLine(jedis, id);
        return line != null && field(line, "flags").contains("b");
    }

    /**
     * Whether the last command client {@code id} ran is {@code command} (CLIENT LIST's cmd): a blocking command the
     * server has run is blocked or has replied. (Petrel does not show the b flag; {@code BlockingListIT} documents it.)
     */
    static boolean ran(Jedis jedis, long id, String command) {
        String line = clientLine(jedis, id);
        return line != null && field(line, "cmd").equalsIgnoreCase(command);
    }

    /** PUBSUB NUMSUB of one channel. */
    static long numsub(Jedis jedis, String channel) {
        Map<String, Long> n = jedis.pubsubNumSub(channel);
        return n.getOrDefault(channel, 0L);
    }

    /** Used heap after a full collection, in bytes, of this JVM (where the in-process server runs). */
    static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    /** Threads for calls that block (one each, so none waits for another), shut down on close. */
    static final class Threads implements AutoCloseable {
        private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "it-blocking-call");
            t.setDaemon(true);
            return t;
        });

        <T> CompletableFuture<T> run(Supplier<T> call) {
            return CompletableFuture.supplyAsync(call, pool);
        }

        @Override
        public void close() throws InterruptedException {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
