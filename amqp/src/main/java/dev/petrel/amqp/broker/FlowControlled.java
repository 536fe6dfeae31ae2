package dev.petrel.amqp.broker;

/**
 * A publisher that a queue can slow down: while a queue with consumers has a backlog past the flow threshold, the
 * connections publishing into it stop being read (RabbitMQ's credit flow has the same effect), until the consumers
 * have taken it down to half, or for a bounded time (a paused connection may owe acknowledgements elsewhere).
 */
public interface FlowControlled {
    /** Stop reading: {@code queue} is behind. */
    void flowPaused(MessageQueue queue);

    /** {@code queue} caught up (or went away). */
    void flowResumed(MessageQueue queue);

    /** Whether this publisher also consumes from {@code queue} (then pausing it could stall the queue itself). */
    boolean consumes(MessageQueue queue);
}
