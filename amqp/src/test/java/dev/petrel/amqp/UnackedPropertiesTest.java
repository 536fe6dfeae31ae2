package dev.petrel.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.amqp.broker.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random deliveries and settlements against a sorted map of outstanding tags. */
class UnackedPropertiesTest {

    @Property(tries = 300)
    void behavesAsASortedMap(@ForAll @Size(max = 400) List<@IntRange(max = 99) Integer> ops) {
        Unacked u = new Unacked();
        TreeMap<Long, Message> model = new TreeMap<>();
        long nextTag = 1;
        for (int op : ops) {
            List<Long> settled = new ArrayList<>();
            List<Message> messages = new ArrayList<>();
            Unacked.Visitor v = (tag, m, q, c) -> {
                settled.add(tag);
                messages.add(m);
            };
            if (op < 55) {
                Message m = new Message("", "", new byte[0], 0);
                nextTag += op % 3 == 0 ? 2 : 1; // tags increase, not always by one
                u.add(nextTag, m, null, null);
                model.put(nextTag, m);
            } else if (op < 85) {
                long tag = nextTag - op % 20;
                Message expected = model.remove(tag);
                assertThat(u.remove(tag, v)).isEqualTo(expected != null);
                if (expected != null) {
                    assertThat(messages).containsExactly(expected);
                }
            } else if (op < 98) {
                long tag = nextTag - op % 10;
                var head = model.headMap(tag, true);
                List<Long> expected = new ArrayList<>(head.keySet());
                List<Message> expectedMessages = new ArrayList<>(head.values());
                head.clear();
                assertThat(u.removeUpTo(tag, v)).isEqualTo(expected.size());
                assertThat(settled).isEqualTo(expected);
                assertThat(messages).isEqualTo(expectedMessages);
            } else {
                List<Long> expected = new ArrayList<>(model.keySet());
                model.clear();
                assertThat(u.removeAll(v)).isEqualTo(expected.size());
                assertThat(settled).isEqualTo(expected);
            }
            assertThat(u.size()).isEqualTo(model.size());
            for (long t = nextTag - 25; t <= nextTag + 1; t++) {
                assertThat(u.contains(t)).as("tag %d", t).isEqualTo(model.containsKey(t));
            }
        }
    }
}
