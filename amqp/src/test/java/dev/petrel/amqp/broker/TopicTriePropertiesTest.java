package dev.petrel.amqp.broker;

import static dev.petrel.amqp.broker.RoutingFixtures.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.amqp.broker.RoutingFixtures.FakeQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The topic trie against a plain backtracking matcher over words, on keys from a small alphabet. */
class TopicTriePropertiesTest {

    @Property(tries = 500)
    void routesAsTheReferenceMatcher(
            @ForAll @Size(min = 1, max = 8) List<@From("keys") String> bindingKeys,
            @ForAll @Size(min = 1, max = 8) List<@From("keys") String> routingKeys) {
        TopicExchange x = (TopicExchange) Exchange.create(ExchangeType.TOPIC, "t", false, false, false, null);
        List<FakeQueue> queues = new ArrayList<>();
        for (int i = 0; i < bindingKeys.size(); i++) {
            queues.add(new FakeQueue("q" + i));
            x.bind(queues.get(i), bindingKeys.get(i), Map.of());
        }
        for (String rk : routingKeys) {
            List<Destination> expected = new ArrayList<>();
            for (int i = 0; i < bindingKeys.size(); i++) {
                if (referenceMatch(bindingKeys.get(i), rk)) {
                    expected.add(queues.get(i));
                }
            }
            assertThat(route(x, rk)).as("%s vs %s", bindingKeys, rk).containsExactlyInAnyOrderElementsOf(expected);
        }
        for (int i = 0; i < bindingKeys.size(); i += 2) {
            x.unbind(queues.get(i), bindingKeys.get(i), Map.of());
        }
        for (String rk : routingKeys) {
            List<Destination> expected = new ArrayList<>();
            for (int i = 1; i < bindingKeys.size(); i += 2) {
                if (referenceMatch(bindingKeys.get(i), rk)) {
                    expected.add(queues.get(i));
                }
            }
            assertThat(route(x, rk)).containsExactlyInAnyOrderElementsOf(expected);
        }
        queues.forEach(x::unbindAll);
        assertThat(x.trieNodeCount()).isZero();
    }

    /** Binding and routing keys alike: a routing key's "*" and "#" are plain words. */
    @Provide
    Arbitrary<String> keys() {
        Arbitrary<String> nonEmpty = Arbitraries.of("a", "b", "", "*", "#")
                .list()
                .ofMinSize(1)
                .ofMaxSize(6)
                .map(w -> String.join(".", w));
        return Arbitraries.oneOf(nonEmpty, Arbitraries.just(""));
    }

    /** RabbitMQ's splitting: "" has no words, else every '.' separates two (possibly empty) words. */
    private static String[] words(String key) {
        return key.isEmpty() ? new String[0] : key.split("\\.", -1);
    }

    static boolean referenceMatch(String bindingKey, String routingKey) {
        return match(words(bindingKey), 0, words(routingKey), 0);
    }

    private static boolean match(String[] p, int i, String[] w, int j) {
        if (i == p.length) {
            return j == w.length;
        } else if (p[i].equals("#")) {
            return match(p, i + 1, w, j) || (j < w.length && match(p, i, w, j + 1));
        }
        return j < w.length && (p[i].equals("*") || p[i].equals(w[j])) && match(p, i + 1, w, j + 1);
    }
}
