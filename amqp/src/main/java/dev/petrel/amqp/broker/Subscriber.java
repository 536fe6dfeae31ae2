package dev.petrel.amqp.broker;

/** The channel side of a consumer: what a queue asks before and while delivering to it. */
public interface Subscriber {
    /** Whether {@code c} may take one more message now (prefetch, flow, a writable socket). */
    boolean canDeliver(Consumer c);

    /** Sends {@code m} to {@code c}; the channel tracks it until it is settled, unless {@code c} is no-ack. */
    void deliver(Consumer c, MessageQueue queue, Message m);

    /** The broker cancelled {@code c} (its queue was deleted): tell the client. */
    void cancelledByBroker(Consumer c);
}
