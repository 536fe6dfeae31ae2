package dev.petrel.amqp.broker;

import static dev.petrel.amqp.broker.RoutingFixtures.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.amqp.broker.RoutingFixtures.FakeQueue;
import dev.petrel.amqp.broker.RoutingFixtures.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectAndFanoutExchangeTest {
    private final FakeQueue q1 = new FakeQueue("q1");
    private final FakeQueue q2 = new FakeQueue("q2");

    @Test
    void directRoutesOnTheExactKey() {
        DirectExchange x = (DirectExchange) Exchange.create(ExchangeType.DIRECT, "d", true, false, false, null);
        x.bind(q1, "orange", Map.of());
        x.bind(q2, "black", Map.of());
        x.bind(q2, "green", Map.of());
        assertThat(route(x, "orange")).containsExactly(q1);
        assertThat(route(x, "green")).containsExactly(q2);
        assertThat(route(x, "Orange")).isEmpty();
        assertThat(route(x, "")).isEmpty();
        assertThat(route(x, "*")).isEmpty();
    }

    @Test
    void directRoutesADestinationOnceForTwoBindingsWithOneKey() {
        Exchange x = Exchange.create(ExchangeType.DIRECT, "d", true, false, false, null);
        assertThat(x.bind(q1, "k", Map.of())).isTrue();
        assertThat(x.bind(q1, "k", Map.of("x-any", "thing"))).isTrue();
        x.bind(q2, "k", Map.of());
        assertThat(route(x, "k")).containsExactly(q1, q2);
    }

    @Test
    void directForgetsKeysWithNoBindingLeft() {
        DirectExchange x = (DirectExchange) Exchange.create(ExchangeType.DIRECT, "d", true, false, false, null);
        x.bind(q1, "a", Map.of());
        x.bind(q1, "b", Map.of());
        x.bind(q2, "b", Map.of());
        x.unbind(q1, "a", Map.of());
        x.unbindAll(q1);
        assertThat(x.keyCount()).isEqualTo(1);
        assertThat(route(x, "b")).containsExactly(q2);
        x.unbindAll(q2);
        assertThat(x.keyCount()).isZero();
    }

    @Test
    void fanoutRoutesToEveryDestinationOnce() {
        Exchange x = Exchange.create(ExchangeType.FANOUT, "f", false, false, false, null);
        Exchange downstream = Exchange.create(ExchangeType.FANOUT, "g", false, false, false, null);
        x.bind(q1, "", Map.of());
        x.bind(q1, "ignored", Map.of());
        x.bind(q2, "x", Map.of());
        x.bind(downstream, "", Map.of());
        assertThat(route(x, "anything")).containsExactly(q1, q2, downstream);
        x.unbind(q1, "", Map.of());
        assertThat(route(x, "")).containsExactly(q1, q2, downstream);
        x.unbind(q1, "ignored", Map.of());
        assertThat(route(x, "")).containsExactly(q2, downstream);
    }

    @Test
    void directAndFanoutRoutingAllocateNothing() {
        Exchange direct = Exchange.create(ExchangeType.DIRECT, "d", true, false, false, null);
        Exchange fanout = Exchange.create(ExchangeType.FANOUT, "f", true, false, false, null);
        for (Exchange x : List.of(direct, fanout)) {
            x.bind(q1, "k", Map.of());
            x.bind(q2, "k", Map.of());
            x.bind(q2, "k", Map.of("n", 1));
            Message m = Message.key("k");
            List<Destination> out = new ArrayList<>(4);
            assertThat(Allocations.bytesPerCall(() -> {
                        out.clear();
                        x.route(m, out);
                    }))
                    .as(x.type().wireName())
                    .isLessThan(8);
            assertThat(out).containsExactly(q1, q2);
        }
    }
}
