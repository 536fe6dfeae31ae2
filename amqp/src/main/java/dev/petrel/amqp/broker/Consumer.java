package dev.petrel.amqp.broker;

import java.util.Map;

/** One {@code basic.consume}: a tag on a channel, reading a queue. */
public final class Consumer {
    private final String tag;
    private final Subscriber subscriber;
    private final MessageQueue queue;
    private final boolean noAck;
    private final boolean exclusive;
    private final int priority;
    private final Map<String, Object> arguments;
    /** Per-consumer prefetch (0 = unlimited) and the messages this consumer holds unacknowledged. */
    int prefetch;

    int unacked;

    public Consumer(
            String tag,
            Subscriber subscriber,
            MessageQueue queue,
            boolean noAck,
            boolean exclusive,
            int priority,
            int prefetch,
            Map<String, Object> arguments) {
        this.tag = tag;
        this.subscriber = subscriber;
        this.queue = queue;
        this.noAck = noAck;
        this.exclusive = exclusive;
        this.priority = priority;
        this.prefetch = prefetch;
        this.arguments = arguments;
    }

    public String tag() {
        return tag;
    }

    public Subscriber subscriber() {
        return subscriber;
    }

    public MessageQueue queue() {
        return queue;
    }

    public boolean noAck() {
        return noAck;
    }

    public boolean exclusive() {
        return exclusive;
    }

    public int priority() {
        return priority;
    }

    public Map<String, Object> arguments() {
        return arguments;
    }

    public int prefetch() {
        return prefetch;
    }

    public int unacked() {
        return unacked;
    }

    /** Under its own prefetch limit. */
    public boolean hasCredit() {
        return prefetch == 0 || unacked < prefetch;
    }

    public void delivered() {
        if (!noAck) {
            unacked++;
        }
    }

    public void settled() {
        unacked--;
    }
}
