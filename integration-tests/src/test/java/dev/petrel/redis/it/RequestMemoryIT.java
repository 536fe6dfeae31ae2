package dev.petrel.redis.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.testing.PetrelRedisExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a request costs the server before it has arrived: a client that declares a large bulk string and sends
 * nothing more must not make the server hold memory it has not received (Redis's own buffer is reserved with
 * malloc, which costs no pages until they are written; a Java array is zeroed, so it costs all of them at once).
 */
@Timeout(60)
class RequestMemoryIT {
    private static final Logger PETREL_LOG = Logger.getLogger("dev.petrel");

    @RegisterExtension
    static final PetrelRedisExtension redis = new PetrelRedisExtension();

    @Test
    void declaredButUnsentBulkStringsCostNoHeap() throws Exception {
        ConcurrentLinkedQueue<String> logged = new ConcurrentLinkedQueue<>();
        Handler failures = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    logged.add(r.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        PETREL_LOG.addHandler(failures);
        List<RawClient> clients = new ArrayList<>();
        try {
            // 64 x 512 MiB is more than any test JVM's heap: reserving them up front fails
            for (int i = 0; i < 64; i++) {
                RawClient c = new RawClient(redis.port());
                clients.add(c);
                c.write("*2\r\n$4\r\nECHO\r\n$536870912\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            try (RawClient probe = new RawClient(redis.port())) {
                assertThat(probe.call("PING")).isEqualTo("PONG");
            }
            assertThat(logged).as("failures the server logged").isEmpty();
        } finally {
            PETREL_LOG.removeHandler(failures);
            for (RawClient c : clients) {
                c.close();
            }
        }
    }
}
