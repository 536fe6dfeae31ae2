package dev.petrel.redis.command.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Err;
import java.util.List;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class CommandCommandsTest {
    private final RedisHarness redis = new RedisHarness();
    private final RedisHarness.Conn c = redis.connect();

    @Test
    void countIsTheNumberOfTopLevelCommands() {
        assertThat(c.call("COMMAND", "COUNT"))
                .isEqualTo((long) redis.instance.commands().size());
        assertThat(c.call("COMMAND", "COUNT", "x"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'command|count' command"));
    }

    @Test
    void infoOfGetHasRedisShape() {
        List<Object> all = (List<Object>) c.call("COMMAND", "INFO", "get", "nosuch");
        assertThat(all).hasSize(2);
        assertThat(all.get(1)).isNull();
        List<Object> get = (List<Object>) all.get(0);
        assertThat(get.subList(0, 8))
                .containsExactly(
                        "get",
                        2L,
                        List.of("readonly", "fast"),
                        1L,
                        1L,
                        1L,
                        List.of("@read", "@string", "@fast"),
                        List.of());
        assertThat(get.get(8))
                .isEqualTo(List.of(List.of(
                        "flags",
                        List.of("RO", "access"),
                        "begin_search",
                        List.of("type", "index", "spec", List.of("index", 1L)),
                        "find_keys",
                        List.of("type", "range", "spec", List.of("lastkey", 0L, "keystep", 1L, "limit", 0L)))));
        assertThat(get.get(9)).isEqualTo(List.of());
    }

    @Test
    void infoOfAContainerListsItsSubcommands() {
        List<Object> config = (List<Object>) ((List<Object>) c.call("COMMAND", "INFO", "config")).get(0);
        assertThat(config.subList(0, 7)).containsExactly("config", -2L, List.of(), 0L, 0L, 0L, List.of("@slow"));
        List<Object> subs = (List<Object>) config.get(9);
        assertThat(subs.stream().map(s -> (Object) ((List<?>) s).get(0)).toList())
                .contains("config|get", "config|set", "config|help");
        List<Object> get = (List<Object>) ((List<Object>) c.call("COMMAND", "INFO", "config|get")).get(0);
        assertThat(get.subList(0, 7))
                .containsExactly(
                        "config|get",
                        -3L,
                        List.of("admin", "noscript", "loading", "stale"),
                        0L,
                        0L,
                        0L,
                        List.of("@admin", "@slow", "@dangerous"));
        List<Object> command = (List<Object>) ((List<Object>) c.call("COMMAND", "INFO", "command")).get(0);
        assertThat(command.get(6)).isEqualTo(List.of("@slow", "@connection"));
    }

    @Test
    void infoWithoutNamesIsEveryCommand() {
        assertThat((List<Object>) c.call("COMMAND", "INFO"))
                .hasSize(redis.instance.commands().size());
    }

    @Test
    void docsOfSetParseItsSyntax() {
        List<Object> docs = (List<Object>) c.call("COMMAND", "DOCS", "set", "nosuch");
        assertThat(docs).hasSize(2);
        assertThat(docs.get(0)).isEqualTo("set");
        List<Object> set = (List<Object>) docs.get(1);
        assertThat(set.subList(0, 4)).containsExactly("summary", set.get(1), "since", "1.0.0");
        int at = set.indexOf("arguments");
        List<Object> args = (List<Object>) set.get(at + 1);
        assertThat(args.get(0)).isEqualTo(List.of("name", "key", "type", "key", "key_spec_index", 0L));
        assertThat(args.get(1)).isEqualTo(List.of("name", "value", "type", "string"));
        assertThat(args.get(3))
                .isEqualTo(List.of("name", "get", "type", "pure-token", "token", "GET", "flags", List.of("optional")));
        List<Object> expiration = (List<Object>) args.get(4);
        assertThat(expiration.subList(2, 6)).containsExactly("type", "oneof", "flags", List.of("optional"));
        assertThat(((List<Object>) expiration.get(7)).get(0))
                .isEqualTo(List.of("name", "seconds", "type", "integer", "token", "EX"));
    }

    @Test
    void docsOfAContainerNestSubcommands() {
        List<Object> docs = (List<Object>) c.call("COMMAND", "DOCS", "config");
        List<Object> config = (List<Object>) docs.get(1);
        List<Object> subs = (List<Object>) config.get(config.indexOf("subcommands") + 1);
        assertThat(subs).contains("config|get", "config|set");
        assertThat(c.call("COMMAND", "DOCS", "nosuch")).isEqualTo(List.of());
    }

    @Test
    void listFiltersByCategoryPatternAndModule() {
        List<Object> all = (List<Object>) c.call("COMMAND", "LIST");
        assertThat(all).contains("get", "config", "config|get", "command|list");
        assertThat((List<Object>) c.call("COMMAND", "LIST", "FILTERBY", "PATTERN", "config|g*"))
                .containsExactly("config|get");
        assertThat((List<Object>) c.call("COMMAND", "LIST", "filterby", "aclcat", "String"))
                .contains("get", "set")
                .doesNotContain("config");
        assertThat(c.call("COMMAND", "LIST", "FILTERBY", "MODULE", "x")).isEqualTo(List.of());
        assertThat(c.call("COMMAND", "LIST", "FILTERBY", "FOO", "x")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("COMMAND", "LIST", "x")).isEqualTo(new Err("ERR syntax error"));
        assertThat(c.call("COMMAND", "LIST", "FILTERBY", "PATTERN")).isEqualTo(new Err("ERR syntax error"));
    }

    @Test
    void getkeysFindsKeysAndExplainsWhyNot() {
        assertThat(c.call("COMMAND", "GETKEYS", "SET", "k", "v")).isEqualTo(List.of("k"));
        assertThat(c.call("COMMAND", "GETKEYS", "DEL", "a", "b", "c")).isEqualTo(List.of("a", "b", "c"));
        assertThat(c.call("COMMAND", "GETKEYS", "get"))
                .isEqualTo(new Err("ERR wrong number of arguments for 'command|getkeys' command"));
        assertThat(c.call("COMMAND", "GETKEYS", "foo", "a")).isEqualTo(new Err("ERR Invalid command specified"));
        assertThat(c.call("COMMAND", "GETKEYS", "get", "a", "b"))
                .isEqualTo(new Err("ERR Invalid number of arguments specified for command"));
        assertThat(c.call("COMMAND", "GETKEYS", "config", "get", "x"))
                .isEqualTo(new Err("ERR The command has no key arguments"));
        assertThat(c.call("COMMAND", "GETKEYS", "config", "foo", "x"))
                .isEqualTo(new Err("ERR Invalid command specified"));
        assertThat(c.call("COMMAND", "GETKEYSANDFLAGS", "SET", "k", "v"))
                .isEqualTo(List.of(List.of("k", List.of("RW", "update"))));
    }

    @Test
    void helpAndUnknownSubcommand() {
        List<Object> help = (List<Object>) c.call("COMMAND", "HELP");
        assertThat(help.get(0)).isEqualTo("COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        assertThat(help).contains("GETKEYS <full-command>");
        assertThat(c.call("COMMAND", "FOO")).isEqualTo(new Err("ERR unknown subcommand 'FOO'. Try COMMAND HELP."));
    }

    @Test
    void categoriesFollowFlagsAndGroup() {
        List<Object> info =
                (List<Object>) ((List<Object>) c.call("COMMAND", "INFO", "flushall", "time", "lastsave")).get(0);
        assertThat(info.get(6)).isEqualTo(List.of("@keyspace", "@write", "@slow", "@dangerous"));
        List<Object> time = (List<Object>) ((List<Object>) c.call("COMMAND", "INFO", "time")).get(0);
        assertThat(time.get(6)).isEqualTo(List.of("@fast"));
        List<Object> lastsave = (List<Object>) ((List<Object>) c.call("COMMAND", "INFO", "lastsave")).get(0);
        assertThat(lastsave.get(6)).isEqualTo(List.of("@admin", "@fast", "@dangerous"));
    }
}
