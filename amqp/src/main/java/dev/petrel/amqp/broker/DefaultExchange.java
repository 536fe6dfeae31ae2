package dev.petrel.amqp.broker;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The nameless default exchange, of type direct: every queue is implicitly bound to it with its own name, so a
 * message goes to the queue its routing key names, if there is one. It has no bindings of its own: binding to it
 * or unbinding from it is refused before reaching here (RabbitMQ answers 403 ACCESS_REFUSED).
 */
public final class DefaultExchange extends Exchange {
    private final Function<String, ? extends Destination> queueByName;

    /** @param queueByName the vhost's queue of that name, or null */
    public DefaultExchange(Function<String, ? extends Destination> queueByName) {
        super("", true, false, false, Map.of());
        this.queueByName = queueByName;
    }

    @Override
    public ExchangeType type() {
        return ExchangeType.DIRECT;
    }

    /** Not allowed on the default exchange: throws {@link UnsupportedOperationException}. */
    @Override
    public boolean bind(Destination d, String routingKey, Map<String, Object> arguments) {
        throw new UnsupportedOperationException("the default exchange has implicit bindings only");
    }

    /** Not allowed on the default exchange: throws {@link UnsupportedOperationException}. */
    @Override
    public boolean unbind(Destination d, String routingKey, Map<String, Object> arguments) {
        throw new UnsupportedOperationException("the default exchange has implicit bindings only");
    }

    /** Nothing to drop: a deleted queue's implicit binding goes with it. */
    @Override
    public int unbindAll(Destination d) {
        return 0;
    }

    @Override
    public boolean hasBindings() {
        return false;
    }

    @Override
    public List<Binding> bindings() {
        return List.of();
    }

    @Override
    void added(Target t, Binding b) {
        throw new IllegalStateException("unreachable: bind is refused");
    }

    @Override
    void removed(Target t, Binding b) {
        throw new IllegalStateException("unreachable: unbind is refused");
    }

    @Override
    public void route(Routable message, List<Destination> out) {
        Destination q = queueByName.apply(message.routingKey());
        if (q != null) {
            out.add(q);
        }
    }
}
