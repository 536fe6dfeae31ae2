package dev.petrel.amqp;

import dev.petrel.amqp.broker.DirectReplyTo;
import dev.petrel.amqp.broker.Exchange;
import dev.petrel.amqp.broker.Message;
import dev.petrel.amqp.broker.MessageQueue;
import dev.petrel.amqp.protocol.Amqp;
import dev.petrel.amqp.protocol.AmqpException;
import dev.petrel.amqp.protocol.BasicAck;
import dev.petrel.amqp.protocol.BasicNack;
import dev.petrel.amqp.protocol.BasicProperties;
import dev.petrel.amqp.protocol.BasicPublish;
import dev.petrel.amqp.protocol.BasicReturn;
import dev.petrel.amqp.protocol.ConfirmSelectOk;
import dev.petrel.amqp.protocol.TxCommitOk;
import dev.petrel.amqp.protocol.TxRollbackOk;
import dev.petrel.amqp.protocol.TxSelectOk;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A channel's publishing side: assembling content frames into a message, routing it, {@code mandatory} returns,
 * publisher confirms (acks gathered into one {@code multiple} ack per batch, nacks for messages a full queue refused),
 * and transactions (publishes and settlements held until {@code tx.commit}).
 */
final class Publishing {
    private static final int FIRST_BODY_ALLOCATION = 1 << 20;
    private static final int FLAGS_NEEDING_PARSE =
            BasicProperties.FLAG_EXPIRATION | BasicProperties.FLAG_PRIORITY | BasicProperties.FLAG_REPLY_TO;

    private final AmqpChannel channel;
    private final List<MessageQueue> routed = new ArrayList<>();
    // the publish being assembled
    private BasicPublish pending;
    private Exchange pendingExchange;
    private byte[] data;
    private int filled;
    private int expectedLength;
    private int propertiesLength;
    private boolean expectHeader;
    // confirms
    private boolean confirming;
    private long publishSeq;
    private long confirmedUpTo;
    private long sentUpTo;
    // transactions
    private boolean transactional;
    private final List<Runnable> txWork = new ArrayList<>();

    Publishing(AmqpChannel channel) {
        this.channel = channel;
    }

    /** A header or body frames are due: no method may come in between. */
    boolean expectingContent() {
        return expectHeader || data != null;
    }

    boolean inTransaction() {
        return transactional;
    }

    void publish(BasicPublish p) {
        if (p.immediate()) {
            throw new AmqpException(Amqp.NOT_IMPLEMENTED, "NOT_IMPLEMENTED - immediate=true", 60, 40);
        }
        Exchange x = channel.vhost().exchange(p.exchange());
        if (x == null) {
            throw new AmqpException(
                    Amqp.NOT_FOUND,
                    "NOT_FOUND - no exchange '" + p.exchange() + "' in vhost '"
                            + channel.vhost().name() + "'",
                    60,
                    40);
        }
        if (x.internal()) {
            throw new AmqpException(
                    Amqp.ACCESS_REFUSED,
                    "ACCESS_REFUSED - cannot publish to internal exchange '" + x.name() + "' in vhost '"
                            + channel.vhost().name() + "'",
                    60,
                    40);
        }
        if (x != pendingExchange) {
            channel.checkAccess("write", "exchange", x.name(), p);
        }
        pending = p;
        pendingExchange = x;
        expectHeader = true;
    }

