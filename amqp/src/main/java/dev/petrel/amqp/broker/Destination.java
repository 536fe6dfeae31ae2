package dev.petrel.amqp.broker;

/** What a binding leads to: a queue, or another exchange (exchange-to-exchange bindings). */
public interface Destination {
    /** The queue's or exchange's name. */
    String name();
}
