package dev.petrel.redis.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisServer;
import dev.petrel.redis.testing.PetrelRedisExtension;
import java.io.IOException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension itself: one server per class, shared with nested classes, injected, flushed between tests. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PetrelRedisExtensionIT {
    @RegisterExtension
    static final PetrelRedisExtension redis = new PetrelRedisExtension().flushAllBeforeEach();

    private final RedisServer injected;

    PetrelRedisExtensionIT(RedisServer server) {
        this.injected = server;
    }

    @Test
    @Order(1)
    void theServerListensOnAFreePortOfLoopback() throws IOException {
        assertThat(redis.port()).isPositive().isNotEqualTo(6379);
        assertThat(redis.host()).isEqualTo("127.0.0.1");
        assertThat(injected).isSameAs(redis.server());
        try (RawClient c = new RawClient(redis.port())) {
            assertThat(c.call("SET", "left", "behind")).isEqualTo("OK");
            assertThat(c.call("SELECT", "5")).isEqualTo("OK");
            assertThat(c.call("SET", "also", "behind")).isEqualTo("OK");
        }
    }

    @Test
    @Order(2)
    void everyDatabaseIsEmptyAgainBeforeTheNextTest(PetrelRedisExtension extension) throws IOException {
        assertThat(extension).isSameAs(redis);
        try (RawClient c = new RawClient(redis.port())) {
            assertThat(c.call("DBSIZE")).isEqualTo(0L);
            assertThat(c.call("SELECT", "5")).isEqualTo("OK");
            assertThat(c.call("DBSIZE")).isEqualTo(0L);
        }
    }

    @Nested
    class InANestedClass {
        @Test
        void sharesTheEnclosingClassServer(RedisServer server) {
            assertThat(server).isSameAs(redis.server());
        }
    }
}