    void contentHeader(int classId, long bodySize, ByteBuffer properties) {
        if (!expectHeader) {
            throw new AmqpException(
                    Amqp.UNEXPECTED_FRAME, "UNEXPECTED_FRAME - expected method frame, got non method frame instead");
        }
        expectHeader = false;
        if (classId != 60) {
            throw new AmqpException(
                    Amqp.UNEXPECTED_FRAME,
                    "UNEXPECTED_FRAME - expected content header for class 60, got one for class " + classId
                            + " instead");
        }
        if (bodySize > AmqpChannel.MAX_MESSAGE_SIZE || bodySize < 0) {
            data = null;
            throw new AmqpException(
                    Amqp.PRECONDITION_FAILED,
                    "PRECONDITION_FAILED - message size " + bodySize + " is larger than configured max size "
                            + AmqpChannel.MAX_MESSAGE_SIZE,
                    60,
                    40);
        }
        propertiesLength = properties.remaining();
        if (propertiesLength > Message.MAX_PROPERTIES_LENGTH) {
            throw new AmqpException(
                    Amqp.FRAME_ERROR,
                    "FRAME_ERROR - content header properties of " + propertiesLength + " bytes are too long");
        }
        // The declared size is only a claim: up to 1 MiB is taken at once, more as body frames bring it.
        expectedLength = propertiesLength + (int) bodySize;
        data = new byte[Math.min(expectedLength, propertiesLength + FIRST_BODY_ALLOCATION)];
        properties.get(data, 0, propertiesLength);
        filled = propertiesLength;
        if (bodySize == 0) {
            complete();
        }
    }

    void contentBody(ByteBuffer body) {
        if (data == null) {
            throw new AmqpException(
                    Amqp.UNEXPECTED_FRAME, "UNEXPECTED_FRAME - expected method frame, got non method frame instead");
        }
        int n = body.remaining();
        if (n > expectedLength - filled) {
            throw new AmqpException(
                    Amqp.FRAME_ERROR, "FRAME_ERROR - content body is longer than the size its header gave");
        }
        if (n > data.length - filled) {
            data = Arrays.copyOf(data, (int) Math.min(expectedLength, Math.max(2L * data.length, filled + n)));
        }
        body.get(data, filled, n);
        filled += n;
        if (filled == expectedLength) {
            complete();
        }
    }

    private void complete() {
        BasicPublish p = pending;
        Message m = new Message(p.exchange(), p.routingKey(), data, propertiesLength);
        data = null;
        pending = null;
        Exchange x = pendingExchange;
        if ((BasicProperties.flags(m.data(), 0) & FLAGS_NEEDING_PARSE) != 0) {
            m = prepare(m);
        }
        channel.connection.publishedMessage();
        if (transactional) {
            Message held = m;
            txWork.add(() -> route(x, held, p.mandatory()));
            return;
        }
        route(x, m, p.mandatory());
    }

    /** Reads what routing needs from the properties: expiration, priority, and a direct reply-to request. */
    private Message prepare(Message m) {
        BasicProperties props = m.properties();
        if (props.expiration() != null) {
            long ttl = parseExpiration(props.expiration());
            m = m.expiringBy(Message.expiryAfter(channel.connection.broker().nowMillis(), ttl));
        }
        if (props.priority() != null) {
            m.setPriority(props.priority());
        }
        if (DirectReplyTo.PSEUDO_QUEUE.equals(props.replyTo())) {
            String address = channel.deliveries.replyAddress();
            if (address == null) {
                throw new AmqpException(
                        Amqp.PRECONDITION_FAILED, "PRECONDITION_FAILED - fast reply consumer does not exist", 60, 40);
            }
            byte[] encoded = props.withReplyTo(address).encode();
            byte[] d = new byte[encoded.length + m.bodySize()];
            System.arraycopy(encoded, 0, d, 0, encoded.length);
            System.arraycopy(m.data(), m.bodyOffset(), d, encoded.length, m.bodySize());
            Message rewritten = new Message(m.exchange(), m.routingKey(), d, encoded.length);
            rewritten.setPriority(m.priority());
            return rewritten.expiringBy(m.expiresAt());
        }
        return m;
    }

