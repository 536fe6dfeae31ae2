package dev.petrel.amqp;

import dev.petrel.amqp.broker.Broker;
import dev.petrel.amqp.broker.Destination;
import dev.petrel.amqp.broker.Exchange;
import dev.petrel.amqp.broker.ExchangeType;
import dev.petrel.amqp.broker.VirtualHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Exchanges, queues and bindings declared before any client connects (from a definitions file, say), applied when the
 * door opens. Each is declared as a client's declaration would be, so an invalid one fails the start.
 */
public final class Topology {
    /** An exchange to declare. */
    public record ExchangeSpec(
            String vhost,
            String name,
            String type,
            boolean durable,
            boolean autoDelete,
            boolean internal,
            Map<String, Object> arguments) {}

    /** A queue to declare. */
    public record QueueSpec(
            String vhost, String name, boolean durable, boolean autoDelete, Map<String, Object> arguments) {}

    /** A binding; {@code destinationType} is {@code queue} or {@code exchange}. */
    public record BindingSpec(
            String vhost,
            String source,
            String destination,
            String destinationType,
            String routingKey,
            Map<String, Object> arguments) {}

    private final List<ExchangeSpec> exchanges = new ArrayList<>();
    private final List<QueueSpec> queues = new ArrayList<>();
    private final List<BindingSpec> bindings = new ArrayList<>();

    public void add(ExchangeSpec e) {
        exchanges.add(e);
    }

    public void add(QueueSpec q) {
        queues.add(q);
    }

    public void add(BindingSpec b) {
        bindings.add(b);
    }

    /** Declares everything on {@code broker}; call on the broker's loop. */
    void applyTo(Broker broker) {
        for (ExchangeSpec e : exchanges) {
            ExchangeType type = ExchangeType.fromWireName(e.type());
            if (type == null) {
                throw new IllegalArgumentException("exchange '" + e.name() + "': unknown type '" + e.type() + "'");
            }
            vhost(broker, e.vhost())
                    .declareExchange(e.name(), type, e.durable(), e.autoDelete(), e.internal(), e.arguments());
        }
        for (QueueSpec q : queues) {
            VirtualHost v = vhost(broker, q.vhost());
            if (v.queue(q.name()) == null) {
                v.createQueue(q.name(), q.durable(), q.autoDelete(), null, q.arguments());
            }
        }
        for (BindingSpec b : bindings) {
            VirtualHost v = vhost(broker, b.vhost());
            Exchange source = v.exchange(b.source());
            Destination destination =
                    b.destinationType().equals("exchange") ? v.exchange(b.destination()) : v.queue(b.destination());
            if (source == null || destination == null || b.source().isEmpty()) {
                throw new IllegalArgumentException("binding " + b + ": no such source or destination");
            }
            v.bind(source, destination, b.routingKey(), b.arguments());
        }
    }

    private static VirtualHost vhost(Broker broker, String name) {
        VirtualHost v = broker.vhost(name);
        if (v == null) {
            throw new IllegalArgumentException("no vhost '" + name + "'");
        }
        return v;
    }
}
