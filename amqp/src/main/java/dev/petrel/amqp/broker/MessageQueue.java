package dev.petrel.amqp.broker;

import dev.petrel.amqp.store.MessageStore;
import dev.petrel.reactor.DelayedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A queue: its ready messages in a {@link MessageStore}, its consumers served round-robin within their prefetch
 * (highest {@code x-priority} first; only the first with {@code x-single-active-consumer}), and the limits its
 * arguments set: message TTL, length and byte limits with their overflow behaviour, dead-lettering.
 */
public final class MessageQueue implements Destination {
    /** What became of a message offered to the queue. */
    public enum Outcome {
        ENQUEUED,
        REJECTED
    }

    private final VirtualHost vhost;
    private final String name;
    private final boolean durable;
    private final boolean autoDelete;
    private final Object owner;
    private final Map<String, Object> arguments;
    private final QueueArguments args;
    private final MessageStore store;
    private final List<Consumer> consumers = new ArrayList<>();
    private int nextConsumer;
    private int nextSeq;
    private boolean everConsumed;
    private boolean deleted;
    private boolean dispatchPending;
    private DelayedCall expiryTimer;
    private long expiryTimerAt = Long.MAX_VALUE;
    private DelayedCall unusedTimer;
    private final List<FlowControlled> throttled = new ArrayList<>(0);
    /** Marks this queue as already chosen by the current routing pass (see {@link VirtualHost#route}). */
    int routeMark;

    MessageQueue(
            VirtualHost vhost,
            String name,
            boolean durable,
            boolean autoDelete,
            Object owner,
            Map<String, Object> arguments,
            QueueArguments args) {
        this.vhost = vhost;
        this.name = name;
        this.durable = durable;
        this.autoDelete = autoDelete;
        this.owner = owner;
        this.arguments = arguments;
        this.args = args;
        this.store = MessageStore.inMemory(args.maxPriority());
    }

    @Override
    public String name() {
        return name;
    }

    public VirtualHost vhost() {
        return vhost;
    }

    public boolean durable() {
        return durable;
    }

    public boolean autoDelete() {
        return autoDelete;
    }

    /** The connection an exclusive queue belongs to, or null. */
    public Object owner() {
        return owner;
    }

    public boolean exclusive() {
        return owner != null;
    }

    public Map<String, Object> arguments() {
        return arguments;
    }

    QueueArguments args() {
        return args;
    }

    public int messageCount() {
        return store.size();
    }

    public int consumerCount() {
        return consumers.size();
    }

    public List<Consumer> consumers() {
        return consumers;
    }

    public boolean isDeleted() {
        return deleted;
    }

    /** Offers a routed message (already this queue's own copy): applies TTL, limits and overflow, then stores it. */
    public Outcome enqueue(Message m) {
        long now = 0;
        if (args.messageTtl() >= 0) {
            now = vhost.broker().nowMillis();
            m = m.expiringBy(Message.expiryAfter(now, args.messageTtl()));
        } else if (m.expiresAt() != Long.MAX_VALUE) {
            now = vhost.broker().nowMillis();
        }
        if (args.hasLimit() && args.overflowRejects() && full(m.bodySize())) {
            if (args.overflow() == QueueArguments.Overflow.REJECT_PUBLISH_DLX) {
                vhost.deadLetter(this, m, "maxlen");
            }
            return Outcome.REJECTED;
        }
        m.seq = nextSeq++;
        if (m.expiresAt() != Long.MAX_VALUE && m.expiresAt() <= now) {
            // Already due (TTL 0): only a consumer ready this instant may have it.
            Consumer c = store.size() == 0 ? nextConsumer() : null;
            if (c != null) {
                c.delivered();
                c.subscriber().deliver(c, this, m);
            } else {
                vhost.deadLetter(this, m, "expired");
            }
            return Outcome.ENQUEUED;
        }
        store.add(m);
        vhost.broker().memory().added(m.data.length);
        if (args.hasLimit() && !args.overflowRejects()) {
            dropHeadOverLimit();
        }
        if (m.expiresAt() != Long.MAX_VALUE) {
            scheduleExpiry(m.expiresAt());
        }
        requestDispatch();
        return Outcome.ENQUEUED;
    }

