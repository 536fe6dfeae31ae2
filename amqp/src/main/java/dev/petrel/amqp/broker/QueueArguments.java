package dev.petrel.amqp.broker;

import dev.petrel.amqp.protocol.Amqp;
import dev.petrel.amqp.protocol.AmqpException;
import java.util.Map;

/**
 * The {@code x-} arguments of a queue declaration that change behaviour, validated as RabbitMQ 3.10 validates them
 * (a bad value is 406 PRECONDITION_FAILED naming the argument). Unknown arguments are kept and ignored.
 */
public record QueueArguments(
        long messageTtl,
        long expires,
        long maxLength,
        long maxLengthBytes,
        Overflow overflow,
        String deadLetterExchange,
        String deadLetterRoutingKey,
        int maxPriority,
        boolean singleActiveConsumer,
        String queueType) {

    /** What a full queue does with one more message. */
    public enum Overflow {
        DROP_HEAD("drop-head"),
        REJECT_PUBLISH("reject-publish"),
        REJECT_PUBLISH_DLX("reject-publish-dlx");

        final String wireName;

        Overflow(String wireName) {
            this.wireName = wireName;
        }
    }

    public boolean hasLimit() {
        return maxLength >= 0 || maxLengthBytes >= 0;
    }

    public boolean overflowRejects() {
        return overflow != Overflow.DROP_HEAD;
    }

    /** Parses and checks {@code arguments} of queue {@code queue} in {@code vhost}. */
    public static QueueArguments parse(Map<String, Object> arguments, String queue, String vhost) {
        Map<String, Object> a = arguments == null ? Map.of() : arguments;
        Where w = new Where(queue, vhost);
        long ttl = integer(a, "x-message-ttl", 0, w);
        long expires = integer(a, "x-expires", 1, w);
        long maxLength = integer(a, "x-max-length", 0, w);
        long maxLengthBytes = integer(a, "x-max-length-bytes", 0, w);
        long maxPriority = integer(a, "x-max-priority", 0, w);
        if (maxPriority > 255) {
            throw w.invalid("x-max-priority", "{value_too_large," + maxPriority + ",255}");
        }
        Overflow overflow = Overflow.DROP_HEAD;
        Object o = a.get("x-overflow");
        if (o != null) {
            String s = text(o, "x-overflow", w);
            overflow = null;
            for (Overflow candidate : Overflow.values()) {
                if (candidate.wireName.equals(s)) {
                    overflow = candidate;
                }
            }
            if (overflow == null) {
                throw w.invalid("x-overflow", "{invalid_overflow_type,<<\"" + s + "\">>}");
            }
        }
        String dlx = a.containsKey("x-dead-letter-exchange")
                ? text(a.get("x-dead-letter-exchange"), "x-dead-letter-exchange", w)
                : null;
        String dlrk = a.containsKey("x-dead-letter-routing-key")
                ? text(a.get("x-dead-letter-routing-key"), "x-dead-letter-routing-key", w)
                : null;
        if (dlrk != null && dlx == null) {
            throw new AmqpException(
                    Amqp.PRECONDITION_FAILED,
                    "PRECONDITION_FAILED - invalid arg 'x-dead-letter-routing-key' for " + w
                            + ": no_dead_letter_exchange_defined");
        }
        boolean sac = false;
        Object s = a.get("x-single-active-consumer");
        if (s != null) {
            if (!(s instanceof Boolean b)) {
                throw w.invalid("x-single-active-consumer", "{unacceptable_type," + Values.typeName(s) + "}");
            }
            sac = b;
        }
        String type = "classic";
        Object t = a.get("x-queue-type");
        if (t != null) {
            type = text(t, "x-queue-type", w);
            if (!type.equals("classic") && !type.equals("quorum") && !type.equals("stream")) {
                throw w.invalid("x-queue-type", "{unacceptable_queue_type,<<\"" + type + "\">>}");
            }
        }
        return new QueueArguments(
                ttl,
                expires,
                maxLength,
                maxLengthBytes,
                overflow,
                dlx,
                dlrk,
                (int) Math.max(0, maxPriority),
                sac,
                type);
    }

    /** A non-negative integer argument ({@code min} or more), or -1 when absent. */
    private static long integer(Map<String, Object> a, String key, long min, Where w) {
        Object v = a.get(key);
        if (v == null) {
            return -1;
        }
        if (!(v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long)) {
            throw w.invalid(key, "{unacceptable_type," + Values.typeName(v) + "}");
        }
        long n = ((Number) v).longValue();
        if (n < min) {
            throw w.invalid(key, n < 0 ? "{value_negative," + n + "}" : "{value_zero," + n + "}");
        }
        return n;
    }

    private static String text(Object v, String key, Where w) {
        if (v instanceof CharSequence || v instanceof dev.petrel.amqp.protocol.LongString) {
            return v.toString();
        }
        throw w.invalid(key, "{unacceptable_type," + Values.typeName(v) + "}");
    }

    private record Where(String queue, String vhost) {
        AmqpException invalid(String arg, String why) {
            return new AmqpException(
                    Amqp.PRECONDITION_FAILED,
                    "PRECONDITION_FAILED - invalid arg '" + arg + "' for " + this + ": " + why);
        }

        @Override
        public String toString() {
            return "queue '" + queue + "' in vhost '" + vhost + "'";
        }
    }
}
