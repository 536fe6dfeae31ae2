package dev.petrel.amqp.broker;

import dev.petrel.amqp.broker.HeadersExchange.FieldValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exchange: what publishers send to, and what decides from its bindings which queues and exchanges get a copy
 * of each message. One subclass per type, with RabbitMQ 3.10's semantics. Not thread-safe: the loop thread that
 * owns the broker owns its exchanges.
 *
 * <p>This class keeps the bindings, grouped by destination so that deleting a queue costs only its own bindings;
 * each type keeps its routing index beside them, told of every change through {@link #added} and
 * {@link #removed}. A routing call appends each destination at most once without allocating: a destination's
 * {@link Target} remembers the number of the last call that appended it.
 */
public abstract class Exchange implements Destination {
    static final String ALTERNATE_EXCHANGE = "alternate-exchange";

    private final String name;
    private final boolean durable;
    private final boolean autoDelete;
    private final boolean internal;
    private final Map<String, Object> arguments;
    private final Map<Destination, Target> targets = new LinkedHashMap<>();
    private int bindingCount;
    private long routeCount;

    protected Exchange(
            String name, boolean durable, boolean autoDelete, boolean internal, Map<String, Object> arguments) {
        this.name = name;
        this.durable = durable;
        this.autoDelete = autoDelete;
        this.internal = internal;
        this.arguments = arguments == null || arguments.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /** A new exchange of that type, with no bindings. */
    public static Exchange create(
            ExchangeType type,
            String name,
            boolean durable,
            boolean autoDelete,
            boolean internal,
            Map<String, Object> arguments) {
        return switch (type) {
            case DIRECT -> new DirectExchange(name, durable, autoDelete, internal, arguments);
            case FANOUT -> new FanoutExchange(name, durable, autoDelete, internal, arguments);
            case TOPIC -> new TopicExchange(name, durable, autoDelete, internal, arguments);
            case HEADERS -> new HeadersExchange(name, durable, autoDelete, internal, arguments);
        };
    }

    @Override
    public String name() {
        return name;
    }

    public abstract ExchangeType type();

    public boolean durable() {
        return durable;
    }

    public boolean autoDelete() {
        return autoDelete;
    }

    public boolean internal() {
        return internal;
    }

    /** The declaration's arguments; unmodifiable, never null. */
    public Map<String, Object> arguments() {
        return arguments;
    }

    /** The {@code alternate-exchange} argument's name, or null when absent or not a string. */
    public String alternateExchange() {
        Object v = arguments.get(ALTERNATE_EXCHANGE);
        return FieldValues.isText(v) ? v.toString() : null;
    }

    /**
     * Why these arguments cannot declare an exchange named {@code name}, as RabbitMQ 3.10's 406 PRECONDITION_FAILED
     * text without its prefix, or null when they can: {@code alternate-exchange} must be a string.
     */
    public static String invalidArguments(String name, Map<String, Object> arguments, String vhost) {
        if (arguments == null || !arguments.containsKey(ALTERNATE_EXCHANGE)) {
            return null;
        }
        Object v = arguments.get(ALTERNATE_EXCHANGE);
        return FieldValues.isText(v)
                ? null
                : "invalid type '" + FieldValues.typeName(v) + "' for arg '" + ALTERNATE_EXCHANGE + "' in exchange '"
                        + name + "' in vhost '" + vhost + "'";
    }

    /** Adds a binding; false if the same (destination, key, arguments) binding exists already. */
    public boolean bind(Destination d, String routingKey, Map<String, Object> arguments) {
        Binding b = new Binding(this, d, routingKey, arguments);
        Target t = targets.get(d);
        if (t == null) {
            t = new Target(d);
            targets.put(d, t);
        } else if (t.bindings.contains(b)) {
            return false;
        }
        t.bindings.add(b);
        bindingCount++;
        added(t, b);
        return true;
    }

    /** Removes it; false if there was no such binding. */
    public boolean unbind(Destination d, String routingKey, Map<String, Object> arguments) {
        Target t = targets.get(d);
        if (t == null) {
            return false;
        }
        int i = t.bindings.indexOf(new Binding(this, d, routingKey, arguments));
        if (i < 0) {
            return false;
        }
        Binding b = t.bindings.remove(i);
        bindingCount--;
        removed(t, b);
        if (t.bindings.isEmpty()) {
            targets.remove(d);
        }
        return true;
    }

    /** Drops every binding to d (d is being deleted); returns how many were removed. */
    public int unbindAll(Destination d) {
        Target t = targets.remove(d);
        if (t == null) {
            return 0;
        }
        int n = t.bindings.size();
        for (Binding b : t.bindings) {
            removed(t, b);
        }
        t.bindings.clear();
        bindingCount -= n;
        return n;
    }

    public boolean hasBindings() {
        return bindingCount > 0;
    }

    /** A snapshot of the bindings, for listing and definitions. */
    public List<Binding> bindings() {
        List<Binding> all = new ArrayList<>(bindingCount);
        for (Target t : targets.values()) {
            all.addAll(t.bindings);
        }
        return all;
    }

    /**
     * Appends the destinations the message goes to, each at most once per call even if several bindings match.
     * Exchange-to-exchange bindings are not followed: the bound exchange is appended, and the caller routes through
     * it (with cycle detection) and dedupes the queues it reaches. {@code out} is the caller's, reused across calls.
     */
    public abstract void route(Routable message, List<Destination> out);

    /**
     * Null when a redeclaration with these properties is equivalent to this exchange; else RabbitMQ 3.10's 406
     * PRECONDITION_FAILED text without its {@code "PRECONDITION_FAILED - "} prefix. Like RabbitMQ, the properties are
     * checked in the order type, durable, auto_delete, internal, and of the arguments only
     * {@code alternate-exchange} counts.
     */
    public String inequivalence(
            ExchangeType type,
            boolean durable,
            boolean autoDelete,
            boolean internal,
            Map<String, Object> arguments,
            String vhost) {
        String what = "exchange '" + name + "' in vhost '" + vhost + "'";
        if (type != type()) {
            return inequivalent("type", what, "'" + type.wireName() + "'", "'" + type().wireName() + "'");
        } else if (durable != this.durable) {
            return inequivalent("durable", what, "'" + durable + "'", "'" + this.durable + "'");
        } else if (autoDelete != this.autoDelete) {
            return inequivalent("auto_delete", what, "'" + autoDelete + "'", "'" + this.autoDelete + "'");
        } else if (internal != this.internal) {
            return inequivalent("internal", what, "'" + internal + "'", "'" + this.internal + "'");
        }
        Map<String, Object> requested = arguments == null ? Map.of() : arguments;
        boolean had = this.arguments.containsKey(ALTERNATE_EXCHANGE);
        boolean has = requested.containsKey(ALTERNATE_EXCHANGE);
        Object current = this.arguments.get(ALTERNATE_EXCHANGE);
        Object received = requested.get(ALTERNATE_EXCHANGE);
        if (had && has) {
            return FieldValues.equivalent(current, received)
                    ? null
                    : inequivalent(
                            ALTERNATE_EXCHANGE,
                            what,
                            "'" + FieldValues.display(received) + "'",
                            "'" + FieldValues.display(current) + "'");
        } else if (had || has) {
            return inequivalent(ALTERNATE_EXCHANGE, what, typedOrNone(has, received), typedOrNone(had, current));
        }
        return null;
    }

    private static String inequivalent(String field, String what, String received, String current) {
        return "inequivalent arg '" + field + "' for " + what + ": received " + received + " but current is " + current;
    }

    private static String typedOrNone(boolean present, Object v) {
        return present
                ? "the value '" + FieldValues.display(v) + "' of type '" + FieldValues.typeName(v) + "'"
                : "none";
    }

    /** Called after a binding was added; {@code t} is its destination's entry. */
    abstract void added(Target t, Binding b);

    /** Called after a binding (the stored instance {@link #added} saw) was removed. */
    abstract void removed(Target t, Binding b);

    /** A fresh number for one routing call, to pass to {@link Target#emit}. */
    final long nextRouteStamp() {
        return ++routeCount;
    }

    /** One destination of this exchange: its bindings, and the last routing call that appended it. */
    static final class Target {
        final Destination destination;
        final List<Binding> bindings = new ArrayList<>(1);
        private long stamp;

        Target(Destination destination) {
            this.destination = destination;
        }

        /** Appends the destination unless this routing call already did. */
        void emit(long routeStamp, List<Destination> out) {
            if (stamp != routeStamp) {
                stamp = routeStamp;
                out.add(destination);
            }
        }

        boolean emittedIn(long routeStamp) {
            return stamp == routeStamp;
        }
    }

    /**
     * A small multiset of targets, one entry per binding (a destination bound twice appears twice), kept in an array
     * so that routing walks it without allocating.
     */
    static final class TargetList {
        private static final Target[] NONE = new Target[0];
        private Target[] items = NONE;
        private int size;

        void add(Target t) {
            if (size == items.length) {
                items = Arrays.copyOf(items, Math.max(2, size * 2));
            }
            items[size++] = t;
        }

        /** Removes one entry of t; false if there was none. */
        boolean remove(Target t) {
            for (int i = size - 1; i >= 0; i--) {
                if (items[i] == t) {
                    System.arraycopy(items, i + 1, items, i, size - i - 1);
                    items[--size] = null;
                    return true;
                }
            }
            return false;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void emitAll(long routeStamp, List<Destination> out) {
            for (int i = 0; i < size; i++) {
                items[i].emit(routeStamp, out);
            }
        }
    }
}
