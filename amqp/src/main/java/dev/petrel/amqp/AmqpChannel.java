package dev.petrel.amqp;

import dev.petrel.amqp.auth.AccessControl;
import dev.petrel.amqp.auth.Permission;
import dev.petrel.amqp.broker.Consumer;
import dev.petrel.amqp.broker.Message;
import dev.petrel.amqp.broker.MessageQueue;
import dev.petrel.amqp.broker.Subscriber;
import dev.petrel.amqp.broker.VirtualHost;
import dev.petrel.amqp.protocol.AccessRequest;
import dev.petrel.amqp.protocol.AccessRequestOk;
import dev.petrel.amqp.protocol.Amqp;
import dev.petrel.amqp.protocol.AmqpException;
import dev.petrel.amqp.protocol.BasicAck;
import dev.petrel.amqp.protocol.BasicCancel;
import dev.petrel.amqp.protocol.BasicConsume;
import dev.petrel.amqp.protocol.BasicGet;
import dev.petrel.amqp.protocol.BasicNack;
import dev.petrel.amqp.protocol.BasicPublish;
import dev.petrel.amqp.protocol.BasicQos;
import dev.petrel.amqp.protocol.BasicRecover;
import dev.petrel.amqp.protocol.BasicRecoverAsync;
import dev.petrel.amqp.protocol.BasicRecoverOk;
import dev.petrel.amqp.protocol.BasicReject;
import dev.petrel.amqp.protocol.ChannelClose;
import dev.petrel.amqp.protocol.ChannelCloseOk;
import dev.petrel.amqp.protocol.ChannelFlow;
import dev.petrel.amqp.protocol.ChannelFlowOk;
import dev.petrel.amqp.protocol.ChannelOpenOk;
import dev.petrel.amqp.protocol.ConfirmSelect;
import dev.petrel.amqp.protocol.ExchangeBind;
import dev.petrel.amqp.protocol.ExchangeDeclare;
import dev.petrel.amqp.protocol.ExchangeDelete;
import dev.petrel.amqp.protocol.ExchangeUnbind;
import dev.petrel.amqp.protocol.Method;
import dev.petrel.amqp.protocol.QueueBind;
import dev.petrel.amqp.protocol.QueueDeclare;
import dev.petrel.amqp.protocol.QueueDelete;
import dev.petrel.amqp.protocol.QueuePurge;
import dev.petrel.amqp.protocol.QueueUnbind;
import dev.petrel.amqp.protocol.TxCommit;
import dev.petrel.amqp.protocol.TxRollback;
import dev.petrel.amqp.protocol.TxSelect;
import java.nio.ByteBuffer;

/**
 * One channel: its state (open, or closing after a channel error until the peer's close-ok), content assembly for
 * publishes, and the methods of the exchange, queue, basic, confirm and tx classes. Declarations live in {@link
 * Declarations}, publishing in {@link Publishing}, consuming and settling in {@link Deliveries}.
 */
final class AmqpChannel implements Subscriber {
    /** RabbitMQ's default {@code max_message_size}: 128 MiB. */
    static final long MAX_MESSAGE_SIZE = 128L * 1024 * 1024;

    final AmqpConnection connection;
    final int number;
    final Declarations declarations;
    final Publishing publishing;
    final Deliveries deliveries;
    private boolean closing;
    boolean flowActive = true;
    /** The last queue this channel declared: an empty queue name in later methods means it. */
    String lastQueue;

    AmqpChannel(AmqpConnection connection, int number) {
        this.connection = connection;
        this.number = number;
        this.declarations = new Declarations(this);
        this.publishing = new Publishing(this);
        this.deliveries = new Deliveries(this);
    }

    void opened() {
        send(new ChannelOpenOk());
    }

    VirtualHost vhost() {
        return connection.vhost();
    }

    void send(Method m) {
        connection.send(number, m);
    }

    void onMethod(Method m) {
        if (closing) {
            if (m instanceof ChannelCloseOk || m instanceof ChannelClose) {
                if (m instanceof ChannelClose) {
                    send(new ChannelCloseOk());
                }
                connection.channelClosed(number);
            }
            return; // after a channel error everything but the close handshake is dropped
        }
        try {
            if (publishing.expectingContent()) {
                throw new AmqpException(
                        Amqp.UNEXPECTED_FRAME,
                        "UNEXPECTED_FRAME - expected content header for class 60, got non content header frame"
                                + " instead",
                        m.classId(),
                        m.methodId());
            }
            handle(m);
        } catch (AmqpException e) {
            failed(e);
        }
    }

