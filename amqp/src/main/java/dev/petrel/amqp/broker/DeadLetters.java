package dev.petrel.amqp.broker;

import dev.petrel.amqp.protocol.AmqpException;
import dev.petrel.amqp.protocol.BasicProperties;
import dev.petrel.amqp.protocol.LongString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dead-lettering as RabbitMQ does it: the message is republished to the queue's dead-letter exchange, with the
 * dead-letter routing key if set, carrying an {@code x-death} history (one entry per queue and reason, with a count)
 * and the {@code x-first-death-*} headers; a per-message expiration moves to {@code original-expiration}.
 */
final class DeadLetters {
    private final VirtualHost vhost;
    private final List<MessageQueue> targets = new ArrayList<>();

    DeadLetters(VirtualHost vhost) {
        this.vhost = vhost;
    }

    void deadLetter(MessageQueue from, Message m, String reason) {
        String dlxName = from.args().deadLetterExchange();
        if (dlxName == null) {
            return;
        }
        Exchange dlx = vhost.exchange(dlxName);
        if (dlx == null) {
            return;
        }
        BasicProperties p;
        try {
            p = m.properties();
        } catch (AmqpException malformed) {
            return; // its publisher sent properties that do not decode: there is nothing to dead-letter
        }
        Map<String, Object> headers = p.headers() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(p.headers());
        List<Object> deaths = new ArrayList<>();
        Object old = headers.get("x-death");
        Map<String, Object> entry = null;
        if (old instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> d
                        && entry == null
                        && from.name().equals(String.valueOf(d.get("queue")))
                        && reason.equals(String.valueOf(d.get("reason")))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) d);
                    entry = copy;
                } else {
                    deaths.add(o);
                }
            }
        }
        if (entry == null) {
            entry = new LinkedHashMap<>();
            entry.put("count", 1L);
            entry.put("reason", LongString.of(reason));
            entry.put("queue", LongString.of(from.name()));
            entry.put("time", Instant.ofEpochSecond(vhost.broker().wallSeconds()));
            entry.put("exchange", LongString.of(m.exchange()));
            entry.put("routing-keys", List.of(LongString.of(m.routingKey())));
            if (p.expiration() != null) {
                entry.put("original-expiration", LongString.of(p.expiration()));
            }
        } else {
            Object count = entry.get("count");
            entry.put("count", (count instanceof Number n ? n.longValue() : 0L) + 1);
            entry.put("time", Instant.ofEpochSecond(vhost.broker().wallSeconds()));
        }
        deaths.add(0, entry);
        headers.put("x-death", deaths);
        headers.putIfAbsent("x-first-death-reason", LongString.of(reason));
        headers.putIfAbsent("x-first-death-queue", LongString.of(from.name()));
        headers.putIfAbsent("x-first-death-exchange", LongString.of(m.exchange()));
        BasicProperties q = p.withHeaders(headers).withExpiration(null);
        byte[] props = q.encode();
        byte[] data = new byte[props.length + m.bodySize()];
        System.arraycopy(props, 0, data, 0, props.length);
        System.arraycopy(m.data(), m.bodyOffset(), data, props.length, m.bodySize());
        String key = from.args().deadLetterRoutingKey() != null ? from.args().deadLetterRoutingKey() : m.routingKey();
        Message dead = new Message(dlxName, key, data, props.length);
        dead.setPersistent(m.persistent());
        dead.setPriority(m.priority());
        targets.clear();
        vhost.route(dlx, dead, targets);
        List<MessageQueue> to = List.copyOf(targets);
        for (MessageQueue target : to) {
            if (!"rejected".equals(reason) && !wasRejected(deaths) && diedIn(target, deaths)) {
                continue; // a cycle without a client's rejection in it: RabbitMQ drops the message
            }
            target.enqueue(to.size() == 1 ? dead : dead.copy());
        }
    }

    /** Whether the message's history already has a death in {@code q} (so sending it there closes a cycle). */
    private static boolean diedIn(MessageQueue q, List<Object> deaths) {
        for (Object o : deaths) {
            if (o instanceof Map<?, ?> d && q.name().equals(String.valueOf(d.get("queue")))) {
                return true;
            }
        }
        return false;
    }

    private static boolean wasRejected(List<Object> deaths) {
        for (Object o : deaths) {
            if (o instanceof Map<?, ?> d && "rejected".equals(String.valueOf(d.get("reason")))) {
                return true;
            }
        }
        return false;
    }
}
