package dev.petrel.redis.keyspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.reactor.Clock;
import dev.petrel.reactor.DelayedCall;
import dev.petrel.reactor.Scheduler;
import dev.petrel.reactor.testing.ManualClock;
import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.data.StringRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExpiryCycleTest {
    @Test
    void removesExpiredKeysNobodyReads() {
        RedisHarness redis = new RedisHarness();
        var c = redis.connect();
        for (int i = 0; i < 5000; i++) {
            c.call("SET", "short:" + i, "v", "PX", String.valueOf(100 + i % 50));
        }
        for (int i = 0; i < 1000; i++) {
            c.call("SET", "long:" + i, "v", "EX", "3600");
            c.call("SET", "forever:" + i, "v");
        }
        c.call("SELECT", "3");
        for (int i = 0; i < 500; i++) {
            c.call("SET", "db3:" + i, "v", "PX", "120");
        }
        c.call("SELECT", "0");
        assertThat(c.call("DBSIZE")).isEqualTo(7000L);
        Keyspace ks = redis.instance.keyspace();
        long hits = ks.hits();
        long misses = ks.misses();

        redis.advance(Duration.ofMillis(150));
        ExpiryCycle cycle = redis.instance.expiryCycle();
        int cycles = 0;
        while (ks.db(0).size() > 2000 || ks.db(3).size() > 0) {
            cycle.runOnce();
            assertThat(++cycles).as("cycles to clear the expired keys").isLessThan(2000);
        }
        assertThat(c.call("DBSIZE")).isEqualTo(2000L);
        assertThat(ks.db(0).expiresCount()).isEqualTo(1000);
        assertThat(ks.expiredKeys()).isEqualTo(5500);
        assertThat(ks.hits()).isEqualTo(hits);
        assertThat(ks.misses()).isEqualTo(misses);
        assertThat(cycle.runOnce()).isZero(); // the long-lived keys stay
    }

    @Test
    void stopsWhenItsTimeBudgetIsSpent() {
        ManualClock wall = new ManualClock();
        Keyspace ks = new Keyspace(16, wall);
        Database db = ks.db(0);
        for (int i = 0; i < 100_000; i++) {
            byte[] k = ("k" + i).getBytes(StandardCharsets.UTF_8);
            db.put(StringRecord.create(k, k, 0, k.length, wall.currentTimeMillis() + 10, 0));
        }
        wall.advance(Duration.ofMillis(10));
        TickingScheduler ticking = new TickingScheduler(1_000_000); // every clock read costs 1 ms
        ExpiryCycle cycle = new ExpiryCycle(ks, ticking, 10);
        assertThat(cycle.budgetNanos()).isEqualTo(25_000_000L);

        int deleted = cycle.runOnce();
        assertThat(deleted).isPositive();
        assertThat(db.size()).isPositive();
        // The budget is checked after every sample of 20, so a cycle overruns it by at most one sample.
        assertThat(ticking.elapsed()).isLessThanOrEqualTo(cycle.budgetNanos() + 2 * 1_000_000);
        assertThat(deleted).isLessThanOrEqualTo(20 * 27);

        int cycles = 1;
        while (db.size() > 0) {
            cycle.runOnce();
            assertThat(++cycles).isLessThan(100_000);
        }
        assertThat(cycles).isGreaterThan(100_000 / (20 * 27));
    }

    @Test
    void aDatabaseFullOfExpiredKeysDoesNotStarveTheNext() {
        ManualClock wall = new ManualClock();
        Keyspace ks = new Keyspace(16, wall);
        for (int d = 0; d < 2; d++) {
            for (int i = 0; i < 20_000; i++) {
                byte[] k = ("k" + i).getBytes(StandardCharsets.UTF_8);
                ks.db(d).put(StringRecord.create(k, k, 0, k.length, wall.currentTimeMillis() + 10, 0));
            }
        }
        wall.advance(Duration.ofMillis(10));
        ExpiryCycle cycle = new ExpiryCycle(ks, new TickingScheduler(1_000_000), 10);
        cycle.runOnce(); // runs out of time in database 0
        assertThat(ks.db(0).size()).isLessThan(20_000);
        assertThat(ks.db(1).size()).isEqualTo(20_000);
        cycle.runOnce(); // starts with database 1
        assertThat(ks.db(1).size()).isLessThan(20_000);
    }

    /** A scheduler whose clock moves on by a fixed step each time it is read, as if every read took that long. */
    private static final class TickingScheduler implements Scheduler, Clock {
        private final long step;
        private long nanos;

        TickingScheduler(long step) {
            this.step = step;
        }

        long elapsed() {
            return nanos;
        }

        @Override
        public long nanoTime() {
            nanos += step;
            return nanos - step;
        }

        @Override
        public long currentTimeMillis() {
            return nanos / 1_000_000;
        }

        @Override
        public DelayedCall callLater(Duration delay, Runnable task) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void execute(Runnable task) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean inEventLoop() {
            return true;
        }

        @Override
        public Clock clock() {
            return this;
        }
    }
}
