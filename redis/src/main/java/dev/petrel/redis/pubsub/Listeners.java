package dev.petrel.redis.pubsub;

import java.util.Arrays;

/** The clients subscribed to one channel or pattern, in the order they subscribed. */
final class Listeners {
    final Channel name;
    Subscriptions[] subs = new Subscriptions[2];
    int count;

    Listeners(Channel name) {
        this.name = name;
    }

    void add(Subscriptions s) {
        if (count == subs.length) {
            subs = Arrays.copyOf(subs, count * 2);
        }
        subs[count++] = s;
    }

    void remove(Subscriptions s) {
        for (int i = 0; i < count; i++) {
            if (subs[i] == s) {
                System.arraycopy(subs, i + 1, subs, i, count - i - 1);
                subs[--count] = null;
                return;
            }
        }
    }
}
