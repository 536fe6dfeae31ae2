package dev.petrel.amqp.broker;

import dev.petrel.amqp.protocol.Amqp;
import dev.petrel.amqp.protocol.AmqpException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A virtual host: its exchanges (the default one and the predeclared {@code amq.*} ones included), its queues, and
 * routing through both, following exchange-to-exchange bindings and alternate exchanges.
 */
public final class VirtualHost {
    private final Broker broker;
    private final String name;
    private final Map<String, Exchange> exchanges = new HashMap<>();
    private final Map<String, MessageQueue> queues = new HashMap<>();
    private final DeadLetters deadLetters = new DeadLetters(this);
    private final List<Exchange> toVisit = new ArrayList<>();
    private final List<Destination> found = new ArrayList<>();
    private int routePass;

    VirtualHost(Broker broker, String name) {
        this.broker = broker;
        this.name = name;
        exchanges.put("", new DefaultExchange(queues::get));
        predeclare("amq.direct", ExchangeType.DIRECT, false);
        predeclare("amq.fanout", ExchangeType.FANOUT, false);
        predeclare("amq.topic", ExchangeType.TOPIC, false);
        predeclare("amq.headers", ExchangeType.HEADERS, false);
        predeclare("amq.match", ExchangeType.HEADERS, false);
        predeclare("amq.rabbitmq.trace", ExchangeType.TOPIC, true);
    }

    private void predeclare(String exchange, ExchangeType type, boolean internal) {
        exchanges.put(exchange, Exchange.create(type, exchange, true, false, internal, Map.of()));
    }

    public String name() {
        return name;
    }

    public Broker broker() {
        return broker;
    }

    /** The exchange of that name ({@code ""} is the default exchange), or null. */
    public Exchange exchange(String exchange) {
        return exchanges.get(exchange);
    }

    public MessageQueue queue(String queue) {
        return queues.get(queue);
    }

    public Iterable<MessageQueue> queues() {
        return queues.values();
    }

    /** Declares (or finds, checking equivalence) an exchange. */
    public Exchange declareExchange(
            String exchange,
            ExchangeType type,
            boolean durable,
            boolean autoDelete,
            boolean internal,
            Map<String, Object> arguments) {
        Exchange x = exchanges.get(exchange);
        if (x != null) {
            String why = x.inequivalence(type, durable, autoDelete, internal, arguments, name);
            if (why != null) {
                throw new AmqpException(Amqp.PRECONDITION_FAILED, "PRECONDITION_FAILED - " + why);
            }
            return x;
        }
        x = Exchange.create(type, exchange, durable, autoDelete, internal, arguments);
        exchanges.put(exchange, x);
        return x;
    }

    public void deleteExchange(Exchange x) {
        if (exchanges.remove(x.name()) == null) {
            return;
        }
        for (Exchange source : List.copyOf(exchanges.values())) {
            if (source.unbindAll(x) > 0) {
                autoDeleteIfUnused(source);
            }
        }
    }

    /** Declares a new queue (the caller has checked that none of that name exists). */
    public MessageQueue createQueue(
            String queue, boolean durable, boolean autoDelete, Object owner, Map<String, Object> arguments) {
        QueueArguments args = QueueArguments.parse(arguments, queue, name);
        MessageQueue q = new MessageQueue(this, queue, durable, autoDelete, owner, arguments, args);
        queues.put(queue, q);
        q.touch();
        return q;
    }

    /** Removes a queue, its bindings and its consumers; returns how many ready messages it had. */
    public int deleteQueue(MessageQueue q) {
        if (queues.get(q.name()) != q) {
            return 0;
        }
        queues.remove(q.name());
        int count = q.messageCount();
        for (Exchange source : List.copyOf(exchanges.values())) {
            if (source.unbindAll(q) > 0) {
                autoDeleteIfUnused(source);
            }
        }
        q.deleted();
        return count;
    }

    public boolean bind(Exchange source, Destination destination, String key, Map<String, Object> arguments) {
        return source.bind(destination, key, arguments);
    }

    public boolean unbind(Exchange source, Destination destination, String key, Map<String, Object> arguments) {
        boolean removed = source.unbind(destination, key, arguments);
        if (removed) {
            autoDeleteIfUnused(source);
        }
        return removed;
    }

    private void autoDeleteIfUnused(Exchange x) {
        if (x.autoDelete() && !x.hasBindings()) {
            deleteExchange(x);
        }
    }

    /**
     * Appends to {@code out} every queue {@code message} reaches from {@code x}, each once, following
     * exchange-to-exchange bindings (each exchange visited once) and alternate exchanges where nothing matched.
     */
    public void route(Exchange x, Routable message, List<MessageQueue> out) {
        int pass = ++routePass;
        toVisit.clear();
        toVisit.add(x);
        for (int i = 0; i < toVisit.size(); i++) {
            Exchange e = toVisit.get(i);
            found.clear();
            e.route(message, found);
            if (found.isEmpty()) {
                String ae = e.alternateExchange();
                Exchange alternate = ae == null ? null : exchanges.get(ae);
                if (alternate != null && !toVisit.contains(alternate)) {
                    toVisit.add(alternate);
                }
                continue;
            }
            for (int j = 0; j < found.size(); j++) {
                Destination d = found.get(j);
                if (d instanceof MessageQueue q) {
                    if (q.routeMark != pass) {
                        q.routeMark = pass;
                        out.add(q);
                    }
                } else if (d instanceof Exchange next && !toVisit.contains(next)) {
                    toVisit.add(next);
                }
            }
        }
        found.clear();
    }

    /** Sends a message a queue gave up ({@code reason}: rejected, expired, maxlen) to the queue's dead-letter exchange. */
    void deadLetter(MessageQueue from, Message m, String reason) {
        deadLetters.deadLetter(from, m, reason);
    }

    /** Everything is going: exclusive queues of closed connections are gone already; drop the rest's consumers. */
    void close() {
        for (MessageQueue q : List.copyOf(queues.values())) {
            q.deleted();
        }
        queues.clear();
    }
}
