package dev.petrel.amqp.broker;

import dev.petrel.amqp.AmqpConfig;
import dev.petrel.reactor.EventLoop;
import dev.petrel.reactor.Scheduler;

/** What the door's connections share: the configuration and the loop that owns everything. */
public final class Broker {
    private final AmqpConfig config;
    private final EventLoop loop;
    private int port;

    public Broker(AmqpConfig config, EventLoop loop) {
        this.config = config;
        this.loop = loop;
    }

    public AmqpConfig config() {
        return config;
    }

    public Scheduler scheduler() {
        return loop;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** Closes every connection (the door is stopping). */
    public void closeAll() {}
}
