package dev.petrel.redis.pubsub;

import dev.petrel.redis.MemoryAmount;
import java.util.Locale;

/**
 * Redis's {@code client-output-buffer-limit}: for each client class (normal, replica, pubsub) a hard limit, a soft
 * limit and the seconds the output may stay above the soft limit, in bytes (0: no limit). CONFIG SET may name some
 * classes only; the others keep their limits. The value is kept as its canonical line, which Redis prints with the
 * replica class called {@code slave}.
 */
public final class OutputLimits {
    public static final String DEFAULT = "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60";
    static final int NORMAL = 0;
    static final int REPLICA = 1;
    static final int PUBSUB = 2;
    private static final String[] NAMES = {"normal", "slave", "pubsub"};

    /** [class][hard, soft, soft seconds]; -1 for a class the line does not name. */
    final long[][] limits = new long[3][];

    private OutputLimits() {}

    /**
     * Parses a CONFIG SET value (some classes), throwing IllegalArgumentException with Redis's reason; an empty value
     * names no class.
     */
    public static OutputLimits parse(String value) {
        String[] w = value.trim().isEmpty() ? new String[0] : value.trim().split("\\s+");
        if (w.length % 4 != 0) {
            throw new IllegalArgumentException("Wrong number of arguments in buffer limit configuration.");
        }
        OutputLimits out = new OutputLimits();
        for (int i = 0; i < w.length; i += 4) {
            int cls =
                    switch (w[i].toLowerCase(Locale.ROOT)) {
                        case "normal" -> NORMAL;
                        case "slave", "replica" -> REPLICA;
                        case "pubsub" -> PUBSUB;
                        default ->
                            throw new IllegalArgumentException(
                                    "Invalid client class specified in buffer limit" + " configuration.");
                    };
            long hard = MemoryAmount.parse(w[i + 1]);
            long soft = MemoryAmount.parse(w[i + 2]);
            long seconds = seconds(w[i + 3]);
            if (hard < 0 || soft < 0 || seconds < 0) {
                throw new IllegalArgumentException(
                        "Error in hard, soft or soft_seconds setting in buffer limit" + " configuration.");
            }
            out.limits[cls] = new long[] {hard, soft, seconds};
        }
        return out;
    }

    /** The canonical line after setting {@code change} (validated by {@link #parse}) over {@code current}. */
    public static String merge(String current, String change) {
        OutputLimits base = parse(current);
        OutputLimits set = parse(change);
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < 3; c++) {
            long[] l = set.limits[c] != null ? set.limits[c] : base.limits[c];
            if (l == null) {
                l = parse(DEFAULT).limits[c];
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(NAMES[c])
                    .append(' ')
                    .append(l[0])
                    .append(' ')
                    .append(l[1])
                    .append(' ')
                    .append(l[2]);
        }
        return sb.toString();
    }

    /** The limits of class {@code cls}: hard, soft, soft seconds. */
    long[] of(int cls) {
        return limits[cls];
    }

    private static long seconds(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
