package dev.petrel.redis;

import dev.petrel.reactor.Clock;
import dev.petrel.reactor.DelayedCall;
import dev.petrel.reactor.Scheduler;
import dev.petrel.redis.command.CommandSpec;
import dev.petrel.redis.command.Flag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * CLIENT PAUSE for one Redis door: while a pause lasts, a connection whose next command the pause covers (every
 * command in ALL mode; in WRITE mode those flagged write or may_replicate, as Redis 7.0 decides) holds that command and
 * everything after it, unrun and in order, and stops reading; when the pause ends — its deadline passes or CLIENT
 * UNPAUSE — the held connections go on, in the order they were held.
 *
 * <p>As in Redis, a second pause only lengthens the pause and only widens its mode (WRITE to ALL). Loop thread only.
 */
public final class ClientPause {
    /** Pause modes, narrowest first. */
    public enum Mode {
        NONE,
        WRITE,
        ALL
    }

    private final Scheduler scheduler;
    private final Clock clock;
    private final List<RedisConnection> held = new ArrayList<>();
    private Mode mode = Mode.NONE;
    private long endNanos;
    private DelayedCall timer;

    ClientPause(Scheduler scheduler) {
        this.scheduler = scheduler;
        this.clock = scheduler.clock();
    }

    /** The pause state of {@code server}'s door. */
    public static ClientPause of(RedisInstance server) {
        return server.clientPause();
    }

    /** Pauses for {@code millis} from now in {@code m} mode (a pause in force is only lengthened or widened). */
    public void pause(long millis, Mode m) {
        long now = clock.nanoTime();
        long end = now + Math.min(millis, Long.MAX_VALUE / 4 / 1_000_000L) * 1_000_000L;
        if (mode == Mode.NONE || end - endNanos > 0) {
            endNanos = end;
        }
        if (m.compareTo(mode) > 0) {
            mode = m;
        }
        schedule(now);
    }

    /** Ends the pause now; held connections go on once the command that ended it has replied. */
    public void unpause() {
        end();
        scheduler.execute(this::release);
    }

    /** The mode in force now (NONE once the deadline has passed). */
    public Mode mode() {
        if (mode != Mode.NONE && clock.nanoTime() - endNanos >= 0) {
            unpause();
        }
        return mode;
    }

    /** True if a command of {@code spec} must wait now. */
    public boolean holds(CommandSpec spec) {
        Mode m = mode();
        return m == Mode.ALL || (m == Mode.WRITE && (spec.has(Flag.WRITE) || spec.has(Flag.MAY_REPLICATE)));
    }

    void hold(RedisConnection c) {
        if (!held.contains(c)) {
            held.add(c);
        }
    }

    void forget(RedisConnection c) {
        held.remove(c);
    }

    private void schedule(long now) {
        if (timer != null) {
            timer.cancel();
        }
        timer = scheduler.callLater(Duration.ofNanos(Math.max(0, endNanos - now)), this::deadline);
    }

    private void deadline() {
        timer = null;
        long now = clock.nanoTime();
        if (mode == Mode.NONE) {
            return;
        }
        if (now - endNanos < 0) {
            schedule(now); // the clock the timer ran on was a little ahead of ours
            return;
        }
        end();
        release();
    }

    private void end() {
        mode = Mode.NONE;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void release() {
        List<RedisConnection> waiting = new ArrayList<>(held);
        held.clear();
        for (RedisConnection c : waiting) {
            c.release(); // a command it runs may pause again: then the rest hold again, in order
        }
    }
}
