package dev.petrel.server;

import dev.petrel.reactor.Reactor;
import dev.petrel.redis.RedisConfig;
import dev.petrel.redis.RedisServer;
import java.net.InetSocketAddress;

/** The Redis-compatible door: a {@link RedisServer} on the server's reactor. */
final class RedisDoor implements Door {
    private final RedisConfig config;
    private RedisServer server;

    RedisDoor(RedisConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public InetSocketAddress start(Reactor reactor) {
        server = RedisServer.open(reactor, config);
        return server.listener().address();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
