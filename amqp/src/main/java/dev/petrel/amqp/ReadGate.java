package dev.petrel.amqp;

import dev.petrel.amqp.broker.FlowControlled;
import dev.petrel.amqp.broker.MessageQueue;
import dev.petrel.amqp.protocol.ConnectionBlocked;
import dev.petrel.amqp.protocol.ConnectionUnblocked;
import dev.petrel.amqp.protocol.Method;
import dev.petrel.reactor.DelayedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a connection is read. Reading stops while the memory alarm blocks the connection (from its next publish
 * under the alarm, as RabbitMQ does, with {@code connection.blocked} for clients that understand it) and while
 * queues it publishes into lag behind their consumers; each such flow pause lasts {@link #FLOW_PAUSE_LIMIT} at most.
 */
final class ReadGate implements FlowControlled {
    /** The longest a lagging queue's consumers may hold a publisher's reading paused at one time. */
    static final Duration FLOW_PAUSE_LIMIT = Duration.ofMillis(100);

    private final AmqpConnection connection;
    /** Queues that currently hold this publisher back. */
    private final List<MessageQueue> throttledBy = new ArrayList<>(2);

    private DelayedCall flowTimer;
    private boolean supportsBlocked;
    private boolean blocked;

    ReadGate(AmqpConnection connection) {
        this.connection = connection;
    }

    /** The client announced the {@code connection.blocked} capability. */
    void supportsBlocked(boolean on) {
        supportsBlocked = on;
    }

    boolean paused() {
        return blocked || !throttledBy.isEmpty();
    }

    /** The connection published a message while the alarm is {@code alarm}. */
    void published(boolean alarm) {
        if (alarm && !blocked) {
            blocked = true;
            tell(new ConnectionBlocked("low on memory"));
            update();
        }
    }

    /** The memory alarm changed; when it clears, a blocked connection is read again. */
    void memoryAlarm(boolean on) {
        if (!on && blocked) {
            blocked = false;
            tell(new ConnectionUnblocked());
            update();
        }
    }

    private void tell(Method m) {
        if (supportsBlocked) {
            connection.send(0, m);
            connection.flush();
        }
    }

    @Override
    public void flowPaused(MessageQueue queue) {
        throttledBy.add(queue);
        update();
        if (flowTimer == null) {
            flowTimer = connection.scheduler().callLater(FLOW_PAUSE_LIMIT, this::flowTimeout);
        }
    }

    @Override
    public void flowResumed(MessageQueue queue) {
        throttledBy.remove(queue);
        if (throttledBy.isEmpty() && flowTimer != null) {
            flowTimer.cancel();
            flowTimer = null;
        }
        update();
    }

    /**
     * A pause is bounded: reading resumes after {@link #FLOW_PAUSE_LIMIT} even if the queues are still behind, so
     * the acknowledgements this connection may owe other queues are read (two connections each publishing into a
     * queue the other consumes could otherwise wait on each other for ever). Publishing into a queue still behind
     * pauses it again.
     */
    private void flowTimeout() {
        flowTimer = null;
        for (MessageQueue q : List.copyOf(throttledBy)) {
            q.forget(this);
        }
        throttledBy.clear();
        update();
    }

    @Override
    public boolean consumes(MessageQueue queue) {
        return connection.consumes(queue);
    }

    private void update() {
        connection.readingPaused(paused());
    }

    /** The connection is gone. */
    void close() {
        if (flowTimer != null) {
            flowTimer.cancel();
            flowTimer = null;
        }
    }
}
