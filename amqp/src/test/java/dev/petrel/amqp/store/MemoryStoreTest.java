package dev.petrel.amqp.store;

import static dev.petrel.amqp.broker.QueuedMessages.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.amqp.broker.Message;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain store: first in, first out, with requeued messages back at their queue position. */
class MemoryStoreTest {

    private static List<Integer> drain(MessageStore s) {
        List<Integer> seqs = new ArrayList<>();
        for (Message m; (m = s.poll()) != null; ) {
            seqs.add(m.seq());
        }
        return seqs;
    }

    private static List<Message> addAll(MessageStore s, long from, long to) {
        List<Message> added = new ArrayList<>();
        for (long seq = from; seq < to; seq++) {
            Message m = at(seq, 0, 1);
            s.add(m);
            added.add(m);
        }
        return added;
    }

    @Test
    void firstInFirstOut() {
        MessageStore s = MessageStore.inMemory(0);
        assertThat(s.peek()).isNull();
        assertThat(s.poll()).isNull();
        List<Message> added = addAll(s, 0, 5);
        assertThat(s.peek()).isSameAs(added.get(0));
        assertThat(s.size()).isEqualTo(5);
        assertThat(s.poll()).isSameAs(added.get(0));
        assertThat(s.peek()).isSameAs(added.get(1));
        assertThat(drain(s)).containsExactly(1, 2, 3, 4);
        assertThat(s.size()).isZero();
        assertThat(s.poll()).isNull();
    }

    @Test
    void priorityIsIgnoredWithoutAMaximum() {
        MessageStore s = MessageStore.inMemory(0);
        s.add(at(0, 0, 1));
        s.add(at(1, 9, 1));
        assertThat(drain(s)).containsExactly(0, 1);
    }

    @Test
    void requeuedMessagesGoBackToTheirPositionsWhateverTheOrder() {
        MessageStore s = MessageStore.inMemory(0);
        List<Message> added = addAll(s, 0, 10);
        for (int i = 0; i < 6; i++) {
            s.poll();
        }
        for (int i : new int[] {3, 0, 5, 1}) {
            s.requeue(added.get(i));
        }
        assertThat(s.size()).isEqualTo(8);
        assertThat(drain(s)).containsExactly(0, 1, 3, 5, 6, 7, 8, 9);
    }

    @Test
    void requeueIntoAnEmptyStoreAndBehindNewerMessages() {
        MessageStore s = MessageStore.inMemory(0);
        List<Message> added = addAll(s, 0, 3);
        drain(s);
        s.requeue(added.get(2));
        s.requeue(added.get(0));
        addAll(s, 3, 5);
        s.requeue(added.get(1));
        assertThat(drain(s)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void bodyBytesFollowAddsPollsRequeuesAndClear() {
        MessageStore s = MessageStore.inMemory(0);
        Message a = at(0, 0, 100);
        Message b = at(1, 0, 0);
        Message c = at(2, 0, 7);
        s.add(a);
        s.add(b);
        s.add(c);
        assertThat(s.bodyBytes()).isEqualTo(107);
        s.poll();
        assertThat(s.bodyBytes()).isEqualTo(7);
        s.requeue(a);
        assertThat(s.bodyBytes()).isEqualTo(107);
        List<Message> removed = new ArrayList<>();
        assertThat(s.clear(removed::add)).isEqualTo(3);
        assertThat(removed).containsExactly(a, b, c);
        assertThat(s.bodyBytes()).isZero();
        assertThat(s.size()).isZero();
    }

    @Test
    void growsPastSixteenWhileWrappedAround() {
        MessageStore s = MessageStore.inMemory(0);
        List<Message> added = addAll(s, 0, 12);
        for (int i = 0; i < 10; i++) {
            s.poll(); // the head is now near the end of the 16-slot ring
        }
        addAll(s, 12, 60); // wraps, then grows twice
        s.requeue(added.get(9));
        s.requeue(added.get(4));
        List<Integer> expected = new ArrayList<>(List.of(4, 9));
        for (int seq = 10; seq < 60; seq++) {
            expected.add(seq);
        }
        assertThat(s.size()).isEqualTo(expected.size());
        assertThat(drain(s)).isEqualTo(expected);
    }

    @Test
    void requeueShiftsWhicheverSideIsShorterAcrossTheWrap() {
        MessageStore s = MessageStore.inMemory(0);
        List<Message> added = addAll(s, 0, 16);
        for (int i = 0; i < 14; i++) {
            s.poll();
        }
        addAll(s, 16, 30); // 16 ready, head at slot 14 of 16
        List<Integer> expected = new ArrayList<>();
        for (int i : new int[] {13, 0, 7, 12, 1}) {
            s.requeue(added.get(i));
        }
        for (int seq : new int[] {0, 1, 7, 12, 13}) {
            expected.add(seq);
        }
        for (int seq = 14; seq < 30; seq++) {
            expected.add(seq);
        }
        assertThat(drain(s)).isEqualTo(expected);
    }

    @Test
    void aLargeRingEmptiedIsUsableAgain() {
        MessageStore s = MessageStore.inMemory(0);
        addAll(s, 0, 3000);
        assertThat(drain(s)).hasSize(3000);
        addAll(s, 3000, 3020);
        assertThat(s.peek().seq()).isEqualTo(3000);
        assertThat(drain(s)).hasSize(20).startsWith(3000).endsWith(3019);
    }
}
