package dev.petrel.amqp.store;

import dev.petrel.amqp.broker.Message;

/** One ordered store per priority level (0..max); the highest non-empty level delivers first. */
final class PriorityStore implements MessageStore {
    private final MemoryStore[] levels;
    private int size;
    private long bodyBytes;

    PriorityStore(int maxPriority) {
        levels = new MemoryStore[maxPriority + 1];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = new MemoryStore();
        }
    }

    private MemoryStore level(Message m) {
        return levels[Math.min(m.priority(), levels.length - 1)];
    }

    @Override
    public void add(Message m) {
        level(m).add(m);
        size++;
        bodyBytes += m.bodySize();
    }

    @Override
    public void requeue(Message m) {
        level(m).requeue(m);
        size++;
        bodyBytes += m.bodySize();
    }

    private MemoryStore top() {
        for (int i = levels.length - 1; i >= 0; i--) {
            if (levels[i].size() > 0) {
                return levels[i];
            }
        }
        return null;
    }

    @Override
    public Message peek() {
        MemoryStore s = top();
        return s == null ? null : s.peek();
    }

    @Override
    public Message poll() {
        MemoryStore s = top();
        if (s == null) {
            return null;
        }
        Message m = s.poll();
        size--;
        bodyBytes -= m.bodySize();
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
}
