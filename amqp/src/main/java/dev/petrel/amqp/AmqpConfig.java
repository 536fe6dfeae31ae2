package dev.petrel.amqp;

import dev.petrel.amqp.auth.AccessControl;
import java.util.Set;

/**
 * How an AMQP door is set up: where it listens, what it offers in {@code connection.tune}, and when publishers are
 * blocked. Setters return {@code this}; a door copies nothing, so do not change a config after starting a door on it.
 */
public final class AmqpConfig {
    /** RabbitMQ's defaults: 128 KiB frames, 2047 channels, a 60 s heartbeat. */
    public static final int DEFAULT_FRAME_MAX = 131_072;

    public static final int DEFAULT_CHANNEL_MAX = 2047;
    public static final int DEFAULT_HEARTBEAT = 60;

    String bind = "127.0.0.1";
    int port = 5672;
    int frameMax = DEFAULT_FRAME_MAX;
    int channelMax = DEFAULT_CHANNEL_MAX;
    int heartbeatSeconds = DEFAULT_HEARTBEAT;
    long memoryHighWatermark = (long) (Runtime.getRuntime().maxMemory() * 0.4);
    int flowThreshold = 2000;
    final AccessControl access = AccessControl.withDefaults();
    final Topology topology = new Topology();

    public AmqpConfig bind(String address) {
        this.bind = address;
        return this;
    }

    public AmqpConfig port(int port) {
        this.port = port;
        return this;
    }

    /** The largest frame the door accepts and proposes in {@code connection.tune} (at least 4096). */
    public AmqpConfig frameMax(int bytes) {
        if (bytes != 0 && bytes < 4096) {
            throw new IllegalArgumentException("frame_max must be 0 or at least 4096: " + bytes);
        }
        this.frameMax = bytes;
        return this;
    }

    public AmqpConfig channelMax(int channels) {
        if (channels < 0 || channels > 65535) {
            throw new IllegalArgumentException("channel_max must be 0-65535: " + channels);
        }
        this.channelMax = channels;
        return this;
    }

    /** The heartbeat the door proposes, in seconds; 0 proposes none. */
    public AmqpConfig heartbeat(int seconds) {
        if (seconds < 0 || seconds > 65535) {
            throw new IllegalArgumentException("heartbeat must be 0-65535: " + seconds);
        }
        this.heartbeatSeconds = seconds;
        return this;
    }

    /** Bytes of queued message data above which publishing connections are blocked ({@code connection.blocked}). */
    public AmqpConfig memoryHighWatermark(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("memory high watermark must be positive: " + bytes);
        }
        this.memoryHighWatermark = bytes;
        return this;
    }

    /**
     * Ready messages a queue with consumers may hold before the connections publishing into it are paused (until the
     * backlog is down to half).
     */
    public AmqpConfig flowThreshold(int messages) {
        if (messages < 1) {
            throw new IllegalArgumentException("flow threshold must be positive: " + messages);
        }
        this.flowThreshold = messages;
        return this;
    }

    public int flowThreshold() {
        return flowThreshold;
    }

    /** Adds a user (or gives an existing one, guest included, a new password and tags). */
    public AmqpConfig addUser(String name, String password, String... tags) {
        access.addUser(name, password, tags);
        return this;
    }

    public AmqpConfig addVhost(String name) {
        access.addVhost(name);
        return this;
    }

    /** Sets a user's configure, write and read patterns in a vhost, as {@code rabbitmqctl set_permissions} does. */
    public AmqpConfig setPermissions(String user, String vhost, String configure, String write, String read) {
        access.setPermissions(user, vhost, configure, write, read);
        return this;
    }

    /** Users who may log in from loopback addresses only (default: guest). */
    public AmqpConfig loopbackUsers(String... names) {
        access.setLoopbackUsers(Set.of(names));
        return this;
    }

    /** Exchanges, queues and bindings declared when the door opens. */
    public Topology topology() {
        return topology;
    }

    /** Users, vhosts and permissions. */
    public AccessControl access() {
        return access;
    }

    public String bind() {
        return bind;
    }

    public int port() {
        return port;
    }

    public int frameMax() {
        return frameMax;
    }

    public int channelMax() {
        return channelMax;
    }

    public int heartbeat() {
        return heartbeatSeconds;
    }

    public long memoryHighWatermark() {
        return memoryHighWatermark;
    }
}
