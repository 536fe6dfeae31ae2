package dev.petrel.amqp.broker;

import java.util.Map;

/** What an exchange looks at to route a message. */
public interface Routable {
    String routingKey();

    /** The message's {@code headers} property; empty (never null) when it has none. */
    Map<String, Object> headers();
}
