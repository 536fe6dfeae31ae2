package dev.petrel.redis.command.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientListTest {
    private static final List<String> FIELDS = List.of(
            "id",
            "addr",
            "laddr",
            "fd",
            "name",
            "age",
            "idle",
            "flags",
            "db",
            "sub",
            "psub",
            "ssub",
            "multi",
            "qbuf",
            "qbuf-free",
            "argv-mem",
            "multi-mem",
            "rbs",
            "rbp",
            "obl",
            "oll",
            "omem",
            "tot-mem",
            "events",
            "cmd",
            "user",
            "redir",
            "resp",
            "lib-name",
            "lib-ver");

    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    private static List<String> names(String line) {
        List<String> out = new ArrayList<>();
        for (String f : line.strip().split(" ")) {
            out.add(f.substring(0, f.indexOf('=')));
        }
        return out;
    }

    private static String field(String line, String name) {
        for (String f : line.strip().split(" ")) {
            if (f.startsWith(name + "=")) {
                return f.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + line);
    }

    @Test
    void infoHasRedisFieldsInRedisOrder() {
        c.transport.setPeer(new InetSocketAddress("127.0.0.1", 41000));
        c.call("CLIENT", "SETNAME", "me");
        c.call("SELECT", "2");
        redis.advance(Duration.ofSeconds(3));
        String info = (String) c.call("CLIENT", "INFO");
        assertThat(info).endsWith("\n").doesNotContain("\n\n");
        assertThat(names(info)).isEqualTo(FIELDS);
        assertThat(field(info, "id")).isEqualTo(String.valueOf(c.call("CLIENT", "ID")));
        assertThat(field(info, "addr")).isEqualTo("127.0.0.1:41000");
        assertThat(field(info, "laddr")).isEqualTo("127.0.0.1:5000");
        assertThat(field(info, "name")).isEqualTo("me");
        assertThat(field(info, "age")).isEqualTo("3");
        assertThat(field(info, "idle")).isEqualTo("0");
        assertThat(field(info, "db")).isEqualTo("2");
        assertThat(field(info, "argv-mem")).isEqualTo("10"); // "client" + "info"
        assertThat(field(info, "cmd")).isEqualTo("client|info");
        assertThat(field(info, "user")).isEqualTo("default");
        assertThat(field(info, "resp")).isEqualTo("2");
        assertThat(field(info, "flags")).isEqualTo("N");
        assertThat(field(info, "events")).isEqualTo("r");
    }

    @Test
    void listShowsEveryClientInConnectionOrder() {
        RedisHarness.Conn other = redis.connect();
        other.call("GET", "k");
        redis.advance(Duration.ofSeconds(5));
        String list = (String) c.call("CLIENT", "LIST");
        String[] lines = list.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(field(lines[0], "cmd")).isEqualTo("client|list");
        assertThat(field(lines[1], "cmd")).isEqualTo("get");
        assertThat(field(lines[1], "idle")).isEqualTo("5");
        assertThat(field(lines[1], "argv-mem")).isEqualTo("0");
        assertThat(names(lines[1])).isEqualTo(FIELDS);
    }

    @Test
    void listFilters() {
        RedisHarness.Conn other = redis.connect();
        long otherId = (Long) other.call("CLIENT", "ID");
        long myId = (Long) c.call("CLIENT", "ID");
        String byId = (String) c.call("CLIENT", "LIST", "ID", String.valueOf(otherId), "999", String.valueOf(myId));
        String[] lines = byId.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(field(lines[0], "id")).isEqualTo(String.valueOf(otherId));
        assertThat(field(lines[1], "id")).isEqualTo(String.valueOf(myId));
        assertThat(c.call("CLIENT", "LIST", "ID", "0")).isEqualTo("");
        assertThat(((String) c.call("CLIENT", "LIST", "TYPE", "normal")).split("\n"))
                .hasSize(2);
        assertThat(c.call("CLIENT", "LIST", "TYPE", "replica")).isEqualTo("");
        assertThat(c.call("CLIENT", "LIST", "TYPE", "master")).isEqualTo("");
        assertThat(c.call("CLIENT", "LIST", "TYPE", "pubsub")).isEqualTo("");
    }

    @Test
    void listErrors() {
        assertThat(c.call("CLIENT", "LIST", "TYPE", "foo")).isEqualTo(new Err("ERR Unknown client type 'foo'"));
        assertThat(c.call("CLIENT", "LIST", "ID", "x")).isEqualTo(new Err("ERR Invalid client ID"));
        assertThat(c.call("CLIENT", "LIST", "ID", "1", "TYPE", "normal")).isEqualTo(new Err("ERR Invalid client ID"));
        assertThat(c.call("CLIENT", "LIST", "TYPE", "normal", "ID", "1")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("CLIENT", "LIST", "ID")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("CLIENT", "LIST", "foo")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("CLIENT", "INFO", "x"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'client|info' command"));
    }

    @Test
    void aBacklogOfRepliesShowsAsRedisReportsIt() {
        RedisHarness.Conn slow = redis.connect();
        long id = (Long) slow.call("CLIENT", "ID");
        slow.transport.holdWrites(true);
        slow.send(RedisHarness.encode("SET", "big", "x".repeat(100_000)));
        slow.send(RedisHarness.encode("GET", "big"));
        String line = (String) c.call("CLIENT", "LIST", "ID", String.valueOf(id));
        long pending = slow.transport.pendingOutboundBytes();
        assertThat(field(line, "obl")).isEqualTo("16384");
        assertThat(field(line, "omem")).isEqualTo(String.valueOf(pending - 16384));
        assertThat(field(line, "oll")).isEqualTo("6");
        assertThat(field(line, "events")).isEqualTo("rw");
    }

    @Test
    void resp3RepliesAreVerbatimText() {
        c.call("HELLO", "3");
        c.call("CLIENT", "LIST");
        assertThat(c.transport.writtenString()).startsWith("=").contains("txt:id=");
    }

    @Test
    void anUnfinishedRequestCountsInTheQueryBuffer() {
        RedisHarness.Conn other = redis.connect();
        long otherId = (Long) other.call("CLIENT", "ID");
        other.send("*3\r\n$3\r\nSET\r\n$1\r\nk");
        String line = (String) c.call("CLIENT", "LIST", "ID", String.valueOf(otherId));
        assertThat(field(line, "qbuf")).isNotEqualTo("0");
    }
}
