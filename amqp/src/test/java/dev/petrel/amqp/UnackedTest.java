package dev.petrel.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.amqp.broker.Message;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A channel's unsettled deliveries: single, multiple and total settlement, holes and compaction. */
class UnackedTest {
    private final List<Long> settled = new ArrayList<>();
    private final Unacked.Visitor record = (tag, m, q, c) -> {
        assertThat(m).isNotNull();
        settled.add(tag);
    };

    private static Message message() {
        return new Message("", "rk", new byte[0], 0);
    }

    private static Unacked withTags(long from, long to) {
        Unacked u = new Unacked();
        for (long t = from; t <= to; t++) {
            u.add(t, message(), null, null);
        }
        return u;
    }

    @Test
    void addAndRemoveOne() {
        Unacked u = new Unacked();
        Message m = message();
        u.add(1, m, null, null);
        assertThat(u.contains(1)).isTrue();
        assertThat(u.size()).isEqualTo(1);
        List<Message> got = new ArrayList<>();
        assertThat(u.remove(1, (tag, msg, q, c) -> got.add(msg))).isTrue();
        assertThat(got).containsExactly(m);
        assertThat(u.contains(1)).isFalse();
        assertThat(u.remove(1, record)).isFalse();
        assertThat(u.remove(2, record)).isFalse();
        assertThat(u.size()).isZero();
        assertThat(settled).isEmpty();
    }

    @Test
    void removeUpToSettlesInTagOrderAndSkipsHoles() {
        Unacked u = withTags(1, 10);
        assertThat(u.remove(3, record)).isTrue();
        assertThat(u.remove(7, record)).isTrue();
        settled.clear();
        assertThat(u.removeUpTo(8, record)).isEqualTo(6);
        assertThat(settled).containsExactly(1L, 2L, 4L, 5L, 6L, 8L);
        assertThat(u.size()).isEqualTo(2);
        assertThat(u.contains(8)).isFalse();
        assertThat(u.contains(9)).isTrue();
        assertThat(u.removeUpTo(8, record)).isZero();
        assertThat(u.removeUpTo(0, record)).isZero();
    }

    @Test
    void removeAllSettlesEverything() {
        Unacked u = withTags(5, 40);
        u.remove(20, record);
        settled.clear();
        assertThat(u.removeAll(record)).isEqualTo(35);
        assertThat(settled).hasSize(35).startsWith(5L, 6L).endsWith(39L, 40L).doesNotContain(20L);
        assertThat(u.size()).isZero();
        assertThat(u.removeAll(record)).isZero();
    }

    @Test
    void holesFromOutOfOrderAcksAreSqueezedOutWhenTheRingFills() {
        Unacked u = withTags(1, 16); // the initial ring, full
        for (long t = 2; t <= 16; t += 2) {
            assertThat(u.remove(t, record)).isTrue(); // holes behind a live head
        }
        for (long t = 17; t <= 24; t++) {
            u.add(t, message(), null, null); // compacts in place, then fills again
        }
        u.add(25, message(), null, null); // now it must double
        assertThat(u.size()).isEqualTo(17);
        for (long t = 1; t <= 25; t++) {
            assertThat(u.contains(t)).as("tag %d", t).isEqualTo(t > 16 || t % 2 == 1);
        }
        settled.clear();
        assertThat(u.removeUpTo(20, record)).isEqualTo(12);
        assertThat(settled).containsExactly(1L, 3L, 5L, 7L, 9L, 11L, 13L, 15L, 17L, 18L, 19L, 20L);
        assertThat(u.remove(25, record)).isTrue();
        assertThat(u.remove(22, record)).isTrue();
        settled.clear();
        u.removeAll(record);
        assertThat(settled).containsExactly(21L, 23L, 24L);
    }

    @Test
    void aSettledHeadLetsTheRingWrapWithoutGrowing() {
        Unacked u = new Unacked();
        for (long t = 1; t <= 1000; t++) {
            u.add(t, message(), null, null);
            if (t > 5) {
                assertThat(u.remove(t - 5, record)).isTrue();
            }
        }
        assertThat(u.size()).isEqualTo(5);
        assertThat(u.contains(995)).isFalse();
        assertThat(u.contains(996)).isTrue();
        settled.clear();
        u.removeAll(record);
        assertThat(settled).containsExactly(996L, 997L, 998L, 999L, 1000L);
    }
}
