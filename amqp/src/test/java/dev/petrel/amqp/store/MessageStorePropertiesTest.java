package dev.petrel.amqp.store;

import static dev.petrel.amqp.broker.QueuedMessages.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.amqp.broker.Message;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random adds, polls and requeues against a sorted set ordered as the store must deliver: by priority (clamped to
 * the maximum) when there is one, then by queue position.
 */
class MessageStorePropertiesTest {

    @Property(tries = 300)
    void deliversInTheModelsOrder(
            @ForAll @IntRange(max = 6) int maxPriority,
            @ForAll @Size(max = 300) List<@IntRange(max = 99) Integer> ops) {
        MessageStore store = MessageStore.inMemory(maxPriority);
        Comparator<Message> order = Comparator.<Message>comparingInt(
                        m -> maxPriority == 0 ? 0 : -Math.min(m.priority(), maxPriority))
                .thenComparingLong(Message::seq);
        TreeSet<Message> model = new TreeSet<>(order);
        List<Message> delivered = new ArrayList<>();
        long nextSeq = 0;
        long bytes = 0;
        for (int op : ops) {
            if (op < 45) {
                Message m = at(nextSeq++, op % 9, op);
                store.add(m);
                model.add(m);
                bytes += op;
            } else if (op < 75 || delivered.isEmpty()) {
                Message m = store.poll();
                assertThat(m).isSameAs(model.pollFirst());
                if (m != null) {
                    delivered.add(m);
                    bytes -= m.bodySize();
                }
            } else {
                Message m = delivered.remove(op % delivered.size());
                store.requeue(m);
                model.add(m);
                bytes += m.bodySize();
            }
            assertThat(store.size()).isEqualTo(model.size());
            assertThat(store.bodyBytes()).isEqualTo(bytes);
            assertThat(store.peek()).isSameAs(model.isEmpty() ? null : model.first());
        }
        List<Message> rest = new ArrayList<>();
        store.clear(rest::add);
        assertThat(rest).containsExactlyElementsOf(model);
    }
}
