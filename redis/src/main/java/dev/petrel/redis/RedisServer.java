package dev.petrel.redis;

import dev.petrel.reactor.EventLoop;
import dev.petrel.reactor.ListenOptions;
import dev.petrel.reactor.Listener;
import dev.petrel.reactor.Reactor;
import dev.petrel.redis.keyspace.ExpiryCycle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The Redis door, startable in-process: {@code RedisServer.start(new RedisConfig().port(0))} listens on a free port
 * of 127.0.0.1, {@link #port()} tells which, {@link #close()} stops it. The launcher uses the same class.
 *
 * <p>The door runs on one event loop of its own, which owns the keyspace (Redis's model).
 */
public final class RedisServer implements AutoCloseable {
    private final Reactor reactor;
    private final Listener listener;
    private final RedisInstance instance;

    private RedisServer(Reactor reactor, Listener listener, RedisInstance instance) {
        this.reactor = reactor;
        this.listener = listener;
        this.instance = instance;
    }

    /** Starts a door as {@code config} says and returns once it listens. */
    public static RedisServer start(RedisConfig config) {
        Reactor reactor = Reactor.create(1);
        EventLoop loop = reactor.loop(0);
        RedisInstance instance = new RedisInstance(config, loop);
        Listener listener;
        try {
            listener = reactor.listenTcp(
                    ListenOptions.of(config.bind, config.port).backlog(511), peer -> new RedisConnection(instance));
        } catch (RuntimeException e) {
            reactor.close();
            throw e;
        }
        instance.setPort(listener.port());
        reactor.start();
        ExpiryCycle cycle = new ExpiryCycle(instance.keyspace(), loop, config.hz);
        loop.execute(cycle::start);
        awaitLoop(loop);
        return new RedisServer(reactor, listener, instance);
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

    /** The shared state; touch it only from the door's loop (see {@link #reactor()}). */
    public RedisInstance instance() {
        return instance;
    }

    public Reactor reactor() {
        return reactor;
    }

    /** Blocks until the door stops. */
    public void awaitStop() {
        reactor.run();
    }

    @Override
    public void close() {
        reactor.close();
    }

    /** How long close may wait for connections to drain. */
    public static Duration stopGrace() {
        return Duration.ofSeconds(5);
    }
}
