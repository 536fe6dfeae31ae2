package dev.petrel.amqp.auth;

import java.util.List;

/** A user: a name, a password hash in RabbitMQ's format, and tags (such as {@code administrator}). */
public record User(String name, byte[] passwordHash, HashingAlgorithm algorithm, List<String> tags) {
    public boolean checkPassword(String password) {
        return algorithm.matches(passwordHash, password);
    }
}
