package dev.petrel.redis.data.list;

import dev.petrel.redis.keyspace.ValueType;
import dev.petrel.redis.resp.Args;
import dev.petrel.redis.resp.ReplyWriter;
import java.util.Arrays;

/**
 * A list value, shaped like Redis's quicklist: a doubly linked chain of nodes, each one packed byte array of entries in
 * {@link ListPack} format, so an element costs its bytes plus two or three bytes, not an object. A node grows up to the
 * size {@code list-max-listpack-size} allows (negative: 4, 8, 16, 32 or 64 KiB for -1..-5; positive: that many
 * entries, and at most 8 KiB); a push that does not fit opens a new node at that end, and the full node is trimmed to
 * its exact size, so only the nodes at the two ends keep spare room. Like Redis 7.0, OBJECT ENCODING says
 * {@code quicklist} for every list. Elements are reached through a {@link Cursor}. Loop thread only.
 */
public final class QuickList implements ValueType.Value {
    /** The largest node Redis allows when the fill counts entries. */
    private static final int SIZE_SAFETY_LIMIT = 8192;

    static final class Node {
        Node prev;
        Node next;
        byte[] buf;
        int used;
        int count;

        Node(int capacity) {
            buf = new byte[capacity];
        }
    }

    /** A position on one element; it stays valid across changes made through it, and no others. */
    public final class Cursor {
        Node node;
        int off;

        Cursor(Node node, int off) {
            this.node = node;
            this.off = off;
        }

        /** False once the cursor has run off either end. */
        public boolean valid() {
            return node != null;
        }

        /** Moves to the next element; false at the end. */
        public boolean next() {
            off += ListPack.size(node.buf, off);
            if (off >= node.used) {
                node = node.next;
                off = 0;
            }
            return node != null;
        }

        /** Moves to the previous element; false at the start. */
        public boolean prev() {
            if (off == 0) {
                node = node.prev;
                if (node == null) {
                    return false;
                }
                off = node.used;
            }
            off = ListPack.prev(node.buf, off);
            return true;
        }

        /** Replies with the element as a bulk string. */
        public void reply(ReplyWriter r) {
            if (ListPack.isInt(node.buf, off)) {
                r.bulkLong(ListPack.intValue(node.buf, off));
            } else {
                r.bulk(node.buf, ListPack.strOffset(node.buf, off), ListPack.strLength(node.buf, off));
            }
        }

        /** The element's bytes. */
        public byte[] value() {
            return ListPack.toBytes(node.buf, off);
        }

        /** True if the element equals the entry {@link #encode} made. */
        public boolean matches(byte[] encoded) {
            return ListPack.sameValue(node.buf, off, encoded);
        }

        /** Removes the element; the cursor moves to the one after it (invalid if there is none). */
        public void remove() {
            Node n = node;
            closeGap(n, off, ListPack.size(n.buf, off));
            n.count--;
            size--;
            if (n.count == 0) {
                node = n.next;
                off = 0;
                unlink(n);
            } else if (off >= n.used) {
                node = n.next;
                off = 0;
            }
        }

        /** Replaces the element with an encoded entry. */
        public void replace(byte[] encoded) {
            int old = ListPack.size(node.buf, off);
            if (encoded.length > old) {
                openGap(node, off, encoded.length - old);
            } else if (encoded.length < old) {
                closeGap(node, off, old - encoded.length);
            }
            System.arraycopy(encoded, 0, node.buf, off, encoded.length);
        }

        /** Inserts an encoded entry before or after the element (the cursor is not valid afterwards). */
        public void insert(byte[] encoded, boolean after) {
            insertAt(node, after ? off + ListPack.size(node.buf, off) : off, encoded);
        }
    }

    private final int fill;
    private Node head;
    private Node tail;
    private long size;

    /** An empty list whose nodes follow {@code fill} (list-max-listpack-size). */
    public QuickList(int fill) {
        this.fill = fill;
    }

    /** {@code v} as an entry, for {@link Cursor#matches}, {@link Cursor#replace}, {@link #pushEncoded}. */
    public static byte[] encode(byte[] v) {
        return ListPack.encode(v);
    }

