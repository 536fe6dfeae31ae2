package dev.petrel.redis.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import redis.clients.jedis.JedisPubSub;

/**
 * What a subscriber heard, in arrival order, each event as its words: {@code [message, channel, payload]},
 * {@code [pmessage, pattern, channel, payload]}, {@code [subscribe, channel, count]} and so on. {@link #jedis()} and
 * {@link #lettuce()} are the listeners that record into it.
 */
final class Heard {
    private final BlockingQueue<List<String>> events = new LinkedBlockingQueue<>();
    private final JedisPubSub jedis = new JedisPubSub() {
        @Override
        public void onMessage(String channel, String message) {
            add("message", channel, message);
        }

        @Override
        public void onPMessage(String pattern, String channel, String message) {
            add("pmessage", pattern, channel, message);
        }

        @Override
        public void onSubscribe(String channel, int count) {
            add("subscribe", channel, Integer.toString(count));
        }

        @Override
        public void onUnsubscribe(String channel, int count) {
            add("unsubscribe", channel, Integer.toString(count));
        }

        @Override
        public void onPSubscribe(String pattern, int count) {
            add("psubscribe", pattern, Integer.toString(count));
        }

        @Override
        public void onPUnsubscribe(String pattern, int count) {
            add("punsubscribe", pattern, Integer.toString(count));
        }
    };
    private final RedisPubSubAdapter<String, String> lettuce = new RedisPubSubAdapter<>() {
        @Override
        public void message(String channel, String message) {
            add("message", channel, message);
        }

        @Override
        public void message(String pattern, String channel, String message) {
            add("pmessage", pattern, channel, message);
        }
    };

    private void add(String... words) {
        events.add(List.of(words));
    }

    JedisPubSub jedis() {
        return jedis;
    }

    RedisPubSubAdapter<String, String> lettuce() {
        return lettuce;
    }

    /** The next event, waiting for it up to 30 s. */
    List<String> next() throws InterruptedException {
        List<String> e = events.poll(30, TimeUnit.SECONDS);
        assertThat(e).as("an event heard within 30 s").isNotNull();
        return e;
    }

    /** Asserts that the next events are exactly {@code expected}, each given as its words. */
    void expect(String[]... expected) throws InterruptedException {
        for (String[] words : expected) {
            assertThat(next()).containsExactly(words);
        }
    }

    /** Skips events until one matches, and returns the ones skipped. */
    List<List<String>> until(Predicate<List<String>> wanted) throws InterruptedException {
        List<List<String>> skipped = new ArrayList<>();
        for (List<String> e = next(); !wanted.test(e); e = next()) {
            skipped.add(e);
        }
        return skipped;
    }

    /** Asserts that nothing more has been heard. */
    void expectNothingMore() {
        assertThat(events).isEmpty();
    }

    static String[] words(String... words) {
        return words;
    }
}
