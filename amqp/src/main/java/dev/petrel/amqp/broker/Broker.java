package dev.petrel.amqp.broker;

import dev.petrel.amqp.AmqpConfig;
import dev.petrel.amqp.auth.AccessControl;
import dev.petrel.reactor.Scheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the door's connections share: virtual hosts, the access control, the memory alarm, and the work deferred to the
 * end of each batch of input (queue dispatch, then one flush per connection that has frames to send).
 */
public final class Broker {
    /** A connection as the broker sees it: something to flush, block or close. */
    public interface Client {
        /** Writes what the connection has encoded to its transport. */
        void flush();

        /** The memory alarm changed: a publishing connection is blocked or unblocked. */
        void memoryAlarm(boolean on);

        /** The door is stopping. */
        void shutdown();
    }

    private final AmqpConfig config;
    private final Scheduler loop;
    private final AccessControl access;
    private final Map<String, VirtualHost> vhosts = new HashMap<>();
    private final MemoryMonitor memory;
    private final List<MessageQueue> toDispatch = new ArrayList<>();
    private final List<Client> toFlush = new ArrayList<>();
    private final Set<Client> clients = new LinkedHashSet<>();
    private final DirectReplyTo replyTo = new DirectReplyTo();
    private boolean inBatch;
    private int port;

    public Broker(AmqpConfig config, Scheduler loop) {
        this.config = config;
        this.loop = loop;
        this.access = config.access();
        this.memory = new MemoryMonitor(config.memoryHighWatermark(), this::alarm);
    }

    public AmqpConfig config() {
        return config;
    }

    public AccessControl access() {
        return access;
    }

    public Scheduler scheduler() {
        return loop;
    }

    /** Monotonic milliseconds, for expiry. */
    public long nowMillis() {
        return loop.clock().nanoTime() / 1_000_000;
    }

    /** Wall-clock seconds, for {@code x-death} times. */
    public long wallSeconds() {
        return loop.clock().currentTimeMillis() / 1000;
    }

    public MemoryMonitor memory() {
        return memory;
    }

    public DirectReplyTo replyTo() {
        return replyTo;
    }

    /** The virtual host of that name if access control knows it (created on first use), else null. */
    public VirtualHost vhost(String name) {
        VirtualHost v = vhosts.get(name);
        if (v == null && access.vhostExists(name)) {
            v = new VirtualHost(this, name);
            vhosts.put(name, v);
        }
        return v;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    public void register(Client c) {
        clients.add(c);
    }

    public void unregister(Client c) {
        clients.remove(c);
    }

    /** Queues {@code q} for dispatch at the end of the current batch. */
    void dispatchLater(MessageQueue q) {
        toDispatch.add(q);
        if (!inBatch) {
            loop.execute(this::endBatch);
            inBatch = true;
        }
    }

    /** Asks for {@code c} to be flushed at the end of the current batch. */
    public void flushLater(Client c) {
        toFlush.add(c);
        if (!inBatch) {
            loop.execute(this::endBatch);
            inBatch = true;
        }
    }

    /** Marks the start of a batch of input: deferred work waits for {@link #endBatch()}. */
    public void beginBatch() {
        inBatch = true;
    }

    /** Runs the dispatches the batch asked for (which may ask for more), then flushes every connection once. */
    public void endBatch() {
        try {
            for (int i = 0; i < toDispatch.size(); i++) {
                toDispatch.get(i).dispatch();
            }
            for (int i = 0; i < toFlush.size(); i++) {
                toFlush.get(i).flush();
            }
        } finally {
            toDispatch.clear();
            toFlush.clear();
            inBatch = false;
        }
    }

    /** Ready messages a queue with consumers may hold before its publishers are paused. */
    public int flowThreshold() {
        return config.flowThreshold();
    }

    private void alarm(boolean on) {
        for (Client c : List.copyOf(clients)) {
            c.memoryAlarm(on);
        }
    }

    /** Closes every connection (the door is stopping). */
    public void closeAll() {
        for (Client c : List.copyOf(clients)) {
            c.shutdown();
        }
        for (VirtualHost v : vhosts.values()) {
            v.close();
        }
    }
}
