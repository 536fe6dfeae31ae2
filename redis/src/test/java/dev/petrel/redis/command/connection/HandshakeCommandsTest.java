package dev.petrel.redis.command.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisConfig;
import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandshakeCommandsTest {
    private static final Err WRONGPASS = new Err("WRONGPASS invalid username-password pair or user is disabled.");
    private static final Err NOAUTH = new Err("NOAUTH Authentication required.");

    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    private static List<Object> hello(long proto, long id) {
        return List.of(
                "server",
                "redis",
                "version",
                "7.0.15",
                "proto",
                proto,
                "id",
                id,
                "mode",
                "standalone",
                "role",
                "master",
                "modules",
                List.of());
    }

    @Test
    void helloWithoutArgumentsDescribesTheConnection() {
        long id = (Long) c.call("CLIENT", "ID");
        assertThat(c.call("HELLO")).isEqualTo(hello(2, id));
        assertThat(c.transport.writtenString()).startsWith("*14\r\n$6\r\nserver\r\n");
    }

    @Test
    void hello3SwitchesToResp3() {
        long id = (Long) c.call("CLIENT", "ID");
        assertThat(c.call("HELLO", "3")).isEqualTo(hello(3, id));
        assertThat(c.transport.writtenString()).startsWith("%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n");
        c.call("GET", "missing");
        assertThat(c.transport.writtenString()).isEqualTo("_\r\n");
        c.call("CLIENT", "INFO");
        assertThat(c.transport.writtenString())
                .startsWith("=")
                .contains("txt:id=" + id)
                .contains(" resp=3 ");
        assertThat(c.call("HELLO")).isEqualTo(hello(3, id));
        assertThat(c.call("HELLO", "2")).isEqualTo(hello(2, id));
        c.call("GET", "missing");
        assertThat(c.transport.writtenString()).isEqualTo("$-1\r\n");
    }

    @Test
    void helloRejectsBadVersionsAndOptions() {
        assertThat(c.call("HELLO", "1")).isEqualTo(new Err("NOPROTO unsupported protocol version"));
        assertThat(c.call("HELLO", "4", "FOO")).isEqualTo(new Err("NOPROTO unsupported protocol version"));
        assertThat(c.call("HELLO", "x")).isEqualTo(new Err("ERR Protocol version is not an integer or out of range"));
        assertThat(c.call("HELLO", "3", "AUTH", "a")).isEqualTo(new Err("ERR Syntax error in HELLO option 'AUTH'"));
        assertThat(c.call("HELLO", "3", "SETNAME")).isEqualTo(new Err("ERR Syntax error in HELLO option 'SETNAME'"));
        assertThat(c.call("HELLO", "3", "foo")).isEqualTo(new Err("ERR Syntax error in HELLO option 'foo'"));
        assertThat(c.call("HELLO", "3", "SETNAME", "a b"))
                .isEqualTo(new Err("ERR Client names cannot contain spaces, newlines or special characters."));
        assertThat(c.call("GET", "missing")).isNull();
        assertThat(c.transport.writtenString()).isEqualTo("$-1\r\n"); // still RESP2 after the errors
    }

    @Test
    void helloSetsTheNameAndTakesAnyPasswordWithoutRequirepass() {
        c.call("HELLO", "2", "SETNAME", "x", "SETNAME", "y");
        assertThat(c.call("CLIENT", "GETNAME")).isEqualTo("y");
        assertThat(c.call("HELLO", "2", "AUTH", "default", "anything")).isInstanceOf(List.class);
        assertThat(c.call("HELLO", "2", "AUTH", "nobody", "anything")).isEqualTo(WRONGPASS);
    }

    @Test
    void helloWithAPasswordRequired() {
        RedisHarness locked = new RedisHarness(new RedisConfig().port(0).requirepass("pw"));
        RedisHarness.Conn l = locked.connect();
        assertThat(l.call("HELLO", "3"))
                .isEqualTo(new Err("NOAUTH HELLO must be called with the client already authenticated, otherwise the"
                        + " HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP"
                        + " protocol version at the same time"));
        assertThat(l.call("HELLO", "1")).isEqualTo(new Err("NOPROTO unsupported protocol version"));
        assertThat(l.call("HELLO", "3", "AUTH", "default", "wrong")).isEqualTo(WRONGPASS);
        assertThat(l.call("HELLO", "3", "AUTH", "other", "pw")).isEqualTo(WRONGPASS);
        assertThat(l.call("PING")).isEqualTo(NOAUTH);
        assertThat(l.call("HELLO", "3", "AUTH", "default", "pw", "SETNAME", "n"))
                .isInstanceOf(List.class);
        assertThat(l.transport.writtenString()).startsWith("%7\r\n");
        assertThat(l.call("CLIENT", "GETNAME")).isEqualTo("n");
        assertThat(l.call("PING")).isEqualTo("PONG");
    }

    @Test
    void authWithoutAPasswordConfigured() {
        assertThat(c.call("AUTH", "x"))
                .isEqualTo(new Err("ERR AUTH <password> called without any password configured for the default user."
                        + " Are you sure your configuration is correct?"));
        assertThat(c.call("AUTH", "default", "x")).isEqualTo("OK");
        assertThat(c.call("AUTH", "foo", "x")).isEqualTo(WRONGPASS);
        assertThat(c.call("AUTH", "a", "b", "c")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("AUTH")).isEqualTo(new Err("ERR wrong number of arguments for 'auth' command"));
    }

    @Test
    void authWithRequirepass() {
        RedisHarness locked = new RedisHarness(new RedisConfig().port(0).requirepass("pw"));
        RedisHarness.Conn l = locked.connect();
        assertThat(l.call("PING")).isEqualTo(NOAUTH);
        assertThat(l.call("CLIENT", "ID")).isEqualTo(NOAUTH);
        assertThat(l.call("AUTH", "wrong")).isEqualTo(WRONGPASS);
        assertThat(l.call("AUTH", "DEFAULT", "pw")).isEqualTo(WRONGPASS); // user names are case-sensitive
        assertThat(l.call("AUTH", "pw")).isEqualTo("OK");
        assertThat(l.call("PING")).isEqualTo("PONG");
        assertThat(l.call("AUTH", "wrong")).isEqualTo(WRONGPASS);
        assertThat(l.call("PING")).isEqualTo("PONG"); // a failed AUTH does not sign out
        assertThat(l.call("RESET")).isEqualTo("RESET");
        assertThat(l.call("PING")).isEqualTo(NOAUTH);
        assertThat(l.call("AUTH", "default", "pw")).isEqualTo("OK");
        assertThat(l.call("PING")).isEqualTo("PONG");
    }

    @Test
    void resetStartsTheConnectionOver() {
        c.call("HELLO", "3", "SETNAME", "foo");
        c.call("SELECT", "3");
        c.call("SET", "k", "v");
        c.call("CLIENT", "NO-EVICT", "on");
        c.call("CLIENT", "NO-TOUCH", "on");
        assertThat(c.send(RedisHarness.encode("CLIENT", "REPLY", "OFF"))).isEmpty();
        assertThat(c.call("RESET")).isEqualTo("RESET");
        assertThat(c.transport.writtenString()).isEqualTo("+RESET\r\n");
        assertThat(c.call("CLIENT", "GETNAME")).isNull();
        assertThat(c.transport.writtenString()).isEqualTo("$-1\r\n");
        assertThat(c.call("GET", "k")).isNull(); // database 0 again
        assertThat((String) c.call("CLIENT", "INFO"))
                .contains(" flags=e ")
                .contains(" db=0 ")
                .contains(" resp=2 ");
        assertThat(c.call("RESET", "x")).isEqualTo(new Err("ERR wrong number of arguments for 'reset' command"));
    }

    @Test
    void aSkippedResetHasNoReply() {
        assertThat(c.send(RedisHarness.encode("CLIENT", "REPLY", "SKIP"))).isEmpty();
        assertThat(c.send(RedisHarness.encode("RESET"))).isEmpty();
        assertThat(c.call("PING")).isEqualTo("PONG");
    }
}
