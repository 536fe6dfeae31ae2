package dev.petrel.amqp.broker;

import dev.petrel.amqp.protocol.BasicProperties;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A message as one queue holds it: the publish's exchange and routing key, the content header's properties and the
 * body, kept together in one array as they arrived ({@code data} = properties then body) so that delivery writes them
 * back unchanged. Queues that receive the same publish share {@code data}; each gets its own small {@code Message}
 * for its own position, redelivery flag and expiry.
 */
public final class Message implements Routable {
    private static final byte REDELIVERED = 1;
    private static final byte PERSISTENT = 2;

    final String exchange;
    final String routingKey;
    final byte[] data;
    final int propertiesLength;
    /** Absolute expiry in ms of the loop clock, {@link Long#MAX_VALUE} if none. */
    long expiresAt = Long.MAX_VALUE;
    /** Position in its queue, so a requeued message goes back to its place. */
    long seq;

    byte flags;
    byte priority;

    public Message(String exchange, String routingKey, byte[] data, int propertiesLength) {
        this.exchange = exchange;
        this.routingKey = routingKey;
        this.data = data;
        this.propertiesLength = propertiesLength;
    }

    /** A copy for another queue: same content, its own position and state. */
    public Message copy() {
        Message m = new Message(exchange, routingKey, data, propertiesLength);
        m.flags = (byte) (flags & PERSISTENT);
        m.priority = priority;
        m.expiresAt = expiresAt;
        return m;
    }

    public String exchange() {
        return exchange;
    }

    @Override
    public String routingKey() {
        return routingKey;
    }

    public byte[] data() {
        return data;
    }

    public int propertiesLength() {
        return propertiesLength;
    }

    public int bodyOffset() {
        return propertiesLength;
    }

    public int bodySize() {
        return data.length - propertiesLength;
    }

    public boolean redelivered() {
        return (flags & REDELIVERED) != 0;
    }

    void setRedelivered() {
        flags |= REDELIVERED;
    }

    public boolean persistent() {
        return (flags & PERSISTENT) != 0;
    }

    /** Sets the per-message expiry (absolute ms of the broker's clock). */
    public void setExpiresAt(long at) {
        expiresAt = at;
    }

    public void setPriority(int p) {
        priority = (byte) Math.max(0, Math.min(255, p));
    }

    public void setPersistent(boolean on) {
        flags = (byte) (on ? flags | PERSISTENT : flags & ~PERSISTENT);
    }

    public int priority() {
        return priority & 0xFF;
    }

    public long seq() {
        return seq;
    }

    public long expiresAt() {
        return expiresAt;
    }

    /** The decoded properties (allocates: for the rare paths, dead-lettering and headers routing). */
    public BasicProperties properties() {
        return BasicProperties.decode(data, 0, propertiesLength);
    }

    @Override
    public Map<String, Object> headers() {
        if ((BasicProperties.flags(data, 0) & BasicProperties.FLAG_HEADERS) == 0) {
            return Map.of();
        }
        Map<String, Object> h = properties().headers();
        return h == null ? Map.of() : h;
    }

    /** A view of the body. */
    public ByteBuffer body() {
        return ByteBuffer.wrap(data, propertiesLength, bodySize());
    }
}
