package dev.petrel.amqp;

import dev.petrel.amqp.broker.Consumer;
import dev.petrel.amqp.broker.DirectReplyTo;
import dev.petrel.amqp.broker.Message;
import dev.petrel.amqp.broker.MessageQueue;
import dev.petrel.amqp.broker.Names;
import dev.petrel.amqp.broker.Values;
import dev.petrel.amqp.protocol.Amqp;
import dev.petrel.amqp.protocol.AmqpException;
import dev.petrel.amqp.protocol.BasicCancel;
import dev.petrel.amqp.protocol.BasicCancelOk;
import dev.petrel.amqp.protocol.BasicConsume;
import dev.petrel.amqp.protocol.BasicConsumeOk;
import dev.petrel.amqp.protocol.BasicGet;
import dev.petrel.amqp.protocol.BasicGetEmpty;
import dev.petrel.amqp.protocol.BasicGetOk;
import dev.petrel.amqp.protocol.BasicQos;
import dev.petrel.amqp.protocol.BasicQosOk;
import dev.petrel.amqp.protocol.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A channel's consumers and the messages it has delivered: consume and cancel, {@code basic.get}, prefetch (per
 * consumer, and per channel with {@code global}), and settling with ack, nack, reject and recover. Direct reply-to's
 * pseudo-consumer lives here too.
 */
final class Deliveries implements DirectReplyTo.Target {
    private final AmqpChannel channel;
    private final Map<String, Consumer> consumers = new LinkedHashMap<>();
    private final Unacked unacked = new Unacked();
    private final Unacked.Visitor ackVisitor = (tag, m, q, c) -> settled(q, c);
    private final Unacked.Visitor requeueVisitor = (tag, m, q, c) -> {
        settled(q, c);
        q.requeue(m);
    };
    private final Unacked.Visitor rejectVisitor = (tag, m, q, c) -> {
        settled(q, c);
        if (!q.isDeleted()) {
            q.rejected(m);
        }
    };
    private long deliveryTag;
    private int consumerPrefetch;
    private int channelPrefetch;
    private String replyTag;
    private String replyAddress;

    Deliveries(AmqpChannel channel) {
        this.channel = channel;
    }

    private static void settled(MessageQueue q, Consumer c) {
        if (c != null) {
            c.settled();
        }
        q.requestDispatch();
    }

    boolean hasRoom(Consumer c) {
        return c.hasCredit() && (channelPrefetch == 0 || unacked.size() < channelPrefetch);
    }

    void deliver(Consumer c, MessageQueue q, Message m) {
        long tag = ++deliveryTag;
        if (!c.noAck()) {
            unacked.add(tag, m, q, c);
        }
        AmqpConnection conn = channel.connection;
        conn.out.writeDeliver(channel.number, c.tag(), tag, m.redelivered(), m.exchange(), m.routingKey());
        writeContent(m);
    }

    private void writeContent(Message m) {
        AmqpConnection conn = channel.connection;
        conn.out.writeContentHeader(channel.number, 60, m.bodySize(), m.data(), 0, m.propertiesLength());
        conn.out.writeBody(channel.number, m.data(), m.bodyOffset(), m.bodySize(), conn.frameMax());
        conn.wrote();
    }

    void consume(BasicConsume m) {
        if (DirectReplyTo.PSEUDO_QUEUE.equals(m.queue())) {
            consumeReplies(m);
            return;
        }
        MessageQueue q = channel.queue(m.queue(), m);
        channel.checkAccess("read", "queue", q.name(), m);
        String tag = m.consumerTag().isEmpty() ? Names.consumerTag() : m.consumerTag();
        if (consumers.containsKey(tag) || tag.equals(replyTag)) {
            throw new AmqpException(
                    Amqp.NOT_ALLOWED, "NOT_ALLOWED - attempt to reuse consumer tag '" + tag + "'", 60, 20);
        }
        boolean lockedOut = m.exclusive() && q.consumerCount() > 0;
        for (Consumer other : q.consumers()) {
            lockedOut |= other.exclusive();
        }
        if (lockedOut) {
            throw new AmqpException(
                    Amqp.ACCESS_REFUSED, "ACCESS_REFUSED - " + q + " in exclusive use", m.classId(), m.methodId());
        }
        int priority = priority(m.arguments(), m);
        Consumer c = new Consumer(tag, channel, q, m.noAck(), m.exclusive(), priority, consumerPrefetch, m.arguments());
        consumers.put(tag, c);
        if (!m.noWait()) {
            channel.send(new BasicConsumeOk(tag));
        }
        q.addConsumer(c);
    }

    private static int priority(Map<String, Object> args, Method m) {
        Object p = args == null ? null : args.get("x-priority");
        if (p == null) {
            return 0;
        }
        if (!(p instanceof Byte || p instanceof Short || p instanceof Integer || p instanceof Long)) {
            throw new AmqpException(
                    Amqp.PRECONDITION_FAILED,
                    "PRECONDITION_FAILED - invalid arg 'x-priority' for consumer: {unacceptable_type,"
                            + Values.typeName(p) + "}",
                    m.classId(),
                    m.methodId());
        }
        return ((Number) p).intValue();
    }

