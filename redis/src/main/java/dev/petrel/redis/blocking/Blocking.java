package dev.petrel.redis.blocking;

import dev.petrel.reactor.DelayedCall;
import dev.petrel.reactor.Scheduler;
import dev.petrel.redis.Client;
import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.string.LongDoubles;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The clients blocked on keys, for every value type: per (database, key) a first-come first-served queue of waiters,
 * the set of keys signalled ready since the last command, and each waiter's timeout. See the package documentation
 * for how a family uses it. Loop thread only.
 */
public final class Blocking {
    /** What a blocked command does when it may go on; it keeps (copies of) everything it parsed from its arguments. */
    @FunctionalInterface
    public interface Handler {
        /**
         * {@code key} may be ready: serve from it, reply on {@code c.reply} and return true, or return false to stay
         * blocked. {@code c} is the blocked client's context; its arguments are no longer valid.
         */
        boolean serve(CommandContext c, byte[] key);

        /** The timeout passed (or CLIENT UNBLOCK ... TIMEOUT, or blocking is not allowed here): reply. */
        default void timeout(CommandContext c) {
            c.reply.nullArray();
        }
    }

    public static final String UNBLOCKED = "UNBLOCKED client unblocked via CLIENT UNBLOCK";
    static final String NEGATIVE = "ERR timeout is negative";
    static final String NOT_FLOAT = "ERR timeout is not a float or out of range";

    /** A key in one database; equal by content. */
    private record BlockKey(int db, byte[] key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof BlockKey k && k.db == db && Arrays.equals(k.key, key);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(key) * 31 + db;
        }
    }

    private static final class Waiter {
        final CommandContext context;
        final BlockKey[] keys;
        final Handler handler;
        DelayedCall timer;

        Waiter(CommandContext context, BlockKey[] keys, Handler handler) {
            this.context = context;
            this.keys = keys;
            this.handler = handler;
        }
    }

    private final Scheduler scheduler;
    private final Map<BlockKey, ArrayDeque<Waiter>> byKey = new HashMap<>();
    private final Map<Client, Waiter> byClient = new IdentityHashMap<>();
    private LinkedHashSet<BlockKey> ready = new LinkedHashSet<>();
    private boolean serving;

    public Blocking(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Argument {@code i} as a blocking timeout in seconds (a float; 0: forever), in milliseconds; or -1 after replying
     * Redis's error. A positive timeout under a millisecond still ends, after a millisecond.
     */
    public static long timeoutMillis(CommandContext c, int i) {
        byte[] b = c.args.bytes(i);
        LongDoubles.Ext v = LongDoubles.parse(b, 0, b.length);
        if (v == null) {
            c.reply.error(NOT_FLOAT);
            return -1;
        }
        // Redis converts seconds * 1000 to a long long: an infinity or an overflow comes out negative
        double ms = v.infinite() ? Double.NaN : Math.scalb(v.m().doubleValue(), v.e()) * 1000.0;
        if (v.negative() && v.m().signum() != 0 || Double.isNaN(ms) || ms >= 0x1p63) {
            c.reply.error(NEGATIVE);
            return -1;
        }
        long millis = (long) ms;
        return millis == 0 && ms > 0 ? 1 : millis;
    }

    /**
     * Blocks the client of {@code c} on {@code keys} (of its selected database) for {@code timeoutMillis} (0:
     * forever). Inside MULTI the handler's timeout reply is given at once instead.
     */
    public void block(CommandContext c, byte[][] keys, long timeoutMillis, Handler handler) {
        Client client = c.client;
        if (client.inMulti) {
            handler.timeout(c);
            return;
        }
        BlockKey[] bk = new BlockKey[keys.length];
        Waiter w = new Waiter(c, bk, handler);
        for (int i = 0; i < keys.length; i++) {
            bk[i] = new BlockKey(client.db, keys[i]);
            ArrayDeque<Waiter> q = byKey.computeIfAbsent(bk[i], k -> new ArrayDeque<>());
            if (!q.contains(w)) {
                q.add(w); // a key named twice queues the client once
            }
        }
        byClient.put(client, w);
        client.blocked = true;
        if (timeoutMillis > 0) {
            w.timer = scheduler.callLater(Duration.ofMillis(timeoutMillis), () -> timedOut(w));
        }
    }

    /** Called by every command that adds elements to {@code key} of database {@code db}. */
    public void signalKeyReady(int db, byte[] key) {
        if (byKey.isEmpty()) {
            return;
        }
        BlockKey k = new BlockKey(db, key);
        if (byKey.containsKey(k)) {
            ready.add(k);
        }
    }

    /** Serves the clients blocked on the keys signalled ready, in order; called after each command. */
    public void serveReadyKeys() {
        if (ready.isEmpty() || serving) {
            return;
        }
        serving = true;
        try {
            while (!ready.isEmpty()) {
                LinkedHashSet<BlockKey> batch = ready;
                ready = new LinkedHashSet<>();
                for (BlockKey k : batch) {
                    ArrayDeque<Waiter> q = byKey.get(k);
                    if (q == null) {
                        continue;
                    }
                    for (Waiter w : new ArrayList<>(q)) {
                        if (byClient.get(w.context.client) == w && w.handler.serve(w.context, k.key)) {
                            finish(w);
                        }
                    }
                }
            }
        } finally {
            serving = false;
        }
    }

    /**
     * CLIENT UNBLOCK: frees {@code client} if it is blocked, with its timeout reply or (when {@code error}) the
     * UNBLOCKED error; false if it was not blocked.
     */
    public boolean unblock(Client client, boolean error) {
        Waiter w = byClient.get(client);
        if (w == null) {
            return false;
        }
        if (error) {
            w.context.reply.error(UNBLOCKED);
        } else {
            w.handler.timeout(w.context);
        }
        finish(w);
        return true;
    }

    /** The client's connection closed: forgets it without a reply. */
    public void disconnected(Client client) {
        Waiter w = byClient.get(client);
        if (w != null) {
            remove(w);
        }
    }

    public boolean isBlocked(Client client) {
        return byClient.containsKey(client);
    }

    /** Clients blocked now (INFO's blocked_clients). */
    public int blockedClients() {
        return byClient.size();
    }

    /** Keys with blocked clients, over all databases (INFO's total_blocking_keys). */
    public int blockingKeys() {
        return byKey.size();
    }

    /** The keys of database {@code db} that clients are blocked on (for tests and DEBUG). */
    public List<byte[]> blockedKeys(int db) {
        List<byte[]> out = new ArrayList<>();
        for (BlockKey k : byKey.keySet()) {
            if (k.db == db) {
                out.add(k.key);
            }
        }
        return out;
    }

    private void timedOut(Waiter w) {
        w.timer = null;
        if (byClient.get(w.context.client) == w) {
            w.handler.timeout(w.context);
            finish(w);
        }
    }

    /** The waiter has its reply: it stops waiting, and its connection sends the reply and goes on. */
    private void finish(Waiter w) {
        remove(w);
        w.context.client.unblocked();
    }

    private void remove(Waiter w) {
        byClient.remove(w.context.client);
        w.context.client.blocked = false;
        if (w.timer != null) {
            w.timer.cancel();
            w.timer = null;
        }
        for (BlockKey k : w.keys) {
            ArrayDeque<Waiter> q = byKey.get(k);
            if (q != null) {
                q.remove(w);
                if (q.isEmpty()) {
                    byKey.remove(k);
                }
            }
        }
    }
}
