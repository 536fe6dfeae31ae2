package dev.petrel.redis.keyspace;

import dev.petrel.reactor.Scheduler;
import java.time.Duration;

/**
 * Active expiry, as Redis does it: {@code hz} times a second, each database with expiring keys has the next 20 keys of
 * its expiry index checked (a cursor walks the index, so every key is reached within one pass) and the expired ones
 * deleted; while more than a tenth of a batch had expired, another batch follows, within a time budget of a quarter
 * of the period. Keys nobody reads again therefore do not pile up, and the loop is never held for long.
 */
public final class ExpiryCycle {
    private static final int SAMPLE = 20;

    private final Keyspace keyspace;
    private final Scheduler scheduler;
    private final Duration period;
    private final long budgetNanos;
    private boolean enabled = true;
    private int nextDb;

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

    /**
     * One cycle over the databases, starting after the one the last cycle ran out of time in, so that a database with
     * many expired keys cannot starve the others; returns how many keys were deleted.
     */
    public int runOnce() {
        long started = scheduler.clock().nanoTime();
        int deleted = 0;
        int count = keyspace.count();
        for (int visited = 0; visited < count; visited++) {
            Database db = keyspace.db(nextDb);
            nextDb = (nextDb + 1) % count;
            boolean outOfTime = false;
            while (db.expiresCount() > 0) {
                int n = db.expireSample(SAMPLE, keyspace.nowMillis());
                deleted += n;
                outOfTime = scheduler.clock().nanoTime() - started > budgetNanos;
                if (n * 10 <= SAMPLE || outOfTime) {
                    break; // few expired keys left in this database, or no time left
                }
            }
            if (outOfTime) {
                break;
            }
        }
        return deleted;
    }

    /** The time one cycle may take. */
    public long budgetNanos() {
        return budgetNanos;
    }
}