    private void consumeReplies(BasicConsume m) {
        if (!m.noAck()) {
            throw new AmqpException(
                    Amqp.PRECONDITION_FAILED,
                    "PRECONDITION_FAILED - reply consumer cannot acknowledge",
                    m.classId(),
                    m.methodId());
        }
        if (replyTag != null) {
            throw new AmqpException(
                    Amqp.PRECONDITION_FAILED,
                    "PRECONDITION_FAILED - reply consumer already set",
                    m.classId(),
                    m.methodId());
        }
        String tag = m.consumerTag().isEmpty() ? Names.consumerTag() : m.consumerTag();
        if (consumers.containsKey(tag)) {
            throw new AmqpException(
                    Amqp.NOT_ALLOWED, "NOT_ALLOWED - attempt to reuse consumer tag '" + tag + "'", 60, 20);
        }
        replyTag = tag;
        replyAddress = channel.connection.broker().replyTo().register(this);
        if (!m.noWait()) {
            channel.send(new BasicConsumeOk(replyTag));
        }
    }

    /** The reply-to address requests from this channel carry, or null if it does not consume replies. */
    String replyAddress() {
        return replyAddress;
    }

    @Override
    public void deliverReply(Message m) {
        channel.connection.out.writeDeliver(
                channel.number, replyTag, ++deliveryTag, false, m.exchange(), m.routingKey());
        writeContent(m);
    }

    void cancel(String tag, boolean noWait) {
        Consumer c = consumers.remove(tag);
        if (c != null) {
            c.queue().removeConsumer(c);
        } else if (tag.equals(replyTag)) {
            dropReplies();
        }
        if (!noWait) {
            channel.send(new BasicCancelOk(tag));
        }
    }

    private void dropReplies() {
        channel.connection.broker().replyTo().unregister(replyAddress);
        replyTag = null;
        replyAddress = null;
    }

    void cancelledByBroker(Consumer c) {
        if (consumers.remove(c.tag()) != null && channel.connection.supportsCancelNotify()) {
            channel.send(new BasicCancel(c.tag(), true));
        }
    }

    void get(BasicGet m) {
        MessageQueue q = channel.queue(m.queue(), m);
        channel.checkAccess("read", "queue", q.name(), m);
        Message msg = q.get();
        if (msg == null) {
            channel.send(new BasicGetEmpty());
            return;
        }
        long tag = ++deliveryTag;
        if (!m.noAck()) {
            unacked.add(tag, msg, q, null);
        }
        channel.send(new BasicGetOk(tag, msg.redelivered(), msg.exchange(), msg.routingKey(), q.messageCount()));
        writeContent(msg);
        if (m.noAck()) {
            q.requestDispatch();
        }
    }

    void qos(BasicQos m) {
        if (m.prefetchSize() != 0) {
            throw new AmqpException(
                    Amqp.NOT_IMPLEMENTED,
                    "NOT_IMPLEMENTED - prefetch_size!=0 (" + m.prefetchSize() + ")",
                    m.classId(),
                    m.methodId());
        }
        if (m.global()) {
            channelPrefetch = m.prefetchCount();
        } else {
            consumerPrefetch = m.prefetchCount();
        }
        channel.send(new BasicQosOk());
        resume();
    }

    void ack(long tag, boolean multiple) {
        if (channel.publishing.inTransaction()) {
            checkTag(tag, multiple);
            channel.publishing.deferSettle(() -> settle(tag, multiple, ackVisitor));
            return;
        }
        settle(tag, multiple, ackVisitor);
    }

    void reject(long tag, boolean multiple, boolean requeue) {
        Unacked.Visitor v = requeue ? requeueVisitor : rejectVisitor;
        if (channel.publishing.inTransaction()) {
            checkTag(tag, multiple);
            channel.publishing.deferSettle(() -> settle(tag, multiple, v));
            return;
        }
        settle(tag, multiple, v);
    }

    private void checkTag(long tag, boolean multiple) {
        if (!(multiple && tag == 0) && !unacked.contains(tag) && !(multiple && unacked.size() > 0)) {
            throw unknownTag(tag);
        }
    }

    private void settle(long tag, boolean multiple, Unacked.Visitor v) {
        if (multiple) {
            int n = tag == 0 ? unacked.removeAll(v) : unacked.removeUpTo(tag, v);
            if (n == 0 && tag != 0) {
                throw unknownTag(tag);
            }
        } else if (!unacked.remove(tag, v)) {
            throw unknownTag(tag);
        }
        if (channelPrefetch != 0) {
            resume(); // room under the channel's limit is room for consumers of every queue
        }
    }

    private static AmqpException unknownTag(long tag) {
        return new AmqpException(Amqp.PRECONDITION_FAILED, "PRECONDITION_FAILED - unknown delivery tag " + tag, 60, 80);
    }

    void recover(boolean requeue, Method m) {
        if (!requeue) {
            throw new AmqpException(Amqp.NOT_IMPLEMENTED, "NOT_IMPLEMENTED - requeue=false", m.classId(), m.methodId());
        }
        unacked.removeAll(requeueVisitor);
    }

    boolean consumesFrom(MessageQueue q) {
        for (Consumer c : consumers.values()) {
            if (c.queue() == q) {
                return true;
            }
        }
        return false;
    }

    /** Room may have opened (qos raised, socket writable, flow on): queues with our consumers dispatch again. */
    void resume() {
        for (Consumer c : consumers.values()) {
            c.queue().requestDispatch();
        }
    }

    /** The channel is gone: cancel consumers first, so requeued messages go to others, then requeue. */
    void release() {
        List<Consumer> mine = new ArrayList<>(consumers.values());
        consumers.clear();
        for (Consumer c : mine) {
            c.queue().removeConsumer(c);
        }
        unacked.removeAll(requeueVisitor);
        if (replyTag != null) {
            dropReplies();
        }
    }
}
