package dev.petrel.amqp.store;

import dev.petrel.amqp.broker.Message;
import java.util.function.Consumer;

/**
 * A queue's ready messages, in delivery order. Messages carry their queue position ({@code seq}); a requeued message
 * goes back to its place. Routing and consumers never see how messages are kept: today in memory, next in segment
 * files.
 */
public interface MessageStore {
    /** Appends a message (its position is after every other). */
    void add(Message m);

    /** Puts a message that was delivered back to its place among the ready ones. */
    void requeue(Message m);

    /** The next message to deliver, or null. */
    Message peek();

    /** Removes and returns the next message to deliver, or null. */
    Message poll();

    /** Ready messages. */
    int size();

    /** Bytes of ready message bodies. */
    long bodyBytes();

    /** Removes every ready message, handing each to {@code removed}; returns how many. */
    default int clear(Consumer<Message> removed) {
        int n = size();
        for (Message m; (m = poll()) != null; ) {
            removed.accept(m);
        }
        return n;
    }

    /** A store in memory; with {@code maxPriority > 0}, higher priorities are delivered first. */
    static MessageStore inMemory(int maxPriority) {
        return maxPriority > 0 ? new PriorityStore(maxPriority) : new MemoryStore();
    }
}
