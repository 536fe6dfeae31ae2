package dev.petrel.amqp.broker;

/**
 * The exchange types Petrel implements, by the name clients send in {@code exchange.declare}. RabbitMQ 3.10's plugin
 * types ({@code x-consistent-hash}, ...) are not among them, as on a RabbitMQ with no plugins enabled.
 */
public enum ExchangeType {
    DIRECT("direct"),
    FANOUT("fanout"),
    TOPIC("topic"),
    HEADERS("headers");

    private final String wireName;

    ExchangeType(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire and in definitions: {@code "direct"}, {@code "fanout"}, ... */
    public String wireName() {
        return wireName;
    }

    /**
     * The type of that wire name, or null when it is none of ours. RabbitMQ 3.10 then closes the connection with 503
     * COMMAND_INVALID and the text {@code unknown exchange type 'NAME'} (it says {@code invalid exchange type} instead
     * only for the few names that happen to be atoms of its runtime, such as 'foo').
     */
    public static ExchangeType fromWireName(String s) {
        for (ExchangeType t : values()) {
            if (t.wireName.equals(s)) {
                return t;
            }
        }
        return null;
    }
}