    private void handle(Method m) {
        if (m instanceof BasicPublish p) {
            publishing.publish(p);
        } else if (m instanceof BasicAck a) {
            deliveries.ack(a.deliveryTag(), a.multiple());
        } else if (m instanceof BasicNack n) {
            deliveries.reject(n.deliveryTag(), n.multiple(), n.requeue());
        } else if (m instanceof BasicReject r) {
            deliveries.reject(r.deliveryTag(), false, r.requeue());
        } else if (m instanceof BasicConsume c) {
            deliveries.consume(c);
        } else if (m instanceof BasicCancel c) {
            deliveries.cancel(c.consumerTag(), c.noWait());
        } else if (m instanceof BasicGet g) {
            deliveries.get(g);
        } else if (m instanceof BasicQos q) {
            deliveries.qos(q);
        } else if (m instanceof BasicRecover r) {
            deliveries.recover(r.requeue(), m);
            send(new BasicRecoverOk());
        } else if (m instanceof BasicRecoverAsync r) {
            deliveries.recover(r.requeue(), m);
        } else if (m instanceof QueueDeclare d) {
            declarations.queueDeclare(d);
        } else if (m instanceof QueueBind b) {
            declarations.queueBind(b);
        } else if (m instanceof QueueUnbind u) {
            declarations.queueUnbind(u);
        } else if (m instanceof QueuePurge p) {
            declarations.queuePurge(p);
        } else if (m instanceof QueueDelete d) {
            declarations.queueDelete(d);
        } else if (m instanceof ExchangeDeclare d) {
            declarations.exchangeDeclare(d);
        } else if (m instanceof ExchangeDelete d) {
            declarations.exchangeDelete(d);
        } else if (m instanceof ExchangeBind b) {
            declarations.exchangeBind(b);
        } else if (m instanceof ExchangeUnbind u) {
            declarations.exchangeUnbind(u);
        } else if (m instanceof ConfirmSelect c) {
            publishing.confirmSelect(c.noWait());
        } else if (m instanceof TxSelect) {
            publishing.txSelect();
        } else if (m instanceof TxCommit) {
            publishing.txCommit();
        } else if (m instanceof TxRollback) {
            publishing.txRollback();
        } else if (m instanceof ChannelFlow f) {
            flowActive = f.active();
            send(new ChannelFlowOk(f.active()));
            if (flowActive) {
                resumeDeliveries();
            }
        } else if (m instanceof ChannelClose) {
            released();
            send(new ChannelCloseOk());
            connection.channelClosed(number);
        } else if (m instanceof ChannelCloseOk) {
            released(); // a close-ok nobody asked for still ends the channel: nothing may be left behind
            connection.channelClosed(number);
        } else if (m instanceof AccessRequest) {
            send(new AccessRequestOk());
        } else {
            throw new AmqpException(
                    Amqp.COMMAND_INVALID,
                    "COMMAND_INVALID - unexpected method '" + m.name() + "' on channel " + number,
                    m.classId(),
                    m.methodId());
        }
    }

    void onContentHeader(int classId, long bodySize, ByteBuffer properties) {
        if (!closing) {
            try {
                publishing.contentHeader(classId, bodySize, properties);
            } catch (AmqpException e) {
                failed(e);
            }
        }
    }

    void onContentBody(ByteBuffer body) {
        if (!closing) {
            try {
                publishing.contentBody(body);
            } catch (AmqpException e) {
                failed(e);
            }
        }
    }

    /** A channel error closes this channel; a connection error goes up to the connection. */
    private void failed(AmqpException e) {
        if (e.isConnectionError()) {
            throw e;
        }
        channelError(e);
    }

    /** A channel error: release what the channel holds and close it with the error's code and text. */
    void channelError(AmqpException e) {
        released();
        closing = true;
        send(new ChannelClose(e.replyCode(), e.replyText(), e.classId(), e.methodId()));
    }

    /** The channel is gone (closed, errored, or its connection is): consumers cancelled, unacked requeued. */
    void released() {
        deliveries.release();
        publishing.release();
    }

    /** Before the connection writes its frames out: pending publisher confirms go with them. */
    void beforeFlush() {
        publishing.flushConfirms();
    }

    void resumeDeliveries() {
        deliveries.resume();
    }

    /** The queue a method names; {@code ""} is the channel's last declared queue. */
    String queueName(String name, Method m) {
        if (!name.isEmpty()) {
            return name;
        }
        if (lastQueue == null) {
            throw new AmqpException(
                    Amqp.NOT_FOUND, "NOT_FOUND - no previously declared queue", m.classId(), m.methodId());
        }
        return lastQueue;
    }

    /** The queue {@code name}, visible to this connection: 404 when missing, 405 when another's exclusive queue. */
    MessageQueue queue(String name, Method m) {
        MessageQueue q = vhost().queue(queueName(name, m));
        if (q == null) {
            throw new AmqpException(
                    Amqp.NOT_FOUND,
                    "NOT_FOUND - no queue '" + queueName(name, m) + "' in vhost '" + vhost().name() + "'",
                    m.classId(),
                    m.methodId());
        }
        checkExclusive(q, m);
        return q;
    }

    void checkExclusive(MessageQueue q, Method m) {
        if (q.owner() != null && q.owner() != connection) {
            throw locked(q, m);
        }
    }

    AmqpException locked(MessageQueue q, Method m) {
        return new AmqpException(
                Amqp.RESOURCE_LOCKED,
                "RESOURCE_LOCKED - cannot obtain exclusive access to locked " + q
                        + ". It could be originally declared on another connection or the exclusive property"
                        + " value does not match that of the original declaration.",
                m.classId(),
                m.methodId());
    }

    /** Checks a permission ({@code configure}, {@code write} or {@code read}) on a resource: 403 if refused. */
    void checkAccess(String perm, String kind, String name, Method m) {
        String resource = kind.equals("exchange") ? Permission.exchangeResource(name) : name;
        Permission p = connection.permission();
        boolean ok =
                switch (perm) {
                    case "configure" -> p.canConfigure(resource);
                    case "write" -> p.canWrite(resource);
                    default -> p.canRead(resource);
                };
        if (!ok) {
            throw new AmqpException(
                    Amqp.ACCESS_REFUSED,
                    AccessControl.accessRefused(
                            kind, resource, vhost().name(), connection.user().name()),
                    m.classId(),
                    m.methodId());
        }
    }

    // ---- Subscriber: what queues ask of this channel's consumers

    @Override
    public boolean canDeliver(Consumer c) {
        return !closing && flowActive && connection.writable() && deliveries.hasRoom(c);
    }

    @Override
    public void deliver(Consumer c, MessageQueue queue, Message m) {
        deliveries.deliver(c, queue, m);
    }

    @Override
    public void cancelledByBroker(Consumer c) {
        deliveries.cancelledByBroker(c);
    }
}
