package dev.petrel.amqp.broker;

import static dev.petrel.amqp.broker.RoutingFixtures.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.petrel.amqp.broker.RoutingFixtures.FakeQueue;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeTest {
    private final FakeQueue q1 = new FakeQueue("q1");
    private final FakeQueue q2 = new FakeQueue("q2");

    @Test
    void typesByWireName() {
        for (ExchangeType t : ExchangeType.values()) {
            assertThat(ExchangeType.fromWireName(t.wireName())).isSameAs(t);
            assertThat(Exchange.create(t, "x", false, false, false, null).type())
                    .isSameAs(t);
        }
        assertThat(ExchangeType.fromWireName("x-consistent-hash")).isNull();
        assertThat(ExchangeType.fromWireName("Direct")).isNull();
    }

    @Test
    void bindingsAreDistinctByDestinationKeyAndArguments() {
        Exchange x = Exchange.create(ExchangeType.DIRECT, "x", false, false, false, Map.of());
        assertThat(x.hasBindings()).isFalse();
        assertThat(x.bind(q1, "k", null)).isTrue();
        assertThat(x.bind(q1, "k", Map.of())).isFalse();
        assertThat(x.bind(q1, "k", Map.of("a", 1))).isTrue();
        assertThat(x.bind(q1, "k", new HashMap<>(Map.of("a", 1)))).isFalse();
        assertThat(x.bind(q1, "j", null)).isTrue();
        assertThat(x.bind(q2, "k", null)).isTrue();
        assertThat(x.bindings())
                .containsExactly(
                        new Binding(x, q1, "k", Map.of()),
                        new Binding(x, q1, "k", Map.of("a", 1)),
                        new Binding(x, q1, "j", Map.of()),
                        new Binding(x, q2, "k", null));

        assertThat(x.unbind(q1, "k", Map.of("a", 2))).isFalse();
        assertThat(x.unbind(q2, "j", null)).isFalse();
        assertThat(x.unbind(q1, "k", Map.of("a", 1))).isTrue();
        assertThat(x.unbind(q1, "k", Map.of("a", 1))).isFalse();
        assertThat(x.unbindAll(q1)).isEqualTo(2);
        assertThat(x.unbindAll(q1)).isZero();
        assertThat(x.bindings()).containsExactly(new Binding(x, q2, "k", Map.of()));
        assertThat(x.unbind(q2, "k", Map.of())).isTrue();
        assertThat(x.hasBindings()).isFalse();
        assertThat(route(x, "k")).isEmpty();
    }

    @Test
    void argumentsAreCopiedAndAlternateExchangeIsReadFromThem() {
        Map<String, Object> args = new HashMap<>(Map.of("alternate-exchange", "ae"));
        Exchange x = Exchange.create(ExchangeType.FANOUT, "x", true, true, true, args);
        args.clear();
        assertThat(x.arguments()).containsEntry("alternate-exchange", "ae");
        assertThat(x.alternateExchange()).isEqualTo("ae");
        assertThat(x.name()).isEqualTo("x");
        assertThat(List.of(x.durable(), x.autoDelete(), x.internal())).containsOnly(true);
        assertThat(Exchange.create(ExchangeType.FANOUT, "y", true, false, false, null)
                        .alternateExchange())
                .isNull();
        assertThat(Exchange.create(ExchangeType.FANOUT, "y", true, false, false, Map.of("alternate-exchange", 5))
                        .alternateExchange())
                .isNull();
    }

    @Test
    void alternateExchangeMustBeAString() {
        assertThat(Exchange.invalidArguments("e", null, "/")).isNull();
        assertThat(Exchange.invalidArguments("e", Map.of("alternate-exchange", "ae"), "/"))
                .isNull();
        assertThat(Exchange.invalidArguments("e", Map.of("alternate-exchange", 5), "/"))
                .isEqualTo("invalid type 'signedint' for arg 'alternate-exchange' in exchange 'e' in vhost '/'");
        assertThat(Exchange.invalidArguments("e", Map.of("alternate-exchange", new byte[] {'a'}), "v"))
                .isEqualTo("invalid type 'binary' for arg 'alternate-exchange' in exchange 'e' in vhost 'v'");
    }

    /** Texts as RabbitMQ 3.10.8 sends them after "PRECONDITION_FAILED - ". */
    @Test
    void inequivalenceIsReportedLikeRabbitMq() {
        Exchange x = Exchange.create(
                ExchangeType.DIRECT, "ee", true, false, false, Map.of("alternate-exchange", "ae", "other", 1));
        String prefix = "inequivalent arg ";
        assertThat(x.inequivalence(ExchangeType.DIRECT, true, false, false, Map.of("alternate-exchange", "ae"), "/"))
                .isNull();
        assertThat(x.inequivalence(
                        ExchangeType.DIRECT,
                        true,
                        false,
                        false,
                        Map.of("alternate-exchange", "ae".getBytes(StandardCharsets.UTF_8), "other", 2),
                        "/"))
                .isNull();
        assertThat(x.inequivalence(ExchangeType.FANOUT, false, true, true, null, "/"))
                .isEqualTo(prefix + "'type' for exchange 'ee' in vhost '/': received 'fanout' but current is 'direct'");
        assertThat(x.inequivalence(ExchangeType.DIRECT, false, true, true, null, "/"))
                .isEqualTo(prefix + "'durable' for exchange 'ee' in vhost '/': received 'false' but current is 'true'");
        assertThat(x.inequivalence(ExchangeType.DIRECT, true, true, true, null, "v"))
                .isEqualTo(prefix
                        + "'auto_delete' for exchange 'ee' in vhost 'v': received 'true' but current is 'false'");
        assertThat(x.inequivalence(ExchangeType.DIRECT, true, false, true, null, "/"))
                .isEqualTo(
                        prefix + "'internal' for exchange 'ee' in vhost '/': received 'true' but current is 'false'");
        assertThat(x.inequivalence(ExchangeType.DIRECT, true, false, false, null, "/"))
                .isEqualTo(prefix + "'alternate-exchange' for exchange 'ee' in vhost '/': received none but current"
                        + " is the value 'ae' of type 'longstr'");
        assertThat(x.inequivalence(ExchangeType.DIRECT, true, false, false, Map.of("alternate-exchange", "zz"), "/"))
                .isEqualTo(prefix + "'alternate-exchange' for exchange 'ee' in vhost '/': received 'zz' but current"
                        + " is 'ae'");
        assertThat(x.inequivalence(ExchangeType.DIRECT, true, false, false, Map.of("alternate-exchange", 5), "/"))
                .isEqualTo(prefix + "'alternate-exchange' for exchange 'ee' in vhost '/': received '5' but current"
                        + " is 'ae'");
        Exchange plain = Exchange.create(ExchangeType.DIRECT, "ef", true, false, false, null);
        assertThat(plain.inequivalence(
                        ExchangeType.DIRECT, true, false, false, Map.of("alternate-exchange", "ae"), "/"))
                .isEqualTo(prefix + "'alternate-exchange' for exchange 'ef' in vhost '/': received the value 'ae'"
                        + " of type 'longstr' but current is none");
    }

    @Test
    void theDefaultExchangeRoutesToTheQueueTheKeyNames() {
        Map<String, Destination> queues = Map.of("q1", q1, "q2", q2);
        DefaultExchange x = new DefaultExchange(queues::get);
        assertThat(x.name()).isEmpty();
        assertThat(x.type()).isSameAs(ExchangeType.DIRECT);
        assertThat(x.durable()).isTrue();
        assertThat(route(x, "q2")).containsExactly(q2);
        assertThat(route(x, "q3")).isEmpty();
        assertThat(x.hasBindings()).isFalse();
        assertThat(x.bindings()).isEmpty();
        assertThat(x.unbindAll(q1)).isZero();
        assertThatThrownBy(() -> x.bind(q1, "q1", null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> x.unbind(q1, "q1", null)).isInstanceOf(UnsupportedOperationException.class);
    }
}
