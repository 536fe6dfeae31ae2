package dev.petrel.redis;

import dev.petrel.reactor.Clock;
import dev.petrel.reactor.DelayedCall;
import dev.petrel.reactor.Scheduler;
import dev.petrel.reactor.Transport;
import dev.petrel.redis.blocking.Blocking;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Commands;
import dev.petrel.redis.command.Dispatcher;
import dev.petrel.redis.keyspace.Database;
import dev.petrel.redis.keyspace.ExpiryCycle;
import dev.petrel.redis.keyspace.Keys;
import dev.petrel.redis.keyspace.Keyspace;
import dev.petrel.redis.pubsub.Notifications;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What every connection of the Redis door shares: configuration, the keyspace, the command table, the clients and
 * the statistics. Lives on the door's loop thread.
 *
 * <p>It also owns the door's background timers, as Redis's {@code serverCron}: {@code hz} times a second a tick runs
 * the active expiry cycle, closes clients idle past {@code timeout} and tracks peak memory; every 100 ms a sampler
 * records the command rate for {@code instantaneous_ops_per_sec} (the mean of the last 16 samples, as Redis reports
 * it). {@link #startTimers()} starts them; a test on a manual clock may start them too, or run the cycle by hand.
 */
public final class RedisInstance {
    private final RedisConfig config;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Keyspace keyspace;
    private final Notifications notifications = new Notifications();
    private final Blocking blocking;
    private final ClientPause clientPause;
    private final Dispatcher dispatcher;
    private final Map<Long, Client> clients = new LinkedHashMap<>();
    private final long startMillis;
    private long nextClientId = 1;
    private long commandsProcessed;
    private long connectionsReceived;
    private int port;
    private ExpiryCycle expiryCycle;
    private boolean activeExpire = true;
    private DelayedCall cron;
    private DelayedCall sampler;
    private final long[] opsSamples = new long[OPS_SAMPLES];
    private int opsSampleIndex;
    private long lastSampleNanos;
    private long lastSampleCommands;
    private long peakMemory;
    private long lastSaveMillis;
    private final String runId = newRunId();

    private static final int OPS_SAMPLES = 16;
    private static final Duration SAMPLE_PERIOD = Duration.ofMillis(100);

    public RedisInstance(RedisConfig config, Scheduler scheduler) {
        this.config = config;
        this.scheduler = scheduler;
        this.clientPause = new ClientPause(scheduler);
        this.clock = scheduler.clock();
        this.blocking = new Blocking(scheduler);
        this.keyspace = new Keyspace(config.databases, clock);
        keyspace.onCreated(this::keyCreated);
        CommandTable table = new CommandTable();
        Commands.registerAll(table);
        this.dispatcher = new Dispatcher(table);
        this.startMillis = clock.currentTimeMillis();
        this.lastSaveMillis = startMillis;
        this.expiryCycle = new ExpiryCycle(keyspace, scheduler, config.hz);
    }

    /** Starts the background timers (expiry cycle, idle clients, ops/sec sampler) on the scheduler's thread. */
    public void startTimers() {
        if (cron != null) {
            return;
        }
        lastSampleNanos = clock.nanoTime();
        lastSampleCommands = commandsProcessed;
        cron = scheduler.callLater(cronPeriod(), this::cronTick);
        sampler = scheduler.callLater(SAMPLE_PERIOD, this::sampleTick);
    }

    /** Cancels the background timers. */
    public void stopTimers() {
        if (cron != null) {
            cron.cancel();
            sampler.cancel();
            cron = null;
            sampler = null;
        }
    }

    private Duration cronPeriod() {
        return Duration.ofMillis(Math.max(1, 1000 / Math.max(1, config.hz)));
    }

    /** After CONFIG SET hz: the expiry cycle's budget and the tick's period follow the new rate from the next tick. */
    public void hzChanged() {
        expiryCycle = new ExpiryCycle(keyspace, scheduler, config.hz);
        if (cron != null) {
            cron.cancel();
            cron = scheduler.callLater(cronPeriod(), this::cronTick);
        }
    }

    private void cronTick() {
        if (activeExpire) {
            expiryCycle.runOnce();
        }
        closeIdleClients();
        peakMemory = Math.max(peakMemory, usedMemory());
        cron = scheduler.callLater(cronPeriod(), this::cronTick);
    }

    private void closeIdleClients() {
        if (config.timeout <= 0) {
            return;
        }
        long idleBefore = clock.currentTimeMillis() - config.timeout * 1000L;
        for (Client c : new ArrayList<>(clients.values())) {
            if (c.lastInteractionMillis < idleBefore) {
                c.transport.loseConnection();
            }
        }
    }

    private void sampleTick() {
        long now = clock.nanoTime();
        long elapsed = now - lastSampleNanos;
        long ops = commandsProcessed - lastSampleCommands;
        opsSamples[opsSampleIndex] = elapsed > 0 ? ops * 1_000_000_000L / elapsed : 0;
        opsSampleIndex = (opsSampleIndex + 1) % OPS_SAMPLES;
        lastSampleNanos = now;
        lastSampleCommands = commandsProcessed;
        sampler = scheduler.callLater(SAMPLE_PERIOD, this::sampleTick);
    }

    /** Commands per second, the mean of the last 16 samples taken every 100 ms. */
    public long instantaneousOpsPerSec() {
        long sum = 0;
        for (long s : opsSamples) {
            sum += s;
        }
        return sum / OPS_SAMPLES;
    }

    /** The active expiry cycle now in use (it is replaced when hz changes). */
    public ExpiryCycle expiryCycle() {
        return expiryCycle;
    }

    /** DEBUG SET-ACTIVE-EXPIRE. */
    public void setActiveExpire(boolean on) {
        activeExpire = on;
    }

    public boolean activeExpire() {
        return activeExpire;
    }

    /** Heap in use by the JVM: Petrel's honest counterpart of Redis's allocator figure. */
    public long usedMemory() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    public long peakMemory() {
        peakMemory = Math.max(peakMemory, usedMemory());
        return peakMemory;
    }

    private static String newRunId() {
        StringBuilder sb = new StringBuilder(40);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 40; i++) {
            sb.append(Character.forDigit(r.nextInt(16), 16));
        }
        return sb.toString();
    }

    /** 40 random hex digits naming this run of the server (INFO's run_id). */
    public String runId() {
        return runId;
    }

    /** Unix milliseconds of the last successful save; the start time until Petrel saves. */
    public long lastSaveMillis() {
        return lastSaveMillis;
    }

    public void setLastSaveMillis(long millis) {
        lastSaveMillis = millis;
    }

    /** CONFIG RESETSTAT: the counters INFO reports go back to zero. */
    public void resetStats() {
        commandsProcessed = 0;
        connectionsReceived = 0;
        lastSampleCommands = 0;
        Arrays.fill(opsSamples, 0);
        peakMemory = 0;
        keyspace.resetStats();
    }

    public RedisConfig config() {
        return config;
    }

    /** CLIENT PAUSE's state for this door. */
    public ClientPause clientPause() {
        return clientPause;
    }

    /** A key was added (Redis's dbAdd): wake clients blocked on it, and fire the "new" event. */
    private void keyCreated(Database db, Object entry) {
        if (blocking.blockedClients() > 0) {
            blocking.signalKeyReady(db.index(), Keys.keyOf(entry));
        }
        if (notifications.wants(Notifications.NEW)) {
            notifications.keyspaceEvent(Notifications.NEW, "new", Keys.keyOf(entry), db.index());
        }
    }

    /** The clients blocked on keys (BLPOP, BZPOPMIN...), see {@code blocking}. */
    public Blocking blocking() {
        return blocking;
    }

    /** Where commands report keyspace events (notify-keyspace-events). */
    public Notifications notifications() {
        return notifications;
    }

    public Keyspace keyspace() {
        return keyspace;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public CommandTable commands() {
        return dispatcher.table();
    }

    public Clock clock() {
        return clock;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public boolean authRequired() {
        return !config.requirepass.isEmpty();
    }

    public long startMillis() {
        return startMillis;
    }

    public int port() {
        return port;
    }

    void setPort(int p) {
        port = p;
    }

    Client newClient(Transport t) {
        Client c = new Client(nextClientId++, t, clock.currentTimeMillis());
        c.authenticated = !authRequired();
        clients.put(c.id, c);
        connectionsReceived++;
        return c;
    }

    void removeClient(Client c) {
        clients.remove(c.id);
    }

    public Collection<Client> clients() {
        return Collections.unmodifiableCollection(clients.values());
    }

    public Client client(long id) {
        return clients.get(id);
    }

    public void countCommand() {
        commandsProcessed++;
    }

    public long commandsProcessed() {
        return commandsProcessed;
    }

    public long connectionsReceived() {
        return connectionsReceived;
    }
}
