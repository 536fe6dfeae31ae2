package dev.petrel.amqp.store;

import dev.petrel.amqp.broker.Message;

/** Ready messages in a ring of references, ordered by queue position; 4 bytes per message beyond the message. */
final class MemoryStore implements MessageStore {
    private static final Message[] EMPTY = new Message[0];
    private Message[] ring = EMPTY;
    private int head;
    private int size;
    private long bodyBytes;

    @Override
    public void add(Message m) {
        grow();
        ring[(head + size) & (ring.length - 1)] = m;
        size++;
        bodyBytes += m.bodySize();
    }

    @Override
    public void requeue(Message m) {
        grow();
        int mask = ring.length - 1;
        // Usually the message goes back in front (it was the oldest delivered); else find its place.
        int at = 0;
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ring[(head + mid) & mask].before(m)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        at = lo;
        if (at < size - at) {
            head = (head - 1) & mask;
            for (int i = 0; i < at; i++) {
                ring[(head + i) & mask] = ring[(head + i + 1) & mask];
            }
        } else {
            for (int i = size; i > at; i--) {
                ring[(head + i) & mask] = ring[(head + i - 1) & mask];
            }
        }
        ring[(head + at) & mask] = m;
        size++;
        bodyBytes += m.bodySize();
    }

    @Override
    public Message peek() {
        return size == 0 ? null : ring[head];
    }

    @Override
    public Message poll() {
        if (size == 0) {
            return null;
        }
        Message m = ring[head];
        ring[head] = null;
        head = (head + 1) & (ring.length - 1);
        size--;
        bodyBytes -= m.bodySize();
        if (size == 0 && ring.length > 1024) {
            ring = EMPTY;
            head = 0;
        }
        return m;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long bodyBytes() {
        return bodyBytes;
    }

    private void grow() {
        if (size < ring.length) {
            return;
        }
        int mask = ring.length - 1;
        Message[] bigger = new Message[Math.max(16, ring.length * 2)];
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[(head + i) & mask];
        }
        ring = bigger;
        head = 0;
    }
}
