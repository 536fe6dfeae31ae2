package dev.petrel.amqp.broker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A binding: source exchange to destination, with its key and arguments. Two bindings are the same when all four
 * are (arguments compared by {@link Map#equals}); one destination may have several bindings to one exchange.
 *
 * @param arguments never null; an unmodifiable copy (values may be null: the AMQP void type)
 */
public record Binding(Exchange source, Destination destination, String routingKey, Map<String, Object> arguments) {
    public Binding {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(routingKey, "routingKey");
        arguments = arguments == null || arguments.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }
}
