package dev.petrel.amqp;

import dev.petrel.amqp.broker.Exchange;
import dev.petrel.amqp.broker.ExchangeType;
import dev.petrel.amqp.broker.HeadersExchange;
import dev.petrel.amqp.broker.MessageQueue;
import dev.petrel.amqp.broker.Names;
import dev.petrel.amqp.broker.QueueArguments;
import dev.petrel.amqp.broker.Values;
import dev.petrel.amqp.broker.VirtualHost;
import dev.petrel.amqp.protocol.Amqp;
import dev.petrel.amqp.protocol.AmqpException;
import dev.petrel.amqp.protocol.ExchangeBind;
import dev.petrel.amqp.protocol.ExchangeBindOk;
import dev.petrel.amqp.protocol.ExchangeDeclare;
import dev.petrel.amqp.protocol.ExchangeDeclareOk;
import dev.petrel.amqp.protocol.ExchangeDelete;
import dev.petrel.amqp.protocol.ExchangeDeleteOk;
import dev.petrel.amqp.protocol.ExchangeUnbind;
import dev.petrel.amqp.protocol.ExchangeUnbindOk;
import dev.petrel.amqp.protocol.Method;
import dev.petrel.amqp.protocol.QueueBind;
import dev.petrel.amqp.protocol.QueueBindOk;
import dev.petrel.amqp.protocol.QueueDeclare;
import dev.petrel.amqp.protocol.QueueDeclareOk;
import dev.petrel.amqp.protocol.QueueDelete;
import dev.petrel.amqp.protocol.QueueDeleteOk;
import dev.petrel.amqp.protocol.QueuePurge;
import dev.petrel.amqp.protocol.QueuePurgeOk;
import dev.petrel.amqp.protocol.QueueUnbind;
import dev.petrel.amqp.protocol.QueueUnbindOk;
import java.util.List;
import java.util.Map;

/**
 * The exchange and queue classes on one channel: declare (passive, equivalence checks), delete (if-unused,
 * if-empty), bind and unbind, purge; with RabbitMQ's checks and reply texts (the {@code amq.} prefix is reserved, the
 * default exchange cannot be bound or deleted, permissions are checked per resource).
 */
final class Declarations {
    /** The queue arguments RabbitMQ compares when a queue is declared again. */
    private static final List<String> COMPARED_ARGUMENTS = List.of(
            "x-expires",
            "x-message-ttl",
            "x-dead-letter-exchange",
            "x-dead-letter-routing-key",
            "x-max-length",
            "x-max-length-bytes",
            "x-max-priority",
            "x-overflow",
            "x-queue-mode",
            "x-single-active-consumer",
            "x-queue-type");

    private final AmqpChannel channel;

    Declarations(AmqpChannel channel) {
        this.channel = channel;
    }

    private VirtualHost vhost() {
        return channel.vhost();
    }

    private String where() {
        return " in vhost '" + vhost().name() + "'";
    }

    private AmqpException error(int code, String text, Method m) {
        return new AmqpException(code, Amqp.replyName(code) + " - " + text, m.classId(), m.methodId());
    }

    private Exchange exchange(String name, Method m) {
        Exchange x = vhost().exchange(name);
        if (x == null) {
            throw error(Amqp.NOT_FOUND, "no exchange '" + name + "'" + where(), m);
        }
        return x;
    }

    private void refuseDefault(String name, Method m) {
        if (name.isEmpty()) {
            throw error(Amqp.ACCESS_REFUSED, "operation not permitted on the default exchange", m);
        }
    }

    void exchangeDeclare(ExchangeDeclare m) {
        String name = m.exchange();
        refuseDefault(name, m);
        if (m.passive()) {
            exchange(name, m);
            reply(m.noWait(), new ExchangeDeclareOk());
            return;
        }
        ExchangeType type = ExchangeType.fromWireName(m.type());
        if (type == null) {
            throw new AmqpException(
                    Amqp.COMMAND_INVALID,
                    "COMMAND_INVALID - invalid exchange type '" + m.type() + "'",
                    m.classId(),
                    m.methodId());
        }
        channel.checkAccess("configure", "exchange", name, m);
        if (name.startsWith("amq.") && vhost().exchange(name) == null) {
            // only a new name is refused: redeclaring amq.direct as it is succeeds, as on RabbitMQ
            throw error(Amqp.ACCESS_REFUSED, "exchange name '" + name + "' contains reserved prefix 'amq.*'", m);
        }
        String invalid = Exchange.invalidArguments(name, m.arguments(), vhost().name());
        if (invalid != null) {
            throw error(Amqp.PRECONDITION_FAILED, invalid, m);
        }
        vhost().declareExchange(name, type, m.durable(), m.autoDelete(), m.internal(), m.arguments());
        reply(m.noWait(), new ExchangeDeclareOk());
    }

