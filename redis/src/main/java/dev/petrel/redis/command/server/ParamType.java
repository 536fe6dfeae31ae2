package dev.petrel.redis.command.server;

import dev.petrel.redis.MemoryAmount;
import java.util.Locale;

/**
 * How a configuration parameter's new value is parsed and checked: {@link #check} returns the value as CONFIG GET
 * will show it, or throws {@link Invalid} with Redis's reason (the text after "CONFIG SET failed ... - ").
 */
@FunctionalInterface
interface ParamType {
    String check(String value) throws Invalid;

    /** A value CONFIG SET refuses. */
    final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    ParamType STRING = v -> v;

    ParamType PROTECTED = v -> {
        throw new Invalid(ConfigParams.PROTECTED);
    };

    /** Redis takes any hz from 0 up and keeps it within 1..500. */
    ParamType HZ = v -> {
        long n = Long.parseLong(integer(0, Integer.MAX_VALUE).check(v));
        return Long.toString(Math.max(1, Math.min(500, n)));
    };

    /** Petrel writes no snapshots: an empty save line is the one true value. */
    ParamType SAVE = v -> {
        String[] parts = v.trim().isEmpty() ? new String[0] : v.trim().split("\\s+");
        if (parts.length % 2 != 0) {
            throw new Invalid("Invalid save parameters");
        }
        for (String p : parts) {
            if (!p.matches("\\d+")) {
                throw new Invalid("Invalid save parameters");
            }
        }
        if (parts.length > 0) {
            throw new Invalid("Petrel does not write snapshots; only an empty save is accepted");
        }
        return "";
    };

    /** appendonly: Petrel has no append-only file. */
    ParamType ONLY_NO = v -> {
        String b = v.toLowerCase(Locale.ROOT);
        if (!b.equals("yes") && !b.equals("no")) {
            throw new Invalid("argument must be 'yes' or 'no'");
        }
        if (b.equals("yes")) {
            throw new Invalid("Petrel has no append-only file; only 'no' is accepted");
        }
        return b;
    };

    /** notify-keyspace-events: the classes, spelled as Redis spells them back. */
    ParamType NOTIFY = v -> {
        String all = "g$lshzxetd";
        boolean[] on = new boolean[128];
        for (char ch : v.toCharArray()) {
            if (ch == 'A') {
                for (char a : all.toCharArray()) {
                    on[a] = true;
                }
            } else if (ch < 128 && "g$lshzxeKEtmdn".indexOf(ch) >= 0) {
                on[ch] = true;
            } else {
                throw new Invalid("Invalid event class character. Use 'Ag$lshzxeKEtmdn'.");
            }
        }
        StringBuilder sb = new StringBuilder();
        boolean everyClass = all.chars().allMatch(ch -> on[ch]);
        if (everyClass) {
            sb.append('A');
        } else {
            for (char ch : (all + "n").toCharArray()) {
                if (on[ch]) {
                    sb.append(ch);
                }
            }
        }
        for (char ch : "KEm".toCharArray()) {
            if (on[ch]) {
                sb.append(ch);
            }
        }
        return sb.toString();
    };

    static ParamType integer(long min, long max) {
        return v -> {
            long n;
            try {
                n = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new Invalid("argument couldn't be parsed into an integer");
            }
            return inRange(n, min, max);
        };
    }

    /** A byte count with an optional unit: k=1000, kb=1024, m, mb, g, gb, as Redis reads memory values. */
    static ParamType memory(long min, long max) {
        return v -> {
            long n = MemoryAmount.parse(v);
            if (n < 0) {
                throw new Invalid("argument must be a memory value");
            }
            return inRange(n, min, max);
        };
    }

    static ParamType oneOf(String... values) {
        return v -> {
            for (String a : values) {
                if (a.equalsIgnoreCase(v)) {
                    return a;
                }
            }
            throw new Invalid("argument(s) must be one of the following: " + String.join(", ", values));
        };
    }

    private static String inRange(long n, long min, long max) throws Invalid {
        if (n < min || n > max) {
            throw new Invalid("argument must be between " + min + " and " + max + " inclusive");
        }
        return Long.toString(n);
    }
}
