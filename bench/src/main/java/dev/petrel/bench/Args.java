package dev.petrel.bench;

import java.util.HashMap;
import java.util.Map;

/** The {@code --name value} options of a bench command line; enough for a benchmark, no more. */
final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final String positional;

    Args(String[] args) {
        String first = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + a);
                }
                values.put(a.substring(2), args[++i]);
            } else if (first == null) {
                first = a;
            } else {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
        }
        positional = first;
    }

    /** The one argument that is not an option (the scenario), or null. */
    String positional() {
        return positional;
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        String v = values.get(name);
        return v == null ? fallback : Integer.parseInt(v);
    }

    double decimal(String name, double fallback) {
        String v = values.get(name);
        return v == null ? fallback : Double.parseDouble(v);
    }

    int required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return Integer.parseInt(v);
    }
}