    private boolean full(int incomingBytes) {
        return (args.maxLength() >= 0 && store.size() >= args.maxLength())
                || (args.maxLengthBytes() >= 0 && store.bodyBytes() + incomingBytes > args.maxLengthBytes());
    }

    private void dropHeadOverLimit() {
        while ((args.maxLength() >= 0 && store.size() > args.maxLength())
                || (args.maxLengthBytes() >= 0 && store.bodyBytes() > args.maxLengthBytes())) {
            Message dropped = take();
            vhost.deadLetter(this, dropped, "maxlen");
        }
    }

    /** Removes the next message, keeping the memory account. */
    private Message take() {
        Message m = store.poll();
        if (m != null) {
            vhost.broker().memory().removed(m.data.length);
        }
        return m;
    }

    /**
     * After {@code publisher} enqueued here: if consumers are not keeping up (a backlog past the broker's flow
     * threshold), it is paused until they are.
     */
    public void checkFlow(FlowControlled publisher) {
        if (store.size() > vhost.broker().flowThreshold()
                && !consumers.isEmpty()
                && !throttled.contains(publisher)
                && !publisher.consumes(this)) {
            throttled.add(publisher);
            publisher.flowPaused(this);
        }
    }

    /** Drops a publisher whose pause ran out (it will be paused again if it publishes here while still behind). */
    public void forget(FlowControlled publisher) {
        throttled.remove(publisher);
    }

    /** Resumes paused publishers once the backlog is down to half the threshold, or nobody consumes any more. */
    private void releaseFlow() {
        if (throttled.isEmpty()) {
            return;
        }
        if (deleted || consumers.isEmpty() || store.size() <= vhost.broker().flowThreshold() / 2) {
            List<FlowControlled> resumed = List.copyOf(throttled);
            throttled.clear();
            for (FlowControlled p : resumed) {
                p.flowResumed(this);
            }
        }
    }

    /** Puts a delivered, unsettled message back in its place, marked redelivered. */
    public void requeue(Message m) {
        if (deleted) {
            return;
        }
        m.setRedelivered();
        store.requeue(m);
        vhost.broker().memory().added(m.data.length);
        if (m.expiresAt() != Long.MAX_VALUE) {
            scheduleExpiry(m.expiresAt());
        }
        requestDispatch();
    }

    /** A client rejected a delivered message without requeueing it: it is dead-lettered (or dropped). */
    public void rejected(Message m) {
        vhost.deadLetter(this, m, "rejected");
    }

    /** Asks for {@link #dispatch()} once the current batch of input is processed. */
    public void requestDispatch() {
        if (!dispatchPending && !consumers.isEmpty() && store.size() > 0) {
            dispatchPending = true;
            vhost.broker().dispatchLater(this);
        } else if (store.size() == 0) {
            releaseFlow();
        }
    }

    /** Delivers ready messages to consumers that have room, round-robin. */
    public void dispatch() {
        dispatchPending = false;
        if (deleted) {
            return;
        }
        long now = -1;
        while (store.size() > 0) {
            Consumer c = nextConsumer();
            if (c == null) {
                break;
            }
            Message m = take();
            if (m.expiresAt() != Long.MAX_VALUE) {
                if (now < 0) {
                    now = vhost.broker().nowMillis();
                }
                if (m.expiresAt() <= now) {
                    vhost.deadLetter(this, m, "expired");
                    continue;
                }
            }
            c.delivered();
            c.subscriber().deliver(c, this, m);
        }
        releaseFlow();
    }

