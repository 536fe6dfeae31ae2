package dev.petrel.amqp.broker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Routes a message to the destinations bound with exactly its routing key: one hash lookup per message. */
public final class DirectExchange extends Exchange {
    private final Map<String, TargetList> byKey = new HashMap<>();

    DirectExchange(String name, boolean durable, boolean autoDelete, boolean internal, Map<String, Object> args) {
        super(name, durable, autoDelete, internal, args);
    }

    @Override
    public ExchangeType type() {
        return ExchangeType.DIRECT;
    }

    @Override
    void added(Target t, Binding b) {
        byKey.computeIfAbsent(b.routingKey(), k -> new TargetList()).add(t);
    }

    @Override
    void removed(Target t, Binding b) {
        TargetList list = byKey.get(b.routingKey());
        if (list != null && list.remove(t) && list.isEmpty()) {
            byKey.remove(b.routingKey());
        }
    }

    @Override
    public void route(Routable message, List<Destination> out) {
        TargetList list = byKey.get(message.routingKey());
        if (list != null) {
            list.emitAll(nextRouteStamp(), out);
        }
    }

    /** How many distinct routing keys have bindings (for tests: none are kept once unbound). */
    int keyCount() {
        return byKey.size();
    }
}
