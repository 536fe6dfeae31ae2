package dev.petrel.amqp.broker;

import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** Server-generated names, shaped as RabbitMQ's: {@code amq.gen-} queues, {@code amq.ctag-} consumer tags. */
public final class Names {
    private Names() {}

    public static String queueName() {
        return "amq.gen-" + random();
    }

    public static String consumerTag() {
        return "amq.ctag-" + random();
    }

    /** 16 random bytes in URL-safe base64 without padding (22 characters). */
    public static String random() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
