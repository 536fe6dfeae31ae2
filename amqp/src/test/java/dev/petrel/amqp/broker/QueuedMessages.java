package dev.petrel.amqp.broker;

/**
 * Messages as a queue would hold them, for tests of the stores outside this package: a queue position ({@code seq},
 * which only a queue assigns), a priority and a body of a given size.
 */
public final class QueuedMessages {
    private QueuedMessages() {}

    public static Message at(long seq, int priority, int bodySize) {
        Message m = new Message("", "rk", new byte[bodySize], 0);
        m.seq = (int) seq;
        m.setPriority(priority);
        return m;
    }
}
