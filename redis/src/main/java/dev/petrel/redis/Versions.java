package dev.petrel.redis;

/** The Redis version Petrel's door is compatible with, as INFO and HELLO report it. */
public final class Versions {
    private Versions() {}

    public static final String REDIS_VERSION = "7.0.15";
}
