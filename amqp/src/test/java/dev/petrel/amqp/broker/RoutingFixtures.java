package dev.petrel.amqp.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Queues and messages for exchange tests: destinations with identity, and a fixed routing key and headers. */
final class RoutingFixtures {
    private RoutingFixtures() {}

    /** A queue stand-in; two of them with one name are still two queues, as after a delete and redeclare. */
    static final class FakeQueue implements Destination {
        private final String name;

        FakeQueue(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Message(String routingKey, Map<String, Object> headers) implements Routable {
        static Message key(String routingKey) {
            return new Message(routingKey, Map.of());
        }

        static Message headers(Map<String, Object> headers) {
            return new Message("", headers);
        }
    }

    static List<Destination> route(Exchange x, Routable m) {
        List<Destination> out = new ArrayList<>();
        x.route(m, out);
        return out;
    }

    static List<Destination> route(Exchange x, String routingKey) {
        return route(x, Message.key(routingKey));
    }
}
