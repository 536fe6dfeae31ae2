package dev.petrel.redis.command.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientCommandsTest {
    private static final Err BAD_NAME =
            new Err("ERR Client names cannot contain spaces, newlines or special characters.");

    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    @Test
    void idsAreDistinctAndIncreasing() {
        long first = (Long) c.call("CLIENT", "ID");
        long second = (Long) redis.connect().call("CLIENT", "ID");
        assertThat(second).isGreaterThan(first);
        assertThat(c.call("CLIENT", "ID")).isEqualTo(first);
        assertThat(c.call("CLIENT", "ID", "x"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'client|id' command"));
    }

    @Test
    void setnameAndGetname() {
        assertThat(c.call("CLIENT", "GETNAME")).isNull();
        assertThat(c.call("CLIENT", "SETNAME", "~!worker-1")).isEqualTo("OK");
        assertThat(c.call("CLIENT", "GETNAME")).isEqualTo("~!worker-1");
        assertThat(c.call("CLIENT", "SETNAME", "a b")).isEqualTo(BAD_NAME);
        assertThat(c.call("CLIENT", "SETNAME", "a\nb")).isEqualTo(BAD_NAME);
        assertThat(c.call("CLIENT", "SETNAME", "é")).isEqualTo(BAD_NAME);
        assertThat(c.call("CLIENT", "GETNAME")).isEqualTo("~!worker-1");
        assertThat(c.call("CLIENT", "SETNAME", "")).isEqualTo("OK");
        assertThat(c.call("CLIENT", "GETNAME")).isNull();
        assertThat(c.call("CLIENT", "SETNAME"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'client|setname' command"));
        assertThat(c.call("CLIENT", "GETNAME", "x"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'client|getname' command"));
    }

    @Test
    void setinfoSetsTheLibraryAsClientListShowsIt() {
        assertThat(c.call("CLIENT", "SETINFO", "lib-name", "Lettuce")).isEqualTo("OK");
        assertThat(c.call("CLIENT", "SETINFO", "LIB-VER", "6.3.2.RELEASE")).isEqualTo("OK");
        assertThat((String) c.call("CLIENT", "INFO")).endsWith(" lib-name=Lettuce lib-ver=6.3.2.RELEASE\n");
        assertThat(c.call("CLIENT", "SETINFO", "lib-name", "a b"))
                .isEqualTo(new Err("ERR lib-name cannot contain spaces, newlines or special characters."));
        assertThat(c.call("CLIENT", "SETINFO", "foo", "x")).isEqualTo(new Err("ERR Unrecognized option 'foo'"));
        assertThat(c.call("CLIENT", "SETINFO", "lib-name"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'client|setinfo' command"));
    }

    @Test
    void replyOffDropsRepliesUntilOn() {
        assertThat(c.send(RedisHarness.encode("CLIENT", "REPLY", "OFF"))).isEmpty();
        assertThat(c.send(RedisHarness.encode("SET", "k", "v"))).isEmpty();
        assertThat(c.send(RedisHarness.encode("NOSUCH"))).isEmpty(); // errors too
        assertThat(c.send(RedisHarness.encode("CLIENT", "REPLY", "SKIP"))).isEmpty(); // no effect while OFF
        assertThat(c.call("CLIENT", "REPLY", "ON")).isEqualTo("OK");
        assertThat(c.call("GET", "k")).isEqualTo("v");
    }

    @Test
    void replySkipDropsTheNextReplyOnly() {
        byte[] pipeline = concat(
                RedisHarness.encode("CLIENT", "REPLY", "SKIP"),
                RedisHarness.encode("INCR", "n"),
                RedisHarness.encode("INCR", "n"),
                RedisHarness.encode("INCR", "n"));
        assertThat(c.send(pipeline)).containsExactly(2L, 3L);
        assertThat(c.send(RedisHarness.encode("CLIENT", "REPLY", "SKIP"))).isEmpty();
        assertThat(c.call("CLIENT", "REPLY", "ON")).isEqualTo("OK"); // ON answers even when skipped
        assertThat(c.call("CLIENT", "REPLY", "maybe")).isEqualTo(new Err("ERR syntax error"));
    }

    @Test
    void noEvictAndNoTouchShowAsFlags() {
        assertThat(c.call("CLIENT", "NO-EVICT", "on")).isEqualTo("OK");
        assertThat((String) c.call("CLIENT", "INFO")).contains(" flags=e ");
        assertThat(c.call("CLIENT", "NO-TOUCH", "ON")).isEqualTo("OK");
        assertThat((String) c.call("CLIENT", "INFO")).contains(" flags=eT ");
        assertThat(c.call("CLIENT", "NO-EVICT", "off")).isEqualTo("OK");
        assertThat(c.call("CLIENT", "NO-TOUCH", "off")).isEqualTo("OK");
        assertThat((String) c.call("CLIENT", "INFO")).contains(" flags=N ");
        assertThat(c.call("CLIENT", "NO-EVICT", "x")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("CLIENT", "NO-TOUCH", "x")).isEqualTo(new Err("ERR syntax error"));
    }

    @Test
    void noTouchLeavesIdleTimeAlone() {
        c.call("SET", "k", "v");
        redis.advance(java.time.Duration.ofSeconds(20));
        c.call("CLIENT", "NO-TOUCH", "on");
        c.call("GET", "k");
        assertThat((Long) c.call("OBJECT", "IDLETIME", "k")).isGreaterThanOrEqualTo(19L);
        c.call("CLIENT", "NO-TOUCH", "off");
        c.call("GET", "k");
        assertThat((Long) c.call("OBJECT", "IDLETIME", "k")).isLessThan(2L);
    }

    @Test
    void helpAndUnknownSubcommands() {
        @SuppressWarnings("unchecked")
        List<Object> help = (List<Object>) c.call("CLIENT", "HELP");
        assertThat(help.get(0)).isEqualTo("CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        assertThat(help).contains("SETINFO <option> <value>", "NO-TOUCH (ON|OFF)", "PAUSE <timeout> [WRITE|ALL]");
        assertThat(help.get(help.size() - 1)).isEqualTo("    Prints this help.");
        assertThat(c.call("CLIENT", "FOO")).isEqualTo(new Err("ERR unknown subcommand 'FOO'. Try CLIENT HELP."));
        assertThat(c.call("CLIENT")).isEqualTo(new Err("ERR wrong number of arguments for 'client' command"));
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
