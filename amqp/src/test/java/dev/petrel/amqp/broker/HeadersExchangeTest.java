package dev.petrel.amqp.broker;

import static dev.petrel.amqp.broker.RoutingFixtures.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.amqp.broker.RoutingFixtures.FakeQueue;
import dev.petrel.amqp.broker.RoutingFixtures.Message;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expectations checked against RabbitMQ 3.10.8 with the Java client, which sends each Java type as here. */
class HeadersExchangeTest {
    private final FakeQueue q = new FakeQueue("q");

    private boolean routes(Map<String, Object> binding, Map<String, Object> headers) {
        Exchange x = Exchange.create(ExchangeType.HEADERS, "h", false, false, false, null);
        x.bind(q, "", binding);
        return !route(x, Message.headers(headers)).isEmpty();
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void allNeedsEveryHeaderAndIsTheDefault() {
        Map<String, Object> b = map("format", "pdf", "type", "report");
        assertThat(routes(b, map("format", "pdf", "type", "report", "extra", 1)))
                .isTrue();
        assertThat(routes(b, map("format", "pdf"))).isFalse();
        assertThat(routes(b, map("format", "pdf", "type", "log"))).isFalse();
        b.put("x-match", "all");
        assertThat(routes(b, map("format", "pdf", "type", "report"))).isTrue();
        assertThat(routes(b, map("type", "report"))).isFalse();
    }

    @Test
    void anyNeedsOneHeader() {
        Map<String, Object> b = map("x-match", "any", "format", "pdf", "type", "report");
        assertThat(routes(b, map("type", "report"))).isTrue();
        assertThat(routes(b, map("format", "zip", "type", "log"))).isFalse();
        assertThat(routes(b, map())).isFalse();
    }

    @Test
    void bindingArgumentsNamedXAreIgnoredUnlessWithX() {
        assertThat(routes(map("x-match", "all", "x-k", "1"), map())).isTrue();
        assertThat(routes(map("x-match", "any", "x-k", "1"), map("x-k", "1"))).isFalse();
        assertThat(routes(map("x-match", "all-with-x", "x-k", "1"), map("x-k", "1")))
                .isTrue();
        assertThat(routes(map("x-match", "all-with-x", "x-k", "1"), map())).isFalse();
        assertThat(routes(map("x-match", "any-with-x", "x-k", "1", "a", "2"), map("x-k", "1")))
                .isTrue();
        assertThat(routes(map("x-match", "any-with-x", "a", "2"), map("x-match", "any-with-x")))
                .isFalse();
    }

    @Test
    void withNothingToLookForAllMatchesAndAnyDoesNot() {
        assertThat(routes(map(), map())).isTrue();
        assertThat(routes(map("x-match", "all"), map("a", 1))).isTrue();
        assertThat(routes(map("x-match", "any"), map("a", 1))).isFalse();
    }

    @Test
    void aVoidBindingValueAsksForPresenceOnly() {
        assertThat(routes(map("v", null), map("v", "anything"))).isTrue();
        assertThat(routes(map("v", null), map("v", null))).isTrue();
        assertThat(routes(map("v", null), map())).isFalse();
        assertThat(routes(map("v", "x"), map("v", null))).isFalse();
    }

    @Test
    void numbersOfEveryTypeCompareByValue() {
        assertThat(routes(map("n", 7), map("n", 7L))).isTrue();
        assertThat(routes(map("n", 7L), map("n", (byte) 7))).isTrue();
        assertThat(routes(map("n", 7), map("n", (short) 7))).isTrue();
        assertThat(routes(map("n", 7), map("n", 7.0d))).isTrue();
        assertThat(routes(map("n", 7), map("n", 7.0f))).isTrue();
        assertThat(routes(map("n", 1.5d), map("n", 1.5f))).isTrue();
        assertThat(routes(map("n", 0.1d), map("n", 0.1f))).isFalse();
        assertThat(routes(map("n", 0.0d), map("n", -0.0d))).isTrue();
        assertThat(routes(map("n", -1), map("n", 4294967295L))).isFalse();
        assertThat(routes(map("n", 7), map("n", 8L))).isFalse();
        assertThat(routes(map("n", Long.MAX_VALUE), map("n", (double) Long.MAX_VALUE)))
                .isFalse();
    }

    @Test
    void timestampsAreWholeSecondsAndMatchIntegers() {
        assertThat(routes(map("t", new Date(7000)), map("t", 7L))).isTrue();
        assertThat(routes(map("t", new Date(7000)), map("t", Instant.ofEpochSecond(7))))
                .isTrue();
        assertThat(routes(map("t", new Date(7000)), map("t", 8))).isFalse();
    }

    @Test
    void decimalsMatchOnlyDecimalsOfTheSameScale() {
        assertThat(routes(map("n", new BigDecimal("7.0")), map("n", new BigDecimal("7.0"))))
                .isTrue();
        assertThat(routes(map("n", new BigDecimal("7.0")), map("n", new BigDecimal("7.00"))))
                .isFalse();
        assertThat(routes(map("n", 7), map("n", new BigDecimal("7")))).isFalse();
    }

    @Test
    void stringsMatchByTextAndBytesButNotOtherTypes() {
        assertThat(routes(map("s", "abc"), map("s", "abc".getBytes(StandardCharsets.UTF_8))))
                .isTrue();
        assertThat(routes(map("s", "abc"), map("s", new StringBuilder("abc")))).isTrue();
        assertThat(routes(map("s", "abc"), map("s", "abd"))).isFalse();
        assertThat(routes(map("n", "7"), map("n", 7))).isFalse();
        assertThat(routes(map("b", true), map("b", 1))).isFalse();
        assertThat(routes(map("b", true), map("b", "true"))).isFalse();
        assertThat(routes(map("b", true), map("b", true))).isTrue();
    }

    @Test
    void arraysAndTablesNeedTheSameTypesInside() {
        assertThat(routes(map("l", List.of(1, 2)), map("l", List.of(1, 2)))).isTrue();
        assertThat(routes(map("l", List.of(1, 2)), map("l", List.of(1L, 2L)))).isFalse();
        assertThat(routes(map("l", List.of(1, 2)), map("l", List.of(2, 1)))).isFalse();
        assertThat(routes(map("l", map("a", 1)), map("l", map("a", 1)))).isTrue();
        assertThat(routes(map("l", map("a", 1)), map("l", map("a", 1L)))).isFalse();
        assertThat(routes(map("l", map("a", 1)), map("l", new HashMap<>(map("a", 1)))))
                .isTrue();
    }

    @Test
    void aDestinationMatchingTwiceIsRoutedOnce() {
        Exchange x = Exchange.create(ExchangeType.HEADERS, "h", false, false, false, null);
        FakeQueue other = new FakeQueue("other");
        x.bind(q, "", map("a", 1));
        x.bind(q, "", map("b", 2));
        x.bind(other, "", map("x-match", "any", "a", 1, "c", 3));
        assertThat(route(x, Message.headers(map("a", 1, "b", 2)))).containsExactly(q, other);
        x.unbind(q, "", map("a", 1));
        assertThat(route(x, Message.headers(map("a", 1)))).containsExactly(other);
        x.unbindAll(q);
        assertThat(route(x, Message.headers(map("b", 2)))).isEmpty();
    }

    @Test
    void invalidXMatchIsRefusedWithRabbitMqsText() {
        assertThat(HeadersExchange.invalidBinding(null)).isNull();
        assertThat(HeadersExchange.invalidBinding(map("a", 1))).isNull();
        assertThat(HeadersExchange.invalidBinding(map("x-match", "any-with-x"))).isNull();
        assertThat(HeadersExchange.invalidBinding(map("x-match", "some")))
                .isEqualTo("Invalid x-match field value <<\"some\">>; expected all, any, all-with-x, or any-with-x");
        assertThat(HeadersExchange.invalidBinding(map("x-match", 1)))
                .isEqualTo("Invalid x-match field type signedint (value 1); expected longstr");
    }
}
