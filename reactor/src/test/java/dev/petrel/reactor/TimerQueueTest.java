package dev.petrel.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TimerQueueTest {
    private final TimerQueue q = new TimerQueue();
    private final List<String> ran = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();

    private DelayedCall at(long t, String name) {
        return q.schedule(t, () -> ran.add(name));
    }

    @Test
    void runsByDeadlineThenInTheOrderScheduled() {
        at(30, "c");
        at(10, "a1");
        at(20, "b");
        at(10, "a2");
        assertThat(q.nextDeadline()).isEqualTo(10);
        assertThat(q.runDue(9, errors::add)).isZero();
        q.runDue(20, errors::add);
        assertThat(ran).containsExactly("a1", "a2", "b");
        q.runDue(100, errors::add);
        assertThat(ran).containsExactly("a1", "a2", "b", "c");
        assertThat(q.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void cancelledCallsNeverRunAndLeaveAtOnce() {
        DelayedCall a = at(10, "a");
        at(20, "b");
        assertThat(a.cancel()).isTrue();
        assertThat(a.isActive()).isFalse();
        assertThat(a.cancel()).isFalse();
        assertThat(q.size()).isOne();
        q.runDue(100, errors::add);
        assertThat(ran).containsExactly("b");
    }

    @Test
    void aCallMayCancelOrScheduleOthersFromInside() {
        DelayedCall[] victim = new DelayedCall[1];
        q.schedule(10, () -> {
            ran.add("first");
            victim[0].cancel();
            q.schedule(15, () -> ran.add("scheduled inside, due within the run"));
            q.schedule(500, () -> ran.add("scheduled inside, due later"));
        });
        victim[0] = at(10, "cancelled from inside");
        at(20, "last");
        q.runDue(20, errors::add);
        assertThat(ran).containsExactly("first", "scheduled inside, due within the run", "last");
        assertThat(q.size()).isOne();
    }

    @Test
    void aThrowingCallIsReportedAndTheRestStillRun() {
        q.schedule(1, () -> {
            throw new IllegalStateException("boom");
        });
        at(2, "after");
        q.runDue(5, errors::add);
        assertThat(errors).singleElement().hasFieldOrPropertyWithValue("message", "boom");
        assertThat(ran).containsExactly("after");
    }

    @Test
    void agreesWithASortedModelUnderRandomScheduleAndCancel() {
        Random rnd = new Random(42);
        TreeMap<Long, String> model = new TreeMap<>(); // key: deadline * 1e6 + sequence
        List<DelayedCall> calls = new ArrayList<>();
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            if (!calls.isEmpty() && rnd.nextInt(3) == 0) {
                int k = rnd.nextInt(calls.size());
                if (calls.get(k).cancel()) {
                    model.remove(keys.get(k));
                }
            } else {
                long deadline = rnd.nextInt(1000);
                String name = "t" + i;
                calls.add(at(deadline, name));
                long key = deadline * 1_000_000 + i;
                keys.add(key);
                model.put(key, name);
            }
        }
        assertThat(q.size()).isEqualTo(model.size());
        q.runDue(1000, errors::add);
        assertThat(ran).containsExactlyElementsOf(model.values());
    }
}
