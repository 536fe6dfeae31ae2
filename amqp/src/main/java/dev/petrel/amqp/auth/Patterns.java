package dev.petrel.amqp.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Compiled permission patterns, shared: a handful of distinct expressions serve every check. */
final class Patterns {
    private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Patterns() {}

    static Pattern compiled(String regex) {
        return CACHE.computeIfAbsent(regex, Pattern::compile);
    }
}