    void exchangeDelete(ExchangeDelete m) {
        String name = m.exchange();
        refuseDefault(name, m);
        if (name.startsWith("amq.")) {
            throw error(
                    Amqp.ACCESS_REFUSED, "deletion of system exchange '" + name + "'" + where() + " not allowed", m);
        }
        Exchange x = vhost().exchange(name);
        if (x != null) {
            channel.checkAccess("configure", "exchange", name, m);
            if (m.ifUnused() && x.hasBindings()) {
                throw error(Amqp.PRECONDITION_FAILED, "exchange '" + name + "'" + where() + " in use", m);
            }
            vhost().deleteExchange(x);
        }
        reply(m.noWait(), new ExchangeDeleteOk());
    }

    void exchangeBind(ExchangeBind m) {
        refuseDefault(m.destination(), m);
        refuseDefault(m.source(), m);
        Exchange destination = exchange(m.destination(), m);
        Exchange source = exchange(m.source(), m);
        channel.checkAccess("write", "exchange", destination.name(), m);
        channel.checkAccess("read", "exchange", source.name(), m);
        checkBinding(source, m.arguments(), m);
        vhost().bind(source, destination, m.routingKey(), args(m.arguments()));
        reply(m.noWait(), new ExchangeBindOk());
    }

    void exchangeUnbind(ExchangeUnbind m) {
        refuseDefault(m.destination(), m);
        refuseDefault(m.source(), m);
        Exchange destination = vhost().exchange(m.destination());
        Exchange source = vhost().exchange(m.source());
        if (destination != null && source != null) {
            channel.checkAccess("write", "exchange", destination.name(), m);
            channel.checkAccess("read", "exchange", source.name(), m);
            vhost().unbind(source, destination, m.routingKey(), args(m.arguments()));
        }
        reply(m.noWait(), new ExchangeUnbindOk());
    }

    void queueDeclare(QueueDeclare m) {
        String name = m.queue();
        if (m.passive()) {
            MessageQueue q = channel.queue(name, m);
            q.touch();
            channel.lastQueue = q.name();
            reply(m.noWait(), new QueueDeclareOk(q.name(), q.messageCount(), q.consumerCount()));
            return;
        }
        if (name.isEmpty()) {
            name = Names.queueName();
        } else if (name.startsWith("amq.")) {
            throw error(Amqp.ACCESS_REFUSED, "queue name '" + name + "' contains reserved prefix 'amq.*'", m);
        }
        channel.checkAccess("configure", "queue", name, m);
        MessageQueue q = vhost().queue(name);
        if (q != null) {
            channel.checkExclusive(q, m);
            if (q.exclusive() != m.exclusive()) {
                throw channel.locked(q, m);
            }
            checkEquivalent(q, m);
            q.touch();
        } else {
            QueueArguments parsed = QueueArguments.parse(m.arguments(), name, vhost().name());
            if (!parsed.queueType().equals("classic")) {
                String why = !m.durable()
                        ? "non-durable"
                        : m.exclusive() ? "exclusive-owner" : m.autoDelete() ? "auto-delete" : null;
                if (why != null) {
                    throw error(
                            Amqp.PRECONDITION_FAILED,
                            "invalid property '" + why + "' for queue '" + name + "'" + where(),
                            m);
                }
            }
            q = vhost().createQueue(
                            name,
                            m.durable(),
                            m.autoDelete(),
                            m.exclusive() ? channel.connection : null,
                            args(m.arguments()));
        }
        channel.lastQueue = name;
        reply(m.noWait(), new QueueDeclareOk(name, q.messageCount(), q.consumerCount()));
    }

