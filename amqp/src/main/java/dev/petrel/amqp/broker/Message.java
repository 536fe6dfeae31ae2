package dev.petrel.amqp.broker;

import dev.petrel.amqp.protocol.BasicProperties;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A message as one queue holds it: the publish's exchange and routing key, the content header's properties and the
 * body, kept together in one array as they arrived ({@code data} = properties then body) so that delivery writes them
 * back unchanged. Queues that receive the same publish share {@code data}; each gets its own small {@code Message}
 * for its own position and redelivery flag.
 *
 * <p>Size matters here (a queue may hold millions): with compressed references a message is 32 bytes beside its
 * data, with the property length, the flags and the priority packed in one int; only a message that can expire
 * carries its expiry, in the {@link Expiring} subclass.
 */
public sealed class Message implements Routable permits Message.Expiring {
    private static final int PRIORITY_MASK = 0xFF;
    private static final int REDELIVERED = 1 << 8;
    private static final int PERSISTENT = 1 << 9;
    private static final int LENGTH_SHIFT = 10;
    /** The longest property list a message may carry (22 bits of {@code meta}). */
    public static final int MAX_PROPERTIES_LENGTH = (1 << (32 - LENGTH_SHIFT)) - 1;

    final String exchange;
    final String routingKey;
    final byte[] data;
    /** Position in its queue (wrapping), so a requeued message goes back to its place. */
    int seq;
    /** Property list length, flags and priority. */
    private int meta;

    public Message(String exchange, String routingKey, byte[] data, int propertiesLength) {
        if (propertiesLength > MAX_PROPERTIES_LENGTH) {
            throw new IllegalArgumentException("property list too long: " + propertiesLength);
        }
        this.exchange = exchange;
        this.routingKey = routingKey;
        this.data = data;
        this.meta = propertiesLength << LENGTH_SHIFT;
    }

    private Message(Message m) {
        this.exchange = m.exchange;
        this.routingKey = m.routingKey;
        this.data = m.data;
        this.meta = m.meta & ~REDELIVERED;
    }

    /** A copy for another queue: same content, its own position and state. */
    public Message copy() {
        return new Message(this);
    }

    /** This message with an expiry no later than {@code at} (ms of the broker's clock); may be a new object. */
    public Message expiringBy(long at) {
        if (at >= expiresAt()) {
            return this;
        }
        return new Expiring(this, at);
    }

    /** {@code now + ttl}, saturating: a TTL too long to add never expires. */
    public static long expiryAfter(long now, long ttl) {
        long at = now + ttl;
        return at < now ? Long.MAX_VALUE : at;
    }

    /** Absolute expiry in ms of the broker's clock, {@link Long#MAX_VALUE} if none. */
    public long expiresAt() {
        return Long.MAX_VALUE;
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
        return meta >>> LENGTH_SHIFT;
    }

    public int bodyOffset() {
        return propertiesLength();
    }

    public int bodySize() {
        return data.length - propertiesLength();
    }

    public boolean redelivered() {
        return (meta & REDELIVERED) != 0;
    }

    void setRedelivered() {
        meta |= REDELIVERED;
    }

    public boolean persistent() {
        return (meta & PERSISTENT) != 0;
    }

    public void setPersistent(boolean on) {
        meta = on ? meta | PERSISTENT : meta & ~PERSISTENT;
    }

    public int priority() {
        return meta & PRIORITY_MASK;
    }

    public void setPriority(int p) {
        meta = (meta & ~PRIORITY_MASK) | Math.max(0, Math.min(255, p));
    }

    public int seq() {
        return seq;
    }

    /** Whether this message was queued before {@code other} (positions wrap around). */
    public boolean before(Message other) {
        return seq - other.seq < 0;
    }

    /** The decoded properties (allocates: for the rare paths, dead-lettering and headers routing). */
    public BasicProperties properties() {
        return BasicProperties.decode(data, 0, propertiesLength());
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
        return ByteBuffer.wrap(data, propertiesLength(), bodySize());
    }

    /** A message with a TTL or an expiration: 8 bytes more. */
    static final class Expiring extends Message {
        private final long expiresAt;

        Expiring(Message m, long expiresAt) {
            super(m);
            this.expiresAt = expiresAt;
            seq = m.seq;
            if (m.redelivered()) {
                setRedelivered();
            }
        }

        @Override
        public long expiresAt() {
            return expiresAt;
        }

        @Override
        public Message copy() {
            return new Expiring(super.copy(), expiresAt);
        }
    }
}
