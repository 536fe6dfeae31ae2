package dev.petrel.reactor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.petrel.reactor.DelayedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualClockTest {
    private final ManualClock clock = new ManualClock();
    private final List<String> log = new ArrayList<>();

    private Runnable note(String what) {
        return () -> log.add(what + "@" + clock.nanoTime());
    }

    @Test
    void timeMovesOnlyWhenAdvanced() {
        long wall = clock.currentTimeMillis();
        assertThat(clock.nanoTime()).isZero();
        assertThat(wall).isEqualTo(ManualClock.START_EPOCH_MILLIS);
        clock.advance(Duration.ofMillis(1500));
        assertThat(clock.nanoTime()).isEqualTo(1_500_000_000L);
        assertThat(clock.currentTimeMillis()).isEqualTo(wall + 1500);
        assertThat(clock.inEventLoop()).isTrue();
        assertThat(clock.clock()).isSameAs(clock);
    }

    @Test
    void timersRunInDeadlineOrderEachAtItsOwnDeadline() {
        clock.callLater(Duration.ofNanos(30), note("c"));
        clock.callLater(Duration.ofNanos(10), note("a"));
        clock.callLater(Duration.ofNanos(20), note("b1"));
        clock.callLater(Duration.ofNanos(20), note("b2"));
        clock.callLater(Duration.ofNanos(40), note("late"));

        clock.advanceNanos(35);

        assertThat(log).containsExactly("a@10", "b1@20", "b2@20", "c@30");
        assertThat(clock.nanoTime()).isEqualTo(35);
        assertThat(clock.pendingTimers()).isEqualTo(1);
        clock.advanceNanos(5);
        assertThat(log).endsWith("late@40");
    }

    @Test
    void cancelledTimersDoNotRun() {
        DelayedCall call = clock.callLater(Duration.ofSeconds(1), note("x"));
        assertThat(call.isActive()).isTrue();
        assertThat(call.deadlineNanos()).isEqualTo(1_000_000_000L);
        assertThat(call.cancel()).isTrue();
        assertThat(call.cancel()).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(log).isEmpty();
        assertThat(call.isActive()).isFalse();
    }

    @Test
    void callbacksThatScheduleCallbacksInsideTheSpanRunInTheSameAdvance() {
        clock.callLater(Duration.ofNanos(10), () -> {
            log.add("first@" + clock.nanoTime());
            clock.callLater(Duration.ofNanos(5), note("second"));
            clock.callLater(Duration.ZERO, note("now"));
            clock.callLater(Duration.ofNanos(100), note("beyond"));
        });
        clock.advanceNanos(20);
        assertThat(log).containsExactly("first@10", "now@10", "second@15");
        clock.advanceNanos(90);
        assertThat(log).endsWith("beyond@110");
    }

    @Test
    void timerThatReschedulesItselfTicksOncePerPeriod() {
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            log.add("tick@" + clock.nanoTime());
            clock.callLater(Duration.ofNanos(10), tick[0]);
        };
        clock.callLater(Duration.ofNanos(10), tick[0]);
        clock.advanceNanos(35);
        assertThat(log).containsExactly("tick@10", "tick@20", "tick@30");
    }

    @Test
    void executedTasksRunOnTheNextAdvanceOrRunPending() {
        clock.execute(note("task"));
        assertThat(log).isEmpty();
        assertThat(clock.pendingTasks()).isEqualTo(1);
        clock.runPending();
        assertThat(log).containsExactly("task@0");
        clock.execute(note("again"));
        clock.advance(Duration.ZERO);
        assertThat(log).containsExactly("task@0", "again@0");
    }

    @Test
    void aFailingTimerDoesNotStopTheOthersAndIsRethrown() {
        clock.callLater(Duration.ofNanos(1), () -> {
            throw new IllegalStateException("boom");
        });
        clock.callLater(Duration.ofNanos(2), note("after"));
        assertThatThrownBy(() -> clock.advanceNanos(5)).hasMessage("boom");
        assertThat(log).containsExactly("after@2");
        assertThat(clock.nanoTime()).isEqualTo(5);
    }

    @Test
    void timeNeverMovesBackward() {
        assertThatThrownBy(() -> clock.advanceNanos(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advance(Duration.ofNanos(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