    private void checkEquivalent(MessageQueue q, QueueDeclare m) {
        String where = "for queue '" + q.name() + "'" + where();
        if (q.durable() != m.durable()) {
            throw error(Amqp.PRECONDITION_FAILED, inequivalent("durable", where, m.durable(), q.durable()), m);
        }
        if (q.autoDelete() != m.autoDelete()) {
            throw error(
                    Amqp.PRECONDITION_FAILED, inequivalent("auto_delete", where, m.autoDelete(), q.autoDelete()), m);
        }
        Map<String, Object> now = q.arguments() == null ? Map.of() : q.arguments();
        Map<String, Object> asked = args(m.arguments());
        for (String key : COMPARED_ARGUMENTS) {
            Object current = now.get(key);
            Object received = asked.get(key);
            if (current == null && received == null) {
                continue;
            }
            if (current == null || received == null || !Values.same(received, current)) {
                boolean sameType = current != null
                        && received != null
                        && Values.typeName(current).equals(Values.typeName(received));
                String difference = sameType
                        ? "received '" + received + "' but current is '" + current + "'"
                        : "received " + Values.describe(received) + " but current is " + Values.describe(current);
                throw error(Amqp.PRECONDITION_FAILED, "inequivalent arg '" + key + "' " + where + ": " + difference, m);
            }
        }
    }

    private static String inequivalent(String arg, String where, boolean received, boolean current) {
        return "inequivalent arg '" + arg + "' " + where + ": received '" + received + "' but current is '" + current
                + "'";
    }

    void queueBind(QueueBind m) {
        MessageQueue q = channel.queue(m.queue(), m);
        refuseDefault(m.exchange(), m);
        Exchange x = exchange(m.exchange(), m);
        channel.checkAccess("write", "queue", q.name(), m);
        channel.checkAccess("read", "exchange", x.name(), m);
        String key = m.routingKey().isEmpty() && m.queue().isEmpty() ? q.name() : m.routingKey();
        checkBinding(x, m.arguments(), m);
        vhost().bind(x, q, key, args(m.arguments()));
        reply(m.noWait(), new QueueBindOk());
    }

    void queueUnbind(QueueUnbind m) {
        MessageQueue q = channel.queue(m.queue(), m);
        refuseDefault(m.exchange(), m);
        Exchange x = exchange(m.exchange(), m);
        channel.checkAccess("write", "queue", q.name(), m);
        channel.checkAccess("read", "exchange", x.name(), m);
        vhost().unbind(x, q, m.routingKey(), args(m.arguments()));
        channel.send(new QueueUnbindOk());
    }

    void queuePurge(QueuePurge m) {
        MessageQueue q = channel.queue(m.queue(), m);
        channel.checkAccess("read", "queue", q.name(), m);
        int n = q.purge();
        reply(m.noWait(), new QueuePurgeOk(n));
    }

    void queueDelete(QueueDelete m) {
        MessageQueue q = vhost().queue(channel.queueName(m.queue(), m));
        int n = 0;
        if (q != null) {
            channel.checkExclusive(q, m);
            channel.checkAccess("configure", "queue", q.name(), m);
            if (m.ifUnused() && q.consumerCount() > 0) {
                throw error(Amqp.PRECONDITION_FAILED, q + " in use", m);
            }
            if (m.ifEmpty() && q.messageCount() > 0) {
                throw error(Amqp.PRECONDITION_FAILED, q + " not empty", m);
            }
            n = vhost().deleteQueue(q);
        }
        reply(m.noWait(), new QueueDeleteOk(n));
    }

    /** A headers exchange refuses a binding whose x-match it cannot use (406, as RabbitMQ). */
    private void checkBinding(Exchange x, Map<String, Object> arguments, Method m) {
        String invalid = x.type() == ExchangeType.HEADERS ? HeadersExchange.invalidBinding(arguments) : null;
        if (invalid != null) {
            throw error(Amqp.PRECONDITION_FAILED, invalid, m);
        }
    }

    private void reply(boolean noWait, Method ok) {
        if (!noWait) {
            channel.send(ok);
        }
    }

    private static Map<String, Object> args(Map<String, Object> arguments) {
        return arguments == null ? Map.of() : arguments;
    }
}
