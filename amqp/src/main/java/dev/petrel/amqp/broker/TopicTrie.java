package dev.petrel.amqp.broker;

import dev.petrel.amqp.broker.Exchange.Target;
import dev.petrel.amqp.broker.Exchange.TargetList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * The topic exchange's bindings, as a trie over the words of their keys: a key splits on every {@code '.'}, so
 * {@code "a..b"} has an empty middle word, {@code "."} two empty words, and {@code ""} none at all (as in RabbitMQ).
 * A node's children are its literal words, its {@code *} and its {@code #}.
 *
 * <p>Matching runs the trie as a nondeterministic automaton over the routing key's words, one set of live nodes per
 * word with each node at most once in it; a {@code #} node stays live on every word and, since {@code #} may match
 * nothing, a live node's {@code #} child is live too. A key of w words against n nodes thus costs O(w·n) at worst,
 * whatever the number of {@code #}s, where backtracking would be exponential. It allocates nothing: the two sets are
 * arrays reused across calls, and a word is looked up through a reusable {@link WordSlice} of the routing key.
 *
 * <p>Removing a binding prunes the nodes it leaves empty, so a trie whose bindings are all gone is just its root.
 */
final class TopicTrie {
    private final Node root = new Node(null, null, false);
    private final WordSlice slice = new WordSlice();
    private Node[] live = new Node[8];
    private Node[] next = new Node[8];
    private int liveSize;
    private int nextSize;
    private long step;
    private int nodeCount;

    void add(String bindingKey, Target t) {
        Node n = root;
        for (String word : words(bindingKey)) {
            n = n.childOrCreate(word);
        }
        n.targets.add(t);
    }

    /** Removes one binding of t with that key; false if there was none. */
    boolean remove(String bindingKey, Target t) {
        Node n = root;
        for (String word : words(bindingKey)) {
            n = n.child(word);
            if (n == null) {
                return false;
            }
        }
        if (!n.targets.remove(t)) {
            return false;
        }
        while (n != root && n.isEmpty()) {
            n.parent.detach(n);
            nodeCount--;
            n = n.parent;
        }
        return true;
    }

    /** Appends the targets of every binding key matching the routing key, each once per stamp. */
    void match(String routingKey, long stamp, List<Destination> out) {
        step++;
        nextSize = 0;
        reach(root);
        swap();
        int from = 0;
        int length = routingKey.length();
        while (length > 0 && liveSize > 0) {
            int to = routingKey.indexOf('.', from);
            to = to < 0 ? length : to;
            slice.set(routingKey, from, to);
            step++;
            nextSize = 0;
            for (int i = 0; i < liveSize; i++) {
                Node n = live[i];
                if (n.isHash) {
                    reach(n);
                }
                if (n.words != null) {
                    Node c = n.words.get(slice);
                    if (c != null) {
                        reach(c);
                    }
                }
                if (n.star != null) {
                    reach(n.star);
                }
            }
            swap();
            if (to == length) {
                break;
            }
            from = to + 1;
        }
        for (int i = 0; i < liveSize; i++) {
            live[i].targets.emitAll(stamp, out);
            live[i] = null;
        }
    }

    /** Nodes besides the root. */
    int nodeCount() {
        return nodeCount;
    }

    /** Adds n, and the chain of #s below it (each may match no word), to the next set, each once per step. */
    private void reach(Node n) {
        while (n != null && n.mark != step) {
            n.mark = step;
            if (nextSize == next.length) {
                next = Arrays.copyOf(next, nextSize * 2);
            }
            next[nextSize++] = n;
            n = n.hash;
        }
    }

    private void swap() {
        Node[] s = live;
        live = next;
        next = s;
        Arrays.fill(next, 0, liveSize, null);
        liveSize = nextSize;
    }

    private static String[] words(String key) {
        return key.isEmpty() ? new String[0] : key.split("\\.", -1);
    }

    private final class Node {
        final Node parent;
        final String word;
        final boolean isHash;
        final TargetList targets = new TargetList();
        HashMap<Object, Node> words;
        Node star;
        Node hash;
        long mark;

        Node(Node parent, String word, boolean isHash) {
            this.parent = parent;
            this.word = word;
            this.isHash = isHash;
        }

        Node child(String w) {
            return switch (w) {
                case "*" -> star;
                case "#" -> hash;
                default -> words == null ? null : words.get(w);
            };
        }

        Node childOrCreate(String w) {
            Node c = child(w);
            if (c != null) {
                return c;
            }
            c = new Node(this, w, w.equals("#"));
            nodeCount++;
            switch (w) {
                case "*" -> star = c;
                case "#" -> hash = c;
                default -> {
                    if (words == null) {
                        words = new HashMap<>();
                    }
                    words.put(w, c);
                }
            }
            return c;
        }

        void detach(Node c) {
            if (c == star) {
                star = null;
            } else if (c == hash) {
                hash = null;
            } else {
                words.remove(c.word);
                if (words.isEmpty()) {
                    words = null;
                }
            }
        }

        boolean isEmpty() {
            return targets.isEmpty() && words == null && star == null && hash == null;
        }
    }

    /**
     * A word of the routing key, found in a node's map without copying it out: its hash is {@link String#hashCode}'s
     * over the same chars, and it equals a {@code String} with those chars. Only ever the argument of
     * {@code Map.get}, which the {@link java.util.Map} contract defines by {@code key.equals(k)}: the slice on the
     * left, so the one-sidedness of this equality never shows.
     */
    private static final class WordSlice {
        private String source;
        private int from;
        private int length;
        private int hash;

        void set(String s, int from, int to) {
            this.source = s;
            this.from = from;
            this.length = to - from;
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + s.charAt(i);
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof String s && s.length() == length && source.regionMatches(from, s, 0, length);
        }
    }
}
