package dev.petrel.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petrel.amqp.AmqpConfig;
import dev.petrel.amqp.Topology;
import dev.petrel.amqp.auth.HashingAlgorithm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a RabbitMQ definitions file (what {@code rabbitmqctl export_definitions} writes) into an {@link AmqpConfig}:
 * users with their password hashes, vhosts, permissions, exchanges, queues and bindings. As when RabbitMQ imports
 * definitions at boot, the default user guest and vhost {@code /} exist only if the file defines them.
 */
final class AmqpDefinitions {
    /** What was read. */
    record Result(int users, int vhosts, int permissions, int exchanges, int queues, int bindings) {
        @Override
        public String toString() {
            return users + " users, " + vhosts + " vhosts, " + permissions + " permissions, " + exchanges
                    + " exchanges, " + queues + " queues, " + bindings + " bindings";
        }
    }

    private AmqpDefinitions() {}

    static Result load(Path file, AmqpConfig into) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": not a definitions file (expected a JSON object)");
        }
        into.access().deleteUser("guest");
        into.access().deleteVhost("/");
        int users = 0;
        for (JsonNode u : root.path("users")) {
            String name = text(u, "name");
            HashingAlgorithm alg;
            try {
                alg = HashingAlgorithm.fromRabbitName(
                        u.path("hashing_algorithm").asText("rabbit_password_hashing_sha256"));
            } catch (IllegalArgumentException e) {
                throw new IOException("user '" + name + "': " + e.getMessage());
            }
            byte[] hash = Base64.getDecoder().decode(u.path("password_hash").asText(""));
            into.access().addUserWithHash(name, hash, alg, tags(u.path("tags")));
            users++;
        }
        int vhosts = 0;
        for (JsonNode v : root.path("vhosts")) {
            into.addVhost(text(v, "name"));
            vhosts++;
        }
        int permissions = 0;
        for (JsonNode p : root.path("permissions")) {
            into.setPermissions(
                    text(p, "user"), text(p, "vhost"), text(p, "configure"), text(p, "write"), text(p, "read"));
            permissions++;
        }
        Topology t = into.topology();
        int exchanges = 0;
        for (JsonNode e : root.path("exchanges")) {
            t.add(new Topology.ExchangeSpec(
                    text(e, "vhost"),
                    text(e, "name"),
                    text(e, "type"),
                    e.path("durable").asBoolean(true),
                    e.path("auto_delete").asBoolean(false),
                    e.path("internal").asBoolean(false),
                    arguments(e.path("arguments"))));
            exchanges++;
        }
        int queues = 0;
        for (JsonNode q : root.path("queues")) {
            t.add(new Topology.QueueSpec(
                    text(q, "vhost"),
                    text(q, "name"),
                    q.path("durable").asBoolean(true),
                    q.path("auto_delete").asBoolean(false),
                    arguments(q.path("arguments"))));
            queues++;
        }
        int bindings = 0;
        for (JsonNode b : root.path("bindings")) {
            t.add(new Topology.BindingSpec(
                    text(b, "vhost"),
                    text(b, "source"),
                    text(b, "destination"),
                    b.path("destination_type").asText("queue"),
                    b.path("routing_key").asText(""),
                    arguments(b.path("arguments"))));
            bindings++;
        }
        return new Result(users, vhosts, permissions, exchanges, queues, bindings);
    }

    private static String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IOException("definitions: '" + field + "' missing or not a string in " + n);
        }
        return v.asText();
    }

    /** Tags are a list in RabbitMQ 3.10's exports and a comma-separated string in older ones. */
    private static String[] tags(JsonNode n) {
        List<String> tags = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(t -> tags.add(t.asText()));
        } else if (n.isTextual() && !n.asText().isEmpty()) {
            for (String t : n.asText().split(",")) {
                tags.add(t.trim());
            }
        }
        return tags.toArray(String[]::new);
    }

    /** JSON arguments as field-table values: integers as Integer or Long, text as String, and so on. */
    private static Map<String, Object> arguments(JsonNode n) {
        Map<String, Object> args = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> args.put(e.getKey(), value(e.getValue())));
        return args;
    }

    private static Object value(JsonNode v) {
        if (v.isInt()) {
            return v.intValue();
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(x -> list.add(value(x)));
            return list;
        }
        if (v.isObject()) {
            return arguments(v);
        }
        return v.asText();
    }
}
