package dev.petrel.amqp;

import dev.petrel.amqp.broker.Broker;
import dev.petrel.reactor.EventLoop;
import dev.petrel.reactor.ListenOptions;
import dev.petrel.reactor.Listener;
import dev.petrel.reactor.Reactor;
import java.util.concurrent.CompletableFuture;

/**
 * The AMQP door, startable in-process: {@code AmqpServer.start(new AmqpConfig().port(0))} listens on a free port of
 * 127.0.0.1, {@link #port()} tells which, {@link #close()} stops it. The launcher opens it on a shared reactor with
 * {@link #open}, on that reactor's last loop (the first is the Redis door's).
 */
public final class AmqpServer implements AutoCloseable {
    private final Reactor reactor;
    private final boolean ownsReactor;
    private final Listener listener;
    private final Broker broker;

    private AmqpServer(Reactor reactor, boolean ownsReactor, Listener listener, Broker broker) {
        this.reactor = reactor;
        this.ownsReactor = ownsReactor;
        this.listener = listener;
        this.broker = broker;
    }

    /** Starts a door on a reactor of its own, as {@code config} says, and returns once it listens. */
    public static AmqpServer start(AmqpConfig config) {
        return Reactor.startFor(reactor -> open(reactor, config, true));
    }

    /** Opens a door on a started {@code reactor} that other doors may share; {@link #close()} leaves the reactor. */
    public static AmqpServer open(Reactor reactor, AmqpConfig config) {
        return open(reactor, config, false);
    }

    private static AmqpServer open(Reactor reactor, AmqpConfig config, boolean ownsReactor) {
        int index = reactor.loopCount() - 1;
        EventLoop loop = reactor.loop(index);
        Broker broker = new Broker(config, loop);
        Listener listener = reactor.listenTcp(
                ListenOptions.of(config.bind(), config.port()).backlog(128).pinTo(index),
                peer -> new AmqpConnection(broker));
        broker.setPort(listener.port());
        CompletableFuture<Void> declared = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                config.topology().applyTo(broker);
                declared.complete(null);
            } catch (RuntimeException e) {
                declared.completeExceptionally(e);
            }
        });
        try {
            declared.join();
        } catch (RuntimeException e) {
            listener.close();
            throw new IllegalArgumentException(
                    "AMQP definitions: " + e.getCause().getMessage(), e.getCause());
        }
        return new AmqpServer(reactor, ownsReactor, listener, broker);
    }

    public int port() {
        return listener.port();
    }

    public String host() {
        return listener.address().getAddress().getHostAddress();
    }

    public Listener listener() {
        return listener;
    }

    /** The shared state; touch it only from the door's loop. */
    public Broker broker() {
        return broker;
    }

    public Reactor reactor() {
        return reactor;
    }

    @Override
    public void close() {
        listener.close();
        if (ownsReactor) {
            reactor.close();
        } else {
            broker.scheduler().execute(broker::closeAll);
        }
    }
}
