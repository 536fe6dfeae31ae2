package dev.petrel.redis.data.zset;

/**
 * A skiplist node. Three nodes in four have one level, so level 0 lives in plain fields (its span is always 1) and only
 * a {@link Tall} node carries arrays for the levels above: 32 bytes for a one-level node beside its member.
 */
class Node {
    final byte[] member;
    double score;
    Node backward;
    Node next0;

    Node(byte[] member, double score) {
        this.member = member;
        this.score = score;
    }

    int levels() {
        return 1;
    }

    Node next(int level) {
        return next0;
    }

    void setNext(int level, Node n) {
        next0 = n;
    }

    /** Nodes the link at {@code level} skips over, counting its target; always 1 at level 0. */
    int span(int level) {
        return 1;
    }

    void setSpan(int level, int span) {}

    /** A node with levels above 0. */
    static final class Tall extends Node {
        final Node[] up;
        final int[] spans;

        Tall(byte[] member, double score, int levels) {
            super(member, score);
            up = new Node[levels - 1];
            spans = new int[levels - 1];
        }

        @Override
        int levels() {
            return up.length + 1;
        }

        @Override
        Node next(int level) {
            return level == 0 ? next0 : up[level - 1];
        }

        @Override
        void setNext(int level, Node n) {
            if (level == 0) {
                next0 = n;
            } else {
                up[level - 1] = n;
            }
        }

        @Override
        int span(int level) {
            return level == 0 ? 1 : spans[level - 1];
        }

        @Override
        void setSpan(int level, int span) {
            if (level > 0) {
                spans[level - 1] = span;
            }
        }
    }
}
