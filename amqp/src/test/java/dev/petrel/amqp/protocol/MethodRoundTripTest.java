package dev.petrel.amqp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.amqp.protocol.Frames.Event;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every method record, in every combination of its bits, survives encoding by the encoder and the decoder. */
class MethodRoundTripTest {

    @Test
    void everySpecMethodHasARecordWithDistinctIds() {
        List<Class<? extends Method>> classes = MethodSamples.recordClasses();
        // AMQP 0-9-1 with RabbitMQ's extensions: 66 methods in 11 classes (access and confirm included)
        assertThat(classes).hasSize(66);
        Set<Integer> ids = new HashSet<>();
        for (Class<? extends Method> c : classes) {
            Method m = MethodSamples.samples(c).get(0);
            assertThat(ids.add(m.classId() << 16 | m.methodId()))
                    .as("ids of %s", c.getSimpleName())
                    .isTrue();
        }
    }

    @Test
    void everySampleRoundTripsThroughAFrame() {
        int checked = 0;
        for (Method m : MethodSamples.all()) {
            List<Event> events = Frames.decode(MethodSamples.frame(7, m));
            assertThat(events).as("%s", m).hasSize(1);
            assertThat(events.get(0).kind()).isEqualTo("method");
            assertThat(events.get(0).channel()).isEqualTo(7);
            MethodSamples.assertSameMethod((Method) events.get(0).value(), m);
            checked++;
        }
        // queue.declare alone has 5 bits: 32 combinations
        assertThat(checked).isGreaterThan(66 * 3);
    }

    @Test
    void recordsDecodeThroughThePublicRegistryToo() {
        for (Method m : MethodSamples.all()) {
            byte[] f = MethodSamples.frame(0, m);
            ByteBuffer args = ByteBuffer.wrap(f, 11, f.length - 12);
            MethodSamples.assertSameMethod(Methods.decode(m.classId(), m.methodId(), args), m);
            assertThat(args.hasRemaining())
                    .as("%s leaves arguments unread", m.name())
                    .isFalse();
        }
    }

    @Test
    void namesFollowTheRecordNames() {
        for (Class<? extends Method> c : MethodSamples.recordClasses()) {
            String[] words = c.getSimpleName().split("(?=[A-Z])");
            StringBuilder expected = new StringBuilder(words[0].toLowerCase()).append('.');
            for (int i = 1; i < words.length; i++) {
                expected.append(i > 1 ? "-" : "").append(words[i].toLowerCase());
            }
            assertThat(MethodSamples.samples(c).get(0).name()).isEqualTo(expected.toString());
        }
    }

    @Test
    void onlyPublishReturnDeliverAndGetOkCarryContent() {
        Set<String> withContent = new HashSet<>();
        for (Class<? extends Method> c : MethodSamples.recordClasses()) {
            Method m = MethodSamples.samples(c).get(0);
            if (m.hasContent()) {
                withContent.add(m.name());
            }
        }
        assertThat(withContent)
                .containsExactlyInAnyOrder("basic.publish", "basic.return", "basic.deliver", "basic.get-ok");
    }
}