    /** The consumer to serve next: round-robin among the highest-priority consumers that have room. */
    private Consumer nextConsumer() {
        int n = consumers.size();
        if (n == 0) {
            return null;
        }
        if (args.singleActiveConsumer()) {
            Consumer active = consumers.get(0);
            return active.subscriber().canDeliver(active) ? active : null;
        }
        Consumer best = null;
        int bestIndex = -1;
        for (int i = 0; i < n; i++) {
            int idx = (nextConsumer + i) % n;
            Consumer c = consumers.get(idx);
            if ((best == null || c.priority() > best.priority())
                    && c.subscriber().canDeliver(c)) {
                best = c;
                bestIndex = idx;
            }
        }
        if (best != null) {
            nextConsumer = (bestIndex + 1) % n;
        }
        return best;
    }

    /** {@code basic.get}: the next live message, or null. The caller tracks it unless it is auto-acked. */
    public Message get() {
        touch();
        long now = vhost.broker().nowMillis();
        for (Message m; (m = take()) != null; ) {
            if (m.expiresAt() <= now) {
                vhost.deadLetter(this, m, "expired");
                continue;
            }
            releaseFlow();
            return m;
        }
        releaseFlow();
        return null;
    }

    /** Removes every ready message; returns how many (they are not dead-lettered, as in RabbitMQ). */
    public int purge() {
        int n = store.clear(m -> vhost.broker().memory().removed(m.data.length));
        releaseFlow();
        return n;
    }

    public void addConsumer(Consumer c) {
        consumers.add(c);
        everConsumed = true;
        touch();
        requestDispatch();
    }

    /** Removes a consumer; an auto-delete queue goes with its last one. */
    public void removeConsumer(Consumer c) {
        int i = consumers.indexOf(c);
        if (i < 0) {
            return;
        }
        consumers.remove(i);
        if (nextConsumer > i) {
            nextConsumer--;
        }
        if (nextConsumer >= consumers.size()) {
            nextConsumer = 0;
        }
        touch();
        releaseFlow();
        if (autoDelete && everConsumed && consumers.isEmpty()) {
            vhost.deleteQueue(this);
            return;
        }
        requestDispatch();
    }

    /** The queue was used (a consumer, a get, a redeclare): restarts its {@code x-expires} countdown. */
    public void touch() {
        if (args.expires() <= 0 || deleted) {
            return;
        }
        if (unusedTimer != null) {
            unusedTimer.cancel();
            unusedTimer = null;
        }
        if (consumers.isEmpty()) {
            unusedTimer = vhost.broker().scheduler().callLater(Duration.ofMillis(args.expires()), () -> {
                if (!deleted && consumers.isEmpty()) {
                    vhost.deleteQueue(this);
                }
            });
        }
    }

    private void scheduleExpiry(long at) {
        if (at >= expiryTimerAt) {
            return;
        }
        if (expiryTimer != null) {
            expiryTimer.cancel();
        }
        expiryTimerAt = at;
        long delay = Math.max(0, at - vhost.broker().nowMillis());
        expiryTimer = vhost.broker().scheduler().callLater(Duration.ofMillis(delay), this::expire);
    }

    /** Drops expired messages from the head (as RabbitMQ does), then waits for the next head's expiry. */
    private void expire() {
        expiryTimer = null;
        expiryTimerAt = Long.MAX_VALUE;
        if (deleted) {
            return;
        }
        long now = vhost.broker().nowMillis();
        Message head;
        while ((head = store.peek()) != null && head.expiresAt() <= now) {
            vhost.deadLetter(this, take(), "expired");
        }
        if (head != null && head.expiresAt() != Long.MAX_VALUE) {
            scheduleExpiry(head.expiresAt());
        }
        releaseFlow();
    }

    /** Called by the vhost when the queue is deleted: consumers are cancelled, messages dropped. */
    void deleted() {
        deleted = true;
        for (Consumer c : List.copyOf(consumers)) {
            c.subscriber().cancelledByBroker(c);
        }
        consumers.clear();
        purge();
        if (expiryTimer != null) {
            expiryTimer.cancel();
        }
        if (unusedTimer != null) {
            unusedTimer.cancel();
        }
        releaseFlow();
    }

    @Override
    public String toString() {
        return "queue '" + name + "' in vhost '" + vhost.name() + "'";
    }
}
