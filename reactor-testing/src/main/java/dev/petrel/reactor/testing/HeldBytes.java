package dev.petrel.reactor.testing;

import java.util.Arrays;

/** Bytes a {@link FakeTransport} holds back from the peer, taken from the front as the peer reads. */
final class HeldBytes {
    private byte[] bytes = new byte[0];
    private int start;
    private int end;

    void add(byte[] more) {
        if (end + more.length > bytes.length) {
            int live = end - start;
            byte[] grown = new byte[Math.max(2 * (live + more.length), 256)];
            System.arraycopy(bytes, start, grown, 0, live);
            bytes = grown;
            start = 0;
            end = live;
        }
        System.arraycopy(more, 0, bytes, end, more.length);
        end += more.length;
    }

    byte[] take(long max) {
        int n = (int) Math.min(max, end - start);
        byte[] out = Arrays.copyOfRange(bytes, start, start + n);
        start += n;
        if (start == end) {
            start = end = 0;
        }
        return out;
    }

    int size() {
        return end - start;
    }
}
