package dev.petrel.redis.command.pubsub;

import static dev.petrel.redis.command.pubsub.PubSubCommandsTest.l;
import static dev.petrel.redis.command.pubsub.PubSubCommandsTest.received;
import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.redis.RedisHarness;
import dev.petrel.redis.RedisHarness.Conn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyspaceNotificationsTest {
    private final RedisHarness redis = new RedisHarness();
    private final Conn sub = redis.connect();
    private final Conn c = redis.connect();

    /** Subscribes to every keyspace channel with {@code classes} on; events then come as "channel message". */
    private void listen(String classes) {
        c.call("CONFIG", "SET", "notify-keyspace-events", classes);
        sub.call("PSUBSCRIBE", "__key*");
        received(sub);
    }

    private List<String> events() {
        List<String> out = new ArrayList<>();
        for (Object m : received(sub)) {
            List<?> msg = (List<?>) m;
            out.add(msg.get(2) + " " + msg.get(3));
        }
        return out;
    }

    @Test
    void setAndDelOnBothChannels() {
        listen("KEA");
        c.call("SET", "k", "v");
        assertThat(events()).containsExactly("__keyspace@0__:k set", "__keyevent@0__:set k");
        c.call("DEL", "k", "missing");
        assertThat(events()).containsExactly("__keyspace@0__:k del", "__keyevent@0__:del k");
    }

    @Test
    void onlyTheChosenChannelsAndClasses() {
        listen("Kg");
        c.call("SET", "k", "v");
        assertThat(events()).isEmpty(); // $ is not on
        c.call("EXPIRE", "k", "100");
        assertThat(events()).containsExactly("__keyspace@0__:k expire");
        c.call("CONFIG", "SET", "notify-keyspace-events", "E$");
        c.call("SET", "k", "w");
        assertThat(events()).containsExactly("__keyevent@0__:set k");
        c.call("CONFIG", "SET", "notify-keyspace-events", "A");
        c.call("SET", "k", "w");
        assertThat(events()).isEmpty(); // neither K nor E
        c.call("CONFIG", "SET", "notify-keyspace-events", "");
        c.call("SET", "k", "w");
        assertThat(events()).isEmpty();
    }

    @Test
    void newKeysWithTheNClassEvenUnderA() {
        listen("KEAn");
        assertThat(c.call("CONFIG", "GET", "notify-keyspace-events"))
                .isEqualTo(List.of("notify-keyspace-events", "AKE")); // as Redis shows it
        c.call("SET", "k", "v");
        assertThat(events())
                .containsExactly(
                        "__keyspace@0__:k new", "__keyevent@0__:new k", "__keyspace@0__:k set", "__keyevent@0__:set k");
        c.call("SET", "k", "w");
        assertThat(events()).containsExactly("__keyspace@0__:k set", "__keyevent@0__:set k");
        c.call("CONFIG", "SET", "notify-keyspace-events", "KA");
        c.call("SET", "k2", "v");
        assertThat(events()).containsExactly("__keyspace@0__:k2 set");
    }

    @Test
    void expiryEventsWithTheManualClock() {
        listen("Egx");
        c.call("SET", "k", "v", "PX", "100");
        assertThat(events()).containsExactly("__keyevent@0__:expire k");
        redis.advance(Duration.ofMillis(100));
        assertThat(c.call("GET", "k")).isNull();
        assertThat(events()).containsExactly("__keyevent@0__:expired k");
        c.call("SET", "j", "v");
        c.call("PEXPIRE", "j", "50");
        c.call("PERSIST", "j");
        c.call("PERSIST", "j");
        c.call("EXPIRE", "j", "0");
        assertThat(events())
                .containsExactly("__keyevent@0__:expire j", "__keyevent@0__:persist j", "__keyevent@0__:del j");
    }

    @Test
    void theActiveExpiryCycleFiresExpiredToo() {
        listen("Ex");
        c.call("SET", "k", "v", "PX", "10");
        redis.advance(Duration.ofMillis(20));
        redis.instance.expiryCycle().runOnce();
        assertThat(events()).containsExactly("__keyevent@0__:expired k");
    }

    @Test
    void stringEvents() {
        listen("E$");
        c.call("APPEND", "a", "x");
        c.call("SETRANGE", "a", "3", "y");
        c.call("SETRANGE", "a", "0", "");
        c.call("INCR", "n");
        c.call("DECRBY", "n", "3");
        c.call("INCRBYFLOAT", "n", "1.5");
        c.call("MSET", "b", "1", "c", "2");
        c.call("GETSET", "b", "3");
        c.call("SETBIT", "bits", "7", "1");
        c.call("SETBIT", "bits", "7", "1"); // no change: no event
        c.call("BITFIELD", "bits", "GET", "u8", "0");
        c.call("BITFIELD", "bits", "SET", "u8", "0", "1");
        assertThat(events())
                .containsExactly(
                        "__keyevent@0__:append a",
                        "__keyevent@0__:setrange a",
                        "__keyevent@0__:incrby n",
                        "__keyevent@0__:incrby n",
                        "__keyevent@0__:incrbyfloat n",
                        "__keyevent@0__:set b",
                        "__keyevent@0__:set c",
                        "__keyevent@0__:set b",
                        "__keyevent@0__:setbit bits",
                        "__keyevent@0__:setbit bits");
    }

    @Test
    void renameCopyMoveEvents() {
        listen("KEgn");
        c.call("SET", "a", "1");
        events();
        c.call("RENAME", "a", "b");
        assertThat(events())
                .containsExactly(
                        "__keyspace@0__:b new",
                        "__keyevent@0__:new b",
                        "__keyspace@0__:a rename_from",
                        "__keyevent@0__:rename_from a",
                        "__keyspace@0__:b rename_to",
                        "__keyevent@0__:rename_to b");
        c.call("COPY", "b", "x", "DB", "2");
        assertThat(events())
                .containsExactly(
                        "__keyspace@2__:x new",
                        "__keyevent@2__:new x",
                        "__keyspace@2__:x copy_to",
                        "__keyevent@2__:copy_to x");
        c.call("MOVE", "b", "3");
        assertThat(events())
                .containsExactly(
                        "__keyspace@3__:b new",
                        "__keyevent@3__:new b",
                        "__keyspace@0__:b move_from",
                        "__keyevent@0__:move_from b",
                        "__keyspace@3__:b move_to",
                        "__keyevent@3__:move_to b");
    }

    @Test
    void resp3SubscriberSeesItsOwnEventsBeforeTheReply() {
        c.call("HELLO", "3");
        c.call("CONFIG", "SET", "notify-keyspace-events", "E$");
        c.call("SUBSCRIBE", "__keyevent@0__:set");
        assertThat(c.send(RedisHarness.encode("SET", "k", "v")))
                .containsExactly(l("message", "__keyevent@0__:set", "k"), "OK");
    }
}
