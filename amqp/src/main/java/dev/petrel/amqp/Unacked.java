package dev.petrel.amqp;

import dev.petrel.amqp.broker.Consumer;
import dev.petrel.amqp.broker.Message;
import dev.petrel.amqp.broker.MessageQueue;

/**
 * A channel's delivered, unsettled messages in delivery-tag order: parallel arrays used as a ring, so tracking a
 * delivery allocates nothing. Tags only grow, so a tag is found by binary search; settling leaves a hole that is
 * dropped once it reaches the head.
 */
final class Unacked {
    private long[] tags = new long[16];
    private Message[] messages = new Message[16];
    private MessageQueue[] queues = new MessageQueue[16];
    private Consumer[] consumers = new Consumer[16];
    private int head;
    /** Slots in use, holes included. */
    private int span;
    /** Live entries. */
    private int count;

    /** What to do with each settled entry. */
    interface Visitor {
        void settle(long tag, Message m, MessageQueue q, Consumer c);
    }

    int size() {
        return count;
    }

    void add(long tag, Message m, MessageQueue q, Consumer c) {
        if (span == tags.length) {
            // holes left by out-of-order acks are squeezed out; the ring only doubles when it is really full
            resize(count <= tags.length / 2 ? tags.length : tags.length * 2);
        }
        int i = (head + span) & (tags.length - 1);
        tags[i] = tag;
        messages[i] = m;
        queues[i] = q;
        consumers[i] = c;
        span++;
        count++;
    }

    /** Settles one tag; false if it is not outstanding. */
    boolean remove(long tag, Visitor v) {
        int at = find(tag);
        if (at < 0) {
            return false;
        }
        take(at, v);
        trim();
        return true;
    }

    /** Settles every outstanding tag up to and including {@code tag}; returns how many. */
    int removeUpTo(long tag, Visitor v) {
        int n = 0;
        int mask = tags.length - 1;
        for (int k = 0; k < span; k++) {
            int i = (head + k) & mask;
            if (tags[i] > tag) {
                break;
            }
            if (messages[i] != null) {
                take(i, v);
                n++;
            }
        }
        trim();
        return n;
    }

    /** Settles everything (channel closed, recover). */
    int removeAll(Visitor v) {
        return removeUpTo(Long.MAX_VALUE, v);
    }

    /** Whether {@code tag} is outstanding. */
    boolean contains(long tag) {
        return find(tag) >= 0;
    }

    private void take(int i, Visitor v) {
        Message m = messages[i];
        MessageQueue q = queues[i];
        Consumer c = consumers[i];
        messages[i] = null;
        queues[i] = null;
        consumers[i] = null;
        count--;
        v.settle(tags[i], m, q, c);
    }

    private int find(long tag) {
        int mask = tags.length - 1;
        int lo = 0;
        int hi = span - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long t = tags[(head + mid) & mask];
            if (t < tag) {
                lo = mid + 1;
            } else if (t > tag) {
                hi = mid - 1;
            } else {
                int i = (head + mid) & mask;
                return messages[i] != null ? i : -1;
            }
        }
        return -1;
    }

    private void trim() {
        int mask = tags.length - 1;
        while (span > 0 && messages[head] == null) {
            head = (head + 1) & mask;
            span--;
        }
        if (span == 0) {
            head = 0;
        }
    }

    private void resize(int size) {
        int mask = tags.length - 1;
        long[] t = new long[size];
        Message[] m = new Message[size];
        MessageQueue[] q = new MessageQueue[size];
        Consumer[] c = new Consumer[size];
        int n = 0;
        for (int k = 0; k < span; k++) {
            int i = (head + k) & mask;
            if (messages[i] != null) {
                t[n] = tags[i];
                m[n] = messages[i];
                q[n] = queues[i];
                c[n] = consumers[i];
                n++;
            }
        }
        span = n;
        tags = t;
        messages = m;
        queues = q;
        consumers = c;
        head = 0;
    }
}
