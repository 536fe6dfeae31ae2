package dev.petrel.redis.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.petrel.redis.RedisServer;

/**
 * Skips a test, saying why, while a command it needs is not in the server's table yet: the Redis door grows command
 * family by family, and the client tests cover each as it lands.
 */
final class Landed {
    private Landed() {}

    static boolean has(RedisServer server, String command) {
        // the table is filled before the server starts and never changes, so reading it from here is safe
        return server.instance().commands().find(command) != null;
    }

    static void assumeCommands(RedisServer server, String... commands) {
        for (String c : commands) {
            assumeTrue(has(server, c), () -> c + " is not implemented yet: this test starts running once it is");
        }
    }
}
