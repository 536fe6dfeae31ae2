package dev.petrel.redis.keyspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.reactor.testing.ManualClock;
import dev.petrel.redis.data.StringRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SCAN's guarantee: a key present from the start to the end of a full iteration is returned at least once, however
 * the table grows and shrinks between the calls.
 */
class ScanGuaranteeTest {
    private static byte[] record(String k) {
        byte[] key = k.getBytes(StandardCharsets.UTF_8);
        return StringRecord.create(key, key, 0, key.length, -1, 0);
    }

    private static String keyOf(Object e) {
        return new String(Keys.keyOf(e), StandardCharsets.UTF_8);
    }

    @Test
    void keysPresentThroughoutAreReturnedAcrossResizes() {
        int resizes = 0;
        for (int seed = 1; seed <= 200; seed++) {
            resizes += scanOnce(seed);
        }
        assertThat(resizes).as("the scans must actually see the table resize").isGreaterThan(1000);
    }

    /** One full scan under random churn; returns how many times the table changed capacity during it. */
    private int scanOnce(int seed) {
        Random rnd = new Random(seed);
        Database db = new Keyspace(1, new ManualClock()).db(0);
        Set<String> stable = new HashSet<>();
        List<String> churn = new ArrayList<>();
        int next = 0;
        for (int i = rnd.nextInt(300); i > 0; i--) {
            String k = "s" + next++;
            db.put(record(k));
            stable.add(k);
        }
        for (int i = rnd.nextInt(300); i > 0; i--) {
            String k = "c" + next++;
            db.put(record(k));
            churn.add(k);
        }
        Set<String> seen = new HashSet<>();
        List<Object> out = new ArrayList<>();
        long cursor = 0;
        int steps = 0;
        int resizes = 0;
        do {
            out.clear();
            cursor = db.scan(cursor, out);
            for (Object e : out) {
                seen.add(keyOf(e));
            }
            int before = capacity(db);
            switch (rnd.nextInt(10)) {
                case 0 -> { // grow: up to several times the table's size at once, within a bound
                    for (int i = db.size() > 800 ? 0 : rnd.nextInt(4 * db.size() + 20); i > 0; i--) {
                        String k = "c" + next++;
                        db.put(record(k));
                        churn.add(k);
                    }
                }
                case 1 -> { // shrink: drop most of the churning keys
                    for (int i = rnd.nextInt(churn.size() + 1); i > 0; i--) {
                        db.delete(churn.remove(rnd.nextInt(churn.size())).getBytes(StandardCharsets.UTF_8));
                    }
                }
                default -> {}
            }
            if (capacity(db) != before) {
                resizes++;
            }
            assertThat(++steps).as("seed %d: the scan must end", seed).isLessThan(1_000_000);
        } while (cursor != 0);
        Set<String> missed = new HashSet<>(stable);
        missed.removeAll(seen);
        assertThat(missed)
                .as("seed %d: keys present throughout but never returned", seed)
                .isEmpty();
        return resizes;
    }

    private static int capacity(Database db) {
        return db.tableCapacity();
    }
}