    /** Argument {@code i} as an entry. */
    public static byte[] encode(Args a, int i) {
        return ListPack.encode(a, i);
    }

    public long size() {
        return size;
    }

    /** Nodes in the chain (DEBUG and tests). */
    public int nodeCount() {
        int n = 0;
        for (Node x = head; x != null; x = x.next) {
            n++;
        }
        return n;
    }

    /** Pushes argument {@code i} at the head or the tail, writing it straight into the node. */
    public void push(boolean atHead, Args a, int i) {
        int len = ListPack.entrySize(a, i);
        Node n = endWithRoom(atHead, len);
        int off = atHead ? 0 : n.used;
        openGap(n, off, len);
        ListPack.write(n.buf, off, a, i);
        n.count++;
        size++;
    }

    /** Pushes an encoded entry at the head or the tail. */
    public void pushEncoded(boolean atHead, byte[] e) {
        Node n = endWithRoom(atHead, e.length);
        int off = atHead ? 0 : n.used;
        openGap(n, off, e.length);
        System.arraycopy(e, 0, n.buf, off, e.length);
        n.count++;
        size++;
    }

    /** Pushes {@code v} (bytes as a client sees them) at the head or the tail. */
    public void push(boolean atHead, byte[] v) {
        pushEncoded(atHead, ListPack.encode(v));
    }

    /** A cursor on the first or last element; the list must not be empty. */
    public Cursor end(boolean atHead) {
        return atHead ? new Cursor(head, 0) : new Cursor(tail, ListPack.prev(tail.buf, tail.used));
    }

    /** A cursor on element {@code index} (0-based, negative from the tail), or null when out of range. */
    public Cursor at(long index) {
        if (index < 0) {
            index += size;
        }
        if (index < 0 || index >= size) {
            return null;
        }
        if (index < size / 2) {
            Node n = head;
            while (index >= n.count) {
                index -= n.count;
                n = n.next;
            }
            Cursor c = new Cursor(n, 0);
            for (long k = 0; k < index; k++) {
                c.off += ListPack.size(n.buf, c.off);
            }
            return c;
        }
        long back = size - 1 - index; // elements after it
        Node n = tail;
        while (back >= n.count) {
            back -= n.count;
            n = n.prev;
        }
        Cursor c = new Cursor(n, ListPack.prev(n.buf, n.used));
        for (long k = 0; k < back; k++) {
            c.off = ListPack.prev(n.buf, c.off);
        }
        return c;
    }

    /** Removes the first or last element and returns its bytes; the list must not be empty. */
    public byte[] pop(boolean atHead) {
        Cursor c = end(atHead);
        byte[] v = c.value();
        c.remove();
        return v;
    }

    /** Removes the first or last element, replying with it. */
    public void popReply(boolean atHead, ReplyWriter r) {
        Cursor c = end(atHead);
        c.reply(r);
        c.remove();
    }

    /** Removes {@code n} elements from {@code start} on (both within the list), whole nodes at a time where it can. */
    public void removeRange(long start, long n) {
        if (n <= 0) {
            return;
        }
        Cursor c = at(start);
        while (n > 0) {
            Node node = c.node;
            if (c.off == 0 && node.count <= n) {
                n -= node.count;
                size -= node.count;
                c.node = node.next;
                unlink(node);
                continue;
            }
            int end = c.off;
            int k = 0;
            while (k < n && end < node.used) {
                end += ListPack.size(node.buf, end);
                k++;
            }
            closeGap(node, c.off, end - c.off);
            node.count -= k;
            size -= k;
            n -= k;
            if (c.off >= node.used) {
                c.node = node.next;
                c.off = 0;
            }
        }
    }

    private Node endWithRoom(boolean atHead, int len) {
        Node n = atHead ? head : tail;
        if (n != null && fits(n, len)) {
            return n;
        }
        if (n != null) {
            shrink(n);
        }
        Node m = new Node(len);
        if (atHead) {
            linkBefore(m, head);
        } else {
            linkAfter(m, tail);
        }
        return m;
    }

