package dev.petrel.amqp.broker;

import java.util.HashMap;
import java.util.Map;

/**
 * Direct reply-to: a consumer of the pseudo-queue {@code amq.rabbitmq.reply-to} gets replies published to the default
 * exchange with the routing key {@code amq.rabbitmq.reply-to.<key>} it was given, with no queue in between.
 */
public final class DirectReplyTo {
    public static final String PSEUDO_QUEUE = "amq.rabbitmq.reply-to";
    private static final String PREFIX = PSEUDO_QUEUE + ".";

    /** Where replies for one key go. */
    public interface Target {
        void deliverReply(Message m);
    }

    private final Map<String, Target> targets = new HashMap<>();

    /** Registers a reply consumer; returns the reply-to address requests should carry. */
    public String register(Target t) {
        String key = Names.random();
        targets.put(key, t);
        return PREFIX + key;
    }

    public void unregister(String address) {
        if (address.startsWith(PREFIX)) {
            targets.remove(address.substring(PREFIX.length()));
        }
    }

    public static boolean isReplyAddress(String routingKey) {
        return routingKey.startsWith(PREFIX);
    }

    /** The consumer behind a reply address, or null if it is gone. */
    public Target find(String routingKey) {
        return isReplyAddress(routingKey) ? targets.get(routingKey.substring(PREFIX.length())) : null;
    }
}
