package dev.petrel.amqp.broker;

import static dev.petrel.amqp.broker.RoutingFixtures.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.amqp.broker.RoutingFixtures.FakeQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicExchangeTest {
    private final TopicExchange x = (TopicExchange) Exchange.create(ExchangeType.TOPIC, "t", false, false, false, null);

    @Test
    void routesTheTopicsTutorialExamples() {
        FakeQueue q1 = new FakeQueue("Q1");
        FakeQueue q2 = new FakeQueue("Q2");
        x.bind(q1, "*.orange.*", Map.of());
        x.bind(q2, "*.*.rabbit", Map.of());
        x.bind(q2, "lazy.#", Map.of());

        assertThat(route(x, "quick.orange.rabbit")).containsExactlyInAnyOrder(q1, q2);
        assertThat(route(x, "lazy.orange.elephant")).containsExactlyInAnyOrder(q1, q2);
        assertThat(route(x, "quick.orange.fox")).containsExactly(q1);
        assertThat(route(x, "lazy.brown.fox")).containsExactly(q2);
        assertThat(route(x, "lazy.pink.rabbit")).containsExactly(q2); // two bindings match, delivered once
        assertThat(route(x, "quick.brown.fox")).isEmpty();
        assertThat(route(x, "lazy")).containsExactly(q2);
        assertThat(route(x, "orange")).isEmpty();
        assertThat(route(x, "quick.orange.male.rabbit")).isEmpty();
        assertThat(route(x, "lazy.orange.male.rabbit")).containsExactly(q2);
    }

    /** Cases checked against RabbitMQ 3.10.8, including how it splits keys into (possibly empty) words. */
    @ParameterizedTest(name = "''{0}'' vs ''{1}'' -> {2}")
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            #      |            | true
            #      | a.b.c      | true
            #.#    |            | true
            #.#    | a.b.c      | true
            *      |            | false
            *      | .          | false
            *.*    | .          | true
            *      | .a         | false
            *.#    |            | false
            ''     | ''         | true
            ''     | a          | false
            a.*    | a.         | true
            a.*    | a          | false
            #.a    | a          | true
            a.#    | a          | true
            a.#.b  | a.b        | true
            a.#.b  | a.x.y.b    | true
            a.#.b  | a.x.y.c    | false
            a..b   | a..b       | true
            a.*.b  | a..b       | true
            #.     | a          | false
            #.     | a.         | true
            .#     |            | false
            .#     | .          | true
            a#     | ab         | false
            a.*    | a.#        | true
            """)
    void matchesLikeRabbitMq(String bindingKey, String routingKey, boolean matches) {
        FakeQueue q = new FakeQueue("q");
        x.bind(q, bindingKey == null ? "" : bindingKey, Map.of()); // a blank CSV column is null
        assertThat(route(x, routingKey == null ? "" : routingKey)).hasSize(matches ? 1 : 0);
    }

    @Test
    void manyHashesDoNotBlowUp() {
        FakeQueue q = new FakeQueue("q");
        String pattern = "#.".repeat(60) + "z";
        x.bind(q, pattern, Map.of());
        String miss = "a.".repeat(120) + "y";
        assertThat(route(x, miss)).isEmpty(); // exponential backtracking would not finish
        assertThat(route(x, "a.".repeat(120) + "z")).containsExactly(q);
    }

    @Test
    void oneDestinationIsRoutedOnceWhateverItsBindings() {
        FakeQueue q = new FakeQueue("q");
        FakeQueue other = new FakeQueue("q"); // same name, another queue
        x.bind(q, "a.*", Map.of());
        x.bind(q, "#", Map.of());
        x.bind(q, "a.b", Map.of());
        x.bind(other, "a.b", Map.of());
        assertThat(route(x, "a.b")).containsExactlyInAnyOrder(q, other);
    }

    @Test
    void unbindingEverythingLeavesAnEmptyTrie() {
        FakeQueue q1 = new FakeQueue("q1");
        FakeQueue q2 = new FakeQueue("q2");
        List<String> keys = List.of("a.b.c", "a.*.c", "a.#", "#", "#.#", "", "a..b", "*.*", "a.b.#.c");
        for (String k : keys) {
            x.bind(q1, k, Map.of());
            x.bind(q2, k, Map.of("x-tag", 1));
        }
        assertThat(x.trieNodeCount()).isPositive();
        for (String k : keys) {
            assertThat(x.unbind(q1, k, Map.of())).isTrue();
        }
        assertThat(route(x, "a.b.c")).containsExactly(q2);
        assertThat(x.unbindAll(q2)).isEqualTo(keys.size());
        assertThat(x.trieNodeCount()).isZero();
        assertThat(x.hasBindings()).isFalse();
        assertThat(route(x, "a.b.c")).isEmpty();
    }

    @Test
    void unbindKeepsNodesOtherBindingsStillUse() {
        FakeQueue q1 = new FakeQueue("q1");
        FakeQueue q2 = new FakeQueue("q2");
        x.bind(q1, "a.b", Map.of());
        x.bind(q2, "a.b.c", Map.of());
        x.unbind(q1, "a.b", Map.of());
        assertThat(x.trieNodeCount()).isEqualTo(3);
        assertThat(route(x, "a.b.c")).containsExactly(q2);
        assertThat(route(x, "a.b")).isEmpty();
    }

    @Test
    void routingAllocatesNothing() {
        FakeQueue q = new FakeQueue("q");
        x.bind(q, "a.*.c", Map.of());
        x.bind(q, "a.#", Map.of());
        x.bind(new FakeQueue("r"), "#.c", Map.of());
        RoutingFixtures.Message m = RoutingFixtures.Message.key("a.b.c");
        List<Destination> out = new ArrayList<>(8);
        assertThat(Allocations.bytesPerCall(() -> {
                    out.clear();
                    x.route(m, out);
                }))
                .isLessThan(8);
        assertThat(out).hasSize(2);
    }
}