    private static long parseExpiration(String s) {
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new AmqpException(
                    Amqp.PRECONDITION_FAILED,
                    "PRECONDITION_FAILED - invalid expiration '" + s + "': no_integer",
                    60,
                    40);
        }
        if (v < 0) {
            throw new AmqpException(
                    Amqp.PRECONDITION_FAILED,
                    "PRECONDITION_FAILED - invalid expiration '" + s + "': {value_negative," + v + "}",
                    60,
                    40);
        }
        return v;
    }

    private void route(Exchange x, Message m, boolean mandatory) {
        boolean rejected = false;
        boolean delivered = false;
        if (x.name().isEmpty() && DirectReplyTo.isReplyAddress(m.routingKey())) {
            DirectReplyTo.Target t = channel.connection.broker().replyTo().find(m.routingKey());
            if (t != null) {
                t.deliverReply(m);
                delivered = true;
            }
        } else {
            routed.clear();
            channel.vhost().route(x, m, routed);
            delivered = !routed.isEmpty();
            // copies first: the first queue's TTL must not leak into the others' copies
            for (int i = routed.size() - 1; i >= 0; i--) {
                MessageQueue q = routed.get(i);
                rejected |= q.enqueue(i == 0 ? m : m.copy()) == MessageQueue.Outcome.REJECTED;
                q.checkFlow(channel.connection.gate());
            }
            routed.clear();
        }
        if (!delivered && mandatory) {
            AmqpConnection conn = channel.connection;
            channel.send(new BasicReturn(Amqp.NO_ROUTE, "NO_ROUTE", m.exchange(), m.routingKey()));
            conn.out.writeContentHeader(channel.number, 60, m.bodySize(), m.data(), 0, m.propertiesLength());
            conn.out.writeBody(channel.number, m.data(), m.bodyOffset(), m.bodySize(), conn.frameMax());
            conn.wrote();
        }
        if (confirming) {
            confirm(++publishSeq, rejected);
        }
    }

    private void confirm(long seq, boolean nack) {
        if (!nack) {
            confirmedUpTo = seq;
            channel.connection.wrote();
            return;
        }
        flushConfirms();
        channel.send(new BasicNack(seq, false, false));
        confirmedUpTo = seq;
        sentUpTo = seq;
    }

    /** Sends the acks gathered since the last flush as one ack (with {@code multiple} when it covers several). */
    void flushConfirms() {
        if (confirmedUpTo > sentUpTo) {
            channel.send(new BasicAck(confirmedUpTo, confirmedUpTo - sentUpTo > 1));
            sentUpTo = confirmedUpTo;
        }
    }

    void confirmSelect(boolean noWait) {
        if (transactional) {
            throw new AmqpException(
                    Amqp.PRECONDITION_FAILED, "PRECONDITION_FAILED - cannot switch from tx to confirm mode", 85, 10);
        }
        confirming = true;
        if (!noWait) {
            channel.send(new ConfirmSelectOk());
        }
    }

    void txSelect() {
        if (confirming) {
            throw new AmqpException(
                    Amqp.PRECONDITION_FAILED, "PRECONDITION_FAILED - cannot switch from confirm to tx mode", 90, 10);
        }
        transactional = true;
        channel.send(new TxSelectOk());
    }

    void txCommit() {
        requireTransaction(20);
        List<Runnable> work = List.copyOf(txWork);
        txWork.clear();
        for (Runnable r : work) {
            r.run();
        }
        channel.send(new TxCommitOk());
    }

    void txRollback() {
        requireTransaction(30);
        txWork.clear();
        channel.send(new TxRollbackOk());
    }

    /** Holds a settlement (ack, nack, reject) until commit; a rollback forgets it and the message stays unacked. */
    void deferSettle(Runnable settle) {
        txWork.add(settle);
    }

    private void requireTransaction(int methodId) {
        if (!transactional) {
            throw new AmqpException(
                    Amqp.PRECONDITION_FAILED, "PRECONDITION_FAILED - channel is not transactional", 90, methodId);
        }
    }

    void release() {
        txWork.clear();
        data = null;
        pending = null;
        expectHeader = false;
    }
}
