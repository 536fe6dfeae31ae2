package dev.petrel.amqp.store;

import static dev.petrel.amqp.broker.QueuedMessages.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.amqp.broker.Message;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A priority queue's store: higher priorities first, priorities above the queue's maximum count as the maximum. */
class PriorityStoreTest {

    private static List<Integer> drain(MessageStore s) {
        List<Integer> seqs = new ArrayList<>();
        for (Message m; (m = s.poll()) != null; ) {
            seqs.add(m.seq());
        }
        return seqs;
    }

    @Test
    void higherPrioritiesFirstThenQueueOrder() {
        MessageStore s = MessageStore.inMemory(5);
        int[] priorities = {0, 5, 3, 9, 1, 3, 255, 0};
        for (int i = 0; i < priorities.length; i++) {
            s.add(at(i, priorities[i], 1));
        }
        assertThat(s.size()).isEqualTo(8);
        assertThat(s.peek().seq()).isEqualTo(1);
        // 9 and 255 are clamped to 5, and keep their queue order behind seq 1
        assertThat(drain(s)).containsExactly(1, 3, 6, 2, 5, 4, 0, 7);
    }

    @Test
    void requeuedMessagesGoBackToTheirPlaceInTheirLevel() {
        MessageStore s = MessageStore.inMemory(2);
        List<Message> added = new ArrayList<>();
        int[] priorities = {1, 2, 1, 2, 0, 1};
        for (int i = 0; i < priorities.length; i++) {
            Message m = at(i, priorities[i], 10 * i);
            added.add(m);
            s.add(m);
        }
        assertThat(s.bodyBytes()).isEqualTo(150);
        assertThat(s.poll()).isSameAs(added.get(1));
        assertThat(s.poll()).isSameAs(added.get(3));
        assertThat(s.poll()).isSameAs(added.get(0));
        assertThat(s.bodyBytes()).isEqualTo(110);
        s.requeue(added.get(0));
        s.requeue(added.get(3));
        assertThat(s.size()).isEqualTo(5);
        assertThat(s.bodyBytes()).isEqualTo(140);
        assertThat(drain(s)).containsExactly(3, 0, 2, 5, 4);
        assertThat(s.bodyBytes()).isZero();
    }

    @Test
    void clearEmptiesEveryLevel() {
        MessageStore s = MessageStore.inMemory(3);
        for (int i = 0; i < 20; i++) {
            s.add(at(i, i % 4, 2));
        }
        List<Integer> removed = new ArrayList<>();
        assertThat(s.clear(m -> removed.add(m.seq()))).isEqualTo(20);
        assertThat(removed).hasSize(20).startsWith(3, 7);
        assertThat(s.size()).isZero();
        assertThat(s.bodyBytes()).isZero();
        assertThat(s.peek()).isNull();
    }
}
