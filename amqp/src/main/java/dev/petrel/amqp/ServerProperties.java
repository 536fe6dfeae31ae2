package dev.petrel.amqp;

import dev.petrel.amqp.protocol.LongString;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the door says about itself in {@code connection.start}: RabbitMQ 3.10's capabilities, and who it is. */
final class ServerProperties {
    /** The RabbitMQ version whose behaviour the door follows; clients that look at versions see this. */
    static final String COMPATIBLE_VERSION = "3.10.0";

    private ServerProperties() {}

    static Map<String, Object> build(String clusterName) {
        Map<String, Object> capabilities = new LinkedHashMap<>();
        for (String c : new String[] {
            "publisher_confirms",
            "exchange_exchange_bindings",
            "basic.nack",
            "consumer_cancel_notify",
            "connection.blocked",
            "consumer_priorities",
            "authentication_failure_close",
            "per_consumer_qos",
            "direct_reply_to"
        }) {
            capabilities.put(c, Boolean.TRUE);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("capabilities", capabilities);
        p.put("cluster_name", LongString.of(clusterName));
        p.put("copyright", LongString.of("Copyright (c) the Petrel authors"));
        p.put(
                "information",
                LongString.of("Petrel, an AMQP 0-9-1 broker compatible with RabbitMQ " + COMPATIBLE_VERSION));
        p.put("platform", LongString.of("Java " + Runtime.version().feature()));
        p.put("product", LongString.of("Petrel"));
        p.put("version", LongString.of(COMPATIBLE_VERSION));
        return p;
    }
}
