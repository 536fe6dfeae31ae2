package dev.petrel.redis.keyspace;

import dev.petrel.reactor.Scheduler;
import java.time.Duration;

/**
 * Active expiry, as Redis does it: {@code hz} times a second, each database with expiring keys is sampled 20 keys at
 * a time and the expired ones deleted; while more than a tenth of a sample had expired, sample again, within a time
 * budget of a quarter of the period. Keys nobody reads again therefore do not pile up, and the loop is never held for
 * long.
 */
public final class ExpiryCycle {
    private static final int SAMPLE = 20;

    private final Keyspace keyspace;
    private final Scheduler scheduler;
    private final Duration period;
    private final long budgetNanos;
    private boolean enabled = true;

    public ExpiryCycle(Keyspace keyspace, Scheduler scheduler, int hz) {
        this.keyspace = keyspace;
        this.scheduler = scheduler;
        this.period = Duration.ofMillis(Math.max(1, 1000 / Math.max(1, hz)));
        this.budgetNanos = period.toNanos() / 4;
    }

    /** Schedules the cycle on the scheduler's thread. */
    public void start() {
        scheduler.callLater(period, this::tick);
    }

    /** DEBUG SET-ACTIVE-EXPIRE. */
    public void setEnabled(boolean on) {
        enabled = on;
    }

    private void tick() {
        if (enabled) {
            runOnce();
        }
        scheduler.callLater(period, this::tick);
    }

    /** One cycle over every database; returns how many keys were deleted. */
    public int runOnce() {
        long started = scheduler.clock().nanoTime();
        int deleted = 0;
        for (int i = 0; i < keyspace.count(); i++) {
            Database db = keyspace.db(i);
            while (db.expiresCount() > 0) {
                int n = db.expireSample(SAMPLE, keyspace.nowMillis());
                deleted += n;
                if (n * 10 <= SAMPLE || scheduler.clock().nanoTime() - started > budgetNanos) {
                    break;
                }
            }
            if (scheduler.clock().nanoTime() - started > budgetNanos) {
                break;
            }
        }
        return deleted;
    }
}
