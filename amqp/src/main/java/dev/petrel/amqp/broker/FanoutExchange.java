package dev.petrel.amqp.broker;

import java.util.List;
import java.util.Map;

/** Routes every message to every bound destination, whatever its routing key. */
public final class FanoutExchange extends Exchange {
    private final TargetList all = new TargetList();

    FanoutExchange(String name, boolean durable, boolean autoDelete, boolean internal, Map<String, Object> args) {
        super(name, durable, autoDelete, internal, args);
    }

    @Override
    public ExchangeType type() {
        return ExchangeType.FANOUT;
    }

    @Override
    void added(Target t, Binding b) {
        all.add(t);
    }

    @Override
    void removed(Target t, Binding b) {
        all.remove(t);
    }

    @Override
    public void route(Routable message, List<Destination> out) {
        all.emitAll(nextRouteStamp(), out);
    }
}
