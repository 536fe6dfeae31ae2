package dev.petrel.amqp.broker;

import java.util.List;
import java.util.Map;

/**
 * Routes on patterns over the routing key's dot-separated words: in a binding key, {@code *} stands for exactly one
 * word and {@code #} for zero or more. The bindings live in a {@link TopicTrie}.
 */
public final class TopicExchange extends Exchange {
    private final TopicTrie trie = new TopicTrie();

    TopicExchange(String name, boolean durable, boolean autoDelete, boolean internal, Map<String, Object> args) {
        super(name, durable, autoDelete, internal, args);
    }

    @Override
    public ExchangeType type() {
        return ExchangeType.TOPIC;
    }

    @Override
    void added(Target t, Binding b) {
        trie.add(b.routingKey(), t);
    }

    @Override
    void removed(Target t, Binding b) {
        trie.remove(b.routingKey(), t);
    }

    @Override
    public void route(Routable message, List<Destination> out) {
        trie.match(message.routingKey(), nextRouteStamp(), out);
    }

    /** The trie's node count besides its root (for tests: unbinding everything leaves none). */
    int trieNodeCount() {
        return trie.nodeCount();
    }
}
