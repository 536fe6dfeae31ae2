package dev.petrel.amqp.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * RabbitMQ's password hashing: a stored hash is a 4-byte random salt followed by H(salt ++ UTF-8 password), with H
 * SHA-256 (the default, {@code rabbit_password_hashing_sha256}), SHA-512 or MD5. Definitions files carry it in
 * base64, so hashes move between RabbitMQ and Petrel unchanged.
 */
public enum HashingAlgorithm {
    SHA256("rabbit_password_hashing_sha256", "SHA-256"),
    SHA512("rabbit_password_hashing_sha512", "SHA-512"),
    MD5("rabbit_password_hashing_md5", "MD5");

    private static final SecureRandom RANDOM = new SecureRandom();
    private final String rabbitName;
    private final String jdkName;

    HashingAlgorithm(String rabbitName, String jdkName) {
        this.rabbitName = rabbitName;
        this.jdkName = jdkName;
    }

    public String rabbitName() {
        return rabbitName;
    }

    /** The algorithm a definitions file names, or null if unknown. */
    public static HashingAlgorithm fromRabbitName(String name) {
        for (HashingAlgorithm a : values()) {
            if (a.rabbitName.equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** A new hash of {@code password} with a fresh salt. */
    public byte[] hash(String password) {
        byte[] salt = new byte[4];
        RANDOM.nextBytes(salt);
        return salted(salt, password);
    }

    /** Whether {@code password} matches a stored hash (constant-time comparison). */
    public boolean matches(byte[] stored, String password) {
        if (stored == null || stored.length < 5) {
            return false;
        }
        return MessageDigest.isEqual(stored, salted(Arrays.copyOf(stored, 4), password));
    }

    private byte[] salted(byte[] salt, String password) {
        MessageDigest d;
        try {
            d = MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jdkName + " is part of every JDK", e);
        }
        d.update(salt);
        d.update(password.getBytes(StandardCharsets.UTF_8));
        byte[] h = d.digest();
        byte[] out = new byte[4 + h.length];
        System.arraycopy(salt, 0, out, 0, 4);
        System.arraycopy(h, 0, out, 4, h.length);
        return out;
    }
}
