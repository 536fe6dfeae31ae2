package dev.petrel.amqp.auth;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A user of the broker: a name, a password hash in RabbitMQ's format (see {@link HashingAlgorithm}) and tags such as
 * {@code administrator}. An empty hash means the user has no password and cannot log in with one, as in RabbitMQ.
 */
public record User(String name, byte[] passwordHash, HashingAlgorithm algorithm, List<String> tags) {
    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(algorithm, "algorithm");
        passwordHash = passwordHash == null ? new byte[0] : passwordHash.clone();
        tags = List.copyOf(tags);
    }

    /** A copy of the stored hash (salt ++ digest). */
    @Override
    public byte[] passwordHash() {
        return passwordHash.clone();
    }

    /** Whether {@code password} is this user's password; the comparison takes the same time wherever it differs. */
    public boolean checkPassword(String password) {
        return password != null && algorithm.matches(passwordHash, password);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof User u
                && name.equals(u.name)
                && Arrays.equals(passwordHash, u.passwordHash)
                && algorithm == u.algorithm
                && tags.equals(u.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(passwordHash), algorithm, tags);
    }

    @Override
    public String toString() {
        return "User[" + name + ", " + algorithm.rabbitName() + ", tags=" + tags + "]";
    }
}
