package dev.petrel.amqp.auth;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One user's rights in one vhost: three regular expressions for configure, write and read, as {@code rabbitmqctl
 * set_permissions} takes them. As in RabbitMQ, a resource is allowed when the expression matches anywhere in its name
 * (so anchor with {@code ^...$} to mean the whole name), and the empty expression matches nothing. The default
 * exchange, whose name is empty, is checked under the name {@code amq.default} (see {@link #exchangeResource}).
 *
 * <p>A class rather than a record so that the expressions are compiled once, not on every publish.
 */
public final class Permission {
    private final String configure;
    private final String write;
    private final String read;
    private final Pattern configurePattern;
    private final Pattern writePattern;
    private final Pattern readPattern;

    /** Throws {@link IllegalArgumentException} when an expression does not compile. */
    public Permission(String configure, String write, String read) {
        this.configure = Objects.requireNonNull(configure, "configure");
        this.write = Objects.requireNonNull(write, "write");
        this.read = Objects.requireNonNull(read, "read");
        this.configurePattern = compile(configure);
        this.writePattern = compile(write);
        this.readPattern = compile(read);
    }

    /** The name under which permissions see an exchange: {@code amq.default} for the default exchange. */
    public static String exchangeResource(String exchange) {
        return exchange.isEmpty() ? "amq.default" : exchange;
    }

    public String configure() {
        return configure;
    }

    public String write() {
        return write;
    }

    public String read() {
        return read;
    }

    /** Declaring or deleting the queue or exchange named {@code resource}. */
    public boolean canConfigure(String resource) {
        return matches(configurePattern, resource);
    }

    /** Publishing to the exchange, or binding to the queue or exchange, named {@code resource}. */
    public boolean canWrite(String resource) {
        return matches(writePattern, resource);
    }

    /** Consuming from, getting from or purging the queue, or binding from the exchange, named {@code resource}. */
    public boolean canRead(String resource) {
        return matches(readPattern, resource);
    }

    private static Pattern compile(String regex) {
        if (regex.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression '" + regex + "': " + e.getDescription(), e);
        }
    }

    private static boolean matches(Pattern pattern, String resource) {
        return pattern != null && pattern.matcher(resource).find();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Permission p
                && configure.equals(p.configure)
                && write.equals(p.write)
                && read.equals(p.read);
    }

    @Override
    public int hashCode() {
        return Objects.hash(configure, write, read);
    }

    @Override
    public String toString() {
        return "Permission[configure=" + configure + ", write=" + write + ", read=" + read + "]";
    }
}
