package dev.petrel.redis.command.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ClientKillTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn me = connect(41001);
    private final RedisHarness.Conn a = connect(41002);
    private final RedisHarness.Conn b = connect(41003);

    private RedisHarness.Conn connect(int port) {
        RedisHarness.Conn c = redis.connect();
        c.transport.setPeer(new InetSocketAddress("127.0.0.1", port));
        return c;
    }

    private static String id(RedisHarness.Conn c) {
        return String.valueOf(c.call("CLIENT", "ID"));
    }

    @Test
    void oldFormKillsByAddress() {
        assertThat(me.call("CLIENT", "KILL", "127.0.0.1:41002")).isEqualTo("OK");
        assertThat(a.closed()).isTrue();
        assertThat(b.closed()).isFalse();
        assertThat(me.closed()).isFalse();
        assertThat(me.call("CLIENT", "KILL", "127.0.0.1:41002")).isEqualTo(new Err("ERR No such client"));
        assertThat(((String) me.call("CLIENT", "LIST")).split("\n")).hasSize(2);
    }

    @Test
    void oldFormMayKillTheCallerAfterItsReply() {
        assertThat(me.call("CLIENT", "KILL", "127.0.0.1:41001")).isEqualTo("OK");
        assertThat(me.closed()).isTrue();
    }

    @Test
    void killById() {
        String bId = id(b);
        assertThat(me.call("CLIENT", "KILL", "ID", bId)).isEqualTo(1L);
        assertThat(b.closed()).isTrue();
        assertThat(a.closed()).isFalse();
        assertThat(me.call("CLIENT", "KILL", "ID", bId)).isEqualTo(0L);
        assertThat(me.call("CLIENT", "KILL", "ID", "99999")).isEqualTo(0L);
    }

    @Test
    void filtersMustAllMatch() {
        assertThat(me.call("CLIENT", "KILL", "ID", id(a), "ADDR", "127.0.0.1:41003"))
                .isEqualTo(0L);
        assertThat(me.call("CLIENT", "KILL", "ADDR", "127.0.0.1:41003", "TYPE", "normal", "USER", "default"))
                .isEqualTo(1L);
        assertThat(b.closed()).isTrue();
        assertThat(a.closed()).isFalse();
    }

    @Test
    void skipmeSparesTheCallerUnlessNo() {
        assertThat(me.call("CLIENT", "KILL", "LADDR", "127.0.0.1:5000")).isEqualTo(2L);
        assertThat(a.closed()).isTrue();
        assertThat(b.closed()).isTrue();
        assertThat(me.closed()).isFalse();
        assertThat(me.call("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes")).isEqualTo(0L);
        assertThat(me.call("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "no")).isEqualTo(1L);
        assertThat(me.closed()).isTrue();
    }

    @Test
    void aKilledClientsUnsentRepliesAreDropped() {
        String aId = id(a);
        a.transport.holdWrites(true);
        a.send(RedisHarness.encode("PING"));
        assertThat(a.transport.pendingOutboundBytes()).isPositive();
        assertThat((String) me.call("CLIENT", "LIST", "ID", aId)).contains(" obl=7 oll=0 omem=0 ");
        me.call("CLIENT", "KILL", "ID", aId);
        assertThat(a.transport.isAborted()).isTrue();
    }

    @Test
    void killErrors() {
        assertThat(me.call("CLIENT", "KILL", "ID", "x")).isEqualTo(new Err("ERR client-id should be greater than 0"));
        assertThat(me.call("CLIENT", "KILL", "ID", "0")).isEqualTo(new Err("ERR client-id should be greater than 0"));
        assertThat(me.call("CLIENT", "KILL", "TYPE", "foo")).isEqualTo(new Err("ERR Unknown client type 'foo'"));
        assertThat(me.call("CLIENT", "KILL", "USER", "nobody")).isEqualTo(new Err("ERR No such user 'nobody'"));
        assertThat(me.call("CLIENT", "KILL", "SKIPME", "maybe")).isEqualTo(new Err("ERR syntax error"));
        assertThat(me.call("CLIENT", "KILL", "FOO", "bar")).isEqualTo(new Err("ERR syntax error"));
        assertThat(me.call("CLIENT", "KILL", "ID", "1", "TYPE")).isEqualTo(new Err("ERR syntax error"));
        assertThat(me.call("CLIENT", "KILL", "ID")).isEqualTo(new Err("ERR No such client"));
        assertThat(me.call("CLIENT", "KILL"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'client|kill' command"));
        assertThat(a.closed()).isFalse();
        assertThat(b.closed()).isFalse();
    }
}
