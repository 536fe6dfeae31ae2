package dev.petrel.redis;

import dev.petrel.reactor.EventLoop;
import dev.petrel.reactor.ListenOptions;
import dev.petrel.reactor.Listener;
import dev.petrel.reactor.Reactor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The Redis door, startable in-process: {@code RedisServer.start(new RedisConfig().port(0))} listens on a free port
 * of 127.0.0.1, {@link #port()} tells which, {@link #close()} stops it. The launcher opens it on a shared reactor
 * with {@link #open}.
 *
 * <p>The door's connections are all pinned to one event loop, which owns the keyspace (Redis's model).
 */
public final class RedisServer implements AutoCloseable {
    private final Reactor reactor;
    private final boolean ownsReactor;
    private final Listener listener;
    private final RedisInstance instance;

    private RedisServer(Reactor reactor, boolean ownsReactor, Listener listener, RedisInstance instance) {
        this.reactor = reactor;
        this.ownsReactor = ownsReactor;
        this.listener = listener;
        this.instance = instance;
    }

    /** Starts a door on a reactor of its own, as {@code config} says, and returns once it listens. */
    public static RedisServer start(RedisConfig config) {
        return Reactor.startFor(reactor -> open(reactor, config, true));
    }

    /**
     * Opens a door on a started {@code reactor} that other doors may share; its first loop owns the keyspace.
     * {@link #close()} then closes this door's listener, not the reactor.
     */
    public static RedisServer open(Reactor reactor, RedisConfig config) {
        return open(reactor, config, false);
    }

    private static RedisServer open(Reactor reactor, RedisConfig config, boolean ownsReactor) {
        EventLoop loop = reactor.loop(0);
        RedisInstance instance = new RedisInstance(config, loop);
        Listener listener = reactor.listenTcp(
                ListenOptions.of(config.bind, config.port).backlog(511).pinTo(0),
                peer -> new RedisConnection(instance));
        instance.setPort(listener.port());
        loop.execute(instance::startTimers);
        awaitLoop(loop);
        return new RedisServer(reactor, ownsReactor, listener, instance);
    }

    /** Waits until the loop has run what was queued before, so the listener is registered when start returns. */
    private static void awaitLoop(EventLoop loop) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        loop.execute(() -> ready.complete(null));
        try {
            ready.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
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

    /** The shared state; touch it only from the door's loop ({@code reactor().loop(0)}). */
    public RedisInstance instance() {
        return instance;
    }

    public Reactor reactor() {
        return reactor;
    }

    @Override
    public void close() {
        listener.close();
        instance.scheduler().execute(instance::stopTimers);
        if (ownsReactor) {
            reactor.close();
        }
    }
}
