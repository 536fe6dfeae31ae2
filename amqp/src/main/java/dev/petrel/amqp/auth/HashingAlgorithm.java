package dev.petrel.amqp.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * RabbitMQ's password hashing modules ({@code rabbit_password_hashing_sha256}, the default, {@code _sha512} and the
 * legacy {@code _md5}). A stored hash is {@code salt ++ H(salt ++ utf8(password))} with a 4-byte random salt;
 * definitions files carry it base64-encoded, so hashes move between RabbitMQ and Petrel unchanged.
 */
public enum HashingAlgorithm {
    SHA256("SHA-256", "rabbit_password_hashing_sha256"),
    SHA512("SHA-512", "rabbit_password_hashing_sha512"),
    MD5("MD5", "rabbit_password_hashing_md5");

    private static final int SALT_BYTES = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String jdkName;
    private final String rabbitName;

    HashingAlgorithm(String jdkName, String rabbitName) {
        this.jdkName = jdkName;
        this.rabbitName = rabbitName;
    }

    /** The algorithm RabbitMQ names {@code name} (e.g. {@code rabbit_password_hashing_sha256}). */
    public static HashingAlgorithm fromRabbitName(String name) {
        for (HashingAlgorithm a : values()) {
            if (a.rabbitName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown password hashing algorithm: " + name);
    }

    public String rabbitName() {
        return rabbitName;
    }

    /** A new stored hash for {@code password}, with a fresh random salt. */
    public byte[] hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return salted(salt, password);
    }

    /** Whether {@code storedHash} (salt ++ digest) was made from {@code password}; compares in constant time. */
    public boolean matches(byte[] storedHash, String password) {
        if (storedHash == null || storedHash.length != SALT_BYTES + digestLength()) {
            return false;
        }
        byte[] candidate = salted(Arrays.copyOf(storedHash, SALT_BYTES), password);
        return MessageDigest.isEqual(candidate, storedHash);
    }

    private byte[] salted(byte[] salt, String password) {
        MessageDigest md = digest();
        md.update(salt);
        md.update(password.getBytes(StandardCharsets.UTF_8));
        byte[] out = Arrays.copyOf(salt, SALT_BYTES + md.getDigestLength());
        byte[] d = md.digest();
        System.arraycopy(d, 0, out, SALT_BYTES, d.length);
        return out;
    }

    private int digestLength() {
        return digest().getDigestLength();
    }

    private MessageDigest digest() {
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides " + jdkName, e);
        }
    }
}
