package dev.petrel.redis.testing;

import dev.petrel.redis.RedisConfig;
import dev.petrel.redis.RedisServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A Petrel Redis server for one test class, in-process on a free port of 127.0.0.1.
 *
 * <pre>{@code
 * @RegisterExtension
 * static PetrelRedisExtension redis = new PetrelRedisExtension().flushAllBeforeEach();
 *
 * @Test
 * void cachesTheAnswer() {
 *     try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) { ... }
 * }
 * }</pre>
 *
 * <p>or {@code @ExtendWith(PetrelRedisExtension.class)} with a {@link RedisServer} parameter on a test, a lifecycle
 * method or the constructor. The server starts before the class's {@code @BeforeAll} methods and stops after its
 * {@code @AfterAll} methods; {@code @Nested} classes share their enclosing class's server.
 */
public final class PetrelRedisExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {
    private final RedisConfig config;
    private boolean flushBeforeEach;
    private volatile RedisServer server;
    /** The class context that started the server, and so stops it (nested classes reuse it). */
    private ExtensionContext owner;

    /** A server with the default configuration on port 0. */
    public PetrelRedisExtension() {
        this(new RedisConfig());
    }

    /** A server configured by {@code config}; its port is replaced by 0 so that parallel builds do not collide. */
    public PetrelRedisExtension(RedisConfig config) {
        this.config = config.port(0);
    }

    /** Empties every database before each test (FLUSHALL), so tests of the class do not see each other's keys. */
    public PetrelRedisExtension flushAllBeforeEach() {
        flushBeforeEach = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context);
    }

    /** Starts the server unless it runs; {@code context} then owns it (and stops it in its afterAll). */
    private synchronized RedisServer start(ExtensionContext context) {
        if (server == null) {
            server = RedisServer.start(config);
            owner = context;
        }
        return server;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (context == owner) {
            RedisServer s = server;
            server = null;
            owner = null;
            s.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (flushBeforeEach) {
            flushAll();
        }
    }

    /** The running server. */
    public RedisServer server() {
        RedisServer s = server;
        if (s == null) {
            throw new IllegalStateException("no Petrel Redis server runs outside the test class's lifetime");
        }
        return s;
    }

    /** The port the server listens on. */
    public int port() {
        return server().port();
    }

    /** The address the server listens on (127.0.0.1 unless the configuration binds elsewhere). */
    public String host() {
        return server().host();
    }

    /** Empties every database, as FLUSHALL does, on the server's loop thread (which owns the keyspace). */
    public void flushAll() {
        RedisServer s = server();
        CompletableFuture<Void> done = new CompletableFuture<>();
        s.reactor().loop(0).execute(() -> {
            try {
                s.instance().keyspace().flushAll();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while flushing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("FLUSHALL on the server's loop failed", e);
        }
    }

    /** The class-level context above {@code context}, which sees the afterAll that must stop the server. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RedisServer.class || type == PetrelRedisExtension.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == PetrelRedisExtension.class) {
            return this;
        }
        // a test instance of a PER_CLASS lifecycle is made before beforeAll runs: start the server for it
        return start(classContext(context));
    }
}