    private boolean fits(Node n, int extra) {
        if (n.count == 0) {
            return true;
        }
        int bytes = n.used + extra;
        if (fill >= 0) {
            return n.count < fill && bytes <= SIZE_SAFETY_LIMIT;
        }
        return bytes <= maxBytes();
    }

    private int maxBytes() {
        return fill >= 0 ? SIZE_SAFETY_LIMIT : 4096 << (Math.min(-fill, 5) - 1);
    }

    private void insertAt(Node n, int off, byte[] e) {
        if (!fits(n, e.length)) {
            if (off == n.used && n.next != null && fits(n.next, e.length)) {
                n = n.next;
                off = 0;
            } else if (off == 0 && n.prev != null && fits(n.prev, e.length)) {
                n = n.prev;
                off = n.used;
            } else {
                n = split(n, off);
                off = n.used;
                if (!fits(n, e.length)) {
                    Node m = new Node(e.length);
                    linkAfter(m, n);
                    n = m;
                    off = 0;
                }
            }
        }
        openGap(n, off, e.length);
        System.arraycopy(e, 0, n.buf, off, e.length);
        n.count++;
        size++;
    }

    /** Moves the entries from {@code off} on into a new node after {@code n}; returns {@code n}. */
    private Node split(Node n, int off) {
        if (off == n.used) {
            return n;
        }
        Node m = new Node(n.used - off);
        System.arraycopy(n.buf, off, m.buf, 0, n.used - off);
        m.used = n.used - off;
        for (int p = 0; p < m.used; p += ListPack.size(m.buf, p)) {
            m.count++;
        }
        n.count -= m.count;
        n.used = off;
        linkAfter(m, n);
        shrink(n); // may leave n empty for a moment: the caller's entry goes into it
        return n;
    }

    private void openGap(Node n, int off, int len) {
        int need = n.used + len;
        if (need > n.buf.length) {
            int cap = Math.max(need, Math.min(maxBytes(), n.buf.length + (n.buf.length >> 1)));
            byte[] b = new byte[cap];
            System.arraycopy(n.buf, 0, b, 0, off);
            System.arraycopy(n.buf, off, b, off + len, n.used - off);
            n.buf = b;
        } else {
            System.arraycopy(n.buf, off, n.buf, off + len, n.used - off);
        }
        n.used = need;
    }

    private static void closeGap(Node n, int off, int len) {
        System.arraycopy(n.buf, off + len, n.buf, off, n.used - off - len);
        n.used -= len;
    }

    private static void shrink(Node n) {
        if (n.buf.length > n.used) {
            n.buf = Arrays.copyOf(n.buf, n.used);
        }
    }

    private void linkBefore(Node m, Node n) {
        m.next = n;
        if (n == null) {
            m.prev = tail;
            if (tail != null) {
                tail.next = m;
            }
            tail = m;
        } else {
            m.prev = n.prev;
            if (n.prev != null) {
                n.prev.next = m;
            }
            n.prev = m;
        }
        if (m.prev == null) {
            head = m;
        }
    }

    private void linkAfter(Node m, Node n) {
        if (n == null) {
            linkBefore(m, head);
        } else {
            linkBefore(m, n.next);
        }
    }

    private void unlink(Node n) {
        if (n.prev != null) {
            n.prev.next = n.next;
        } else {
            head = n.next;
        }
        if (n.next != null) {
            n.next.prev = n.prev;
        } else {
            tail = n.prev;
        }
        n.prev = null;
        n.next = null;
    }

    @Override
    public ValueType type() {
        return ValueType.LIST;
    }

    @Override
    public String encoding() {
        return "quicklist";
    }

    @Override
    public QuickList copy() {
        QuickList q = new QuickList(fill);
        for (Node n = head; n != null; n = n.next) {
            Node m = new Node(0);
            m.buf = Arrays.copyOf(n.buf, n.used);
            m.used = n.used;
            m.count = n.count;
            q.linkAfter(m, q.tail);
        }
        q.size = size;
        return q;
    }

    @Override
    public long memoryUsage(int samples) {
        long bytes = 32; // this object: header, two references, size, fill
        for (Node n = head; n != null; n = n.next) {
            bytes += 32 + ((16 + n.buf.length + 7) & ~7L);
        }
        return bytes;
    }
}
