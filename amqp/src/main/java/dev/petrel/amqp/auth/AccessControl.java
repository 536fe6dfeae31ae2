package dev.petrel.amqp.auth;

import java.net.InetAddress;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users, vhosts and who may do what where: what the broker asks when a connection logs in and opens a vhost, and on
 * every declare, bind, publish and consume. Mirrors RabbitMQ's internal backend: a refused login tells the client only
 * the mechanism, users listed as loopback users may only connect from a loopback address, and a user needs a
 * permission entry in a vhost to open it.
 */
public final class AccessControl {
    /** RabbitMQ's default user, password, vhost and loopback-only users. */
    public static final String DEFAULT_USER = "guest";

    public static final String DEFAULT_VHOST = "/";

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Set<String> vhosts = ConcurrentHashMap.newKeySet();
    /** vhost -> user -> permission. */
    private final Map<String, Map<String, Permission>> permissions = new ConcurrentHashMap<>();

    private volatile Set<String> loopbackUsers = Set.of();

    /** Empty: no users, no vhosts. */
    public AccessControl() {}

    /** A fresh RabbitMQ's state: vhost {@code /}, user guest/guest (administrator) with all rights there, guest loopback-only. */
    public static AccessControl withDefaults() {
        AccessControl access = new AccessControl();
        access.addVhost(DEFAULT_VHOST);
        access.addUser(DEFAULT_USER, DEFAULT_USER, "administrator");
        access.setPermissions(DEFAULT_USER, DEFAULT_VHOST, ".*", ".*", ".*");
        access.setLoopbackUsers(Set.of(DEFAULT_USER));
        return access;
    }

    /** Adds a user, or replaces an existing one's password and tags (keeping its permissions). */
    public void addUser(String name, String password, String... tags) {
        addUserWithHash(name, HashingAlgorithm.SHA256.hash(password), HashingAlgorithm.SHA256, tags);
    }

    /** Adds a user whose password hash was made elsewhere, such as a RabbitMQ definitions file. */
    public void addUserWithHash(String name, byte[] hash, HashingAlgorithm alg, String... tags) {
        users.put(name, new User(name, hash, alg, List.of(tags)));
    }

    /** Removes the user and all its permissions; no-op for an unknown user. */
    public void deleteUser(String name) {
        users.remove(name);
        permissions.values().forEach(byUser -> byUser.remove(name));
    }

    public User user(String name) {
        return users.get(name);
    }

    public Set<String> users() {
        return Collections.unmodifiableSet(new TreeSet<>(users.keySet()));
    }

    /** Adds a vhost; no-op when it exists. */
    public void addVhost(String name) {
        vhosts.add(name);
    }

    /** Removes the vhost and every permission in it; no-op for an unknown vhost. */
    public void deleteVhost(String name) {
        vhosts.remove(name);
        permissions.remove(name);
    }

    public Set<String> vhosts() {
        return Collections.unmodifiableSet(new TreeSet<>(vhosts));
    }

    public boolean vhostExists(String name) {
        return vhosts.contains(name);
    }

    /**
     * Grants {@code user} the three expressions in {@code vhost}, replacing what it had there. Throws {@link
     * IllegalArgumentException} for an unknown user or vhost, or an expression that does not compile.
     */
    public void setPermissions(String user, String vhost, String configure, String write, String read) {
        if (!users.containsKey(user)) {
            throw new IllegalArgumentException("no such user: " + user);
        }
        if (!vhosts.contains(vhost)) {
            throw new IllegalArgumentException("no such vhost: " + vhost);
        }
        Permission permission = new Permission(configure, write, read);
        permissions.computeIfAbsent(vhost, v -> new ConcurrentHashMap<>()).put(user, permission);
    }

    public void clearPermissions(String user, String vhost) {
        Map<String, Permission> byUser = permissions.get(vhost);
        if (byUser != null) {
            byUser.remove(user);
        }
    }

    /** The users who may only connect from a loopback address (RabbitMQ's {@code loopback_users}). */
    public void setLoopbackUsers(Set<String> names) {
        loopbackUsers = Set.copyOf(names);
    }

    public Set<String> loopbackUsers() {
        return loopbackUsers;
    }

    /** {@link #authenticate(String, String, String, InetAddress)} for the PLAIN mechanism. */
    public User authenticate(String user, String password, InetAddress peer) throws AuthFailure {
        return authenticate("PLAIN", user, password, peer);
    }

    /**
     * The user, when {@code password} is right and a loopback-only user connects from a loopback address ({@code
     * peer} null counts as remote). Otherwise throws {@link AuthFailure} with RabbitMQ's reply text, which names the
     * {@code mechanism} but not the reason.
     */
    public User authenticate(String mechanism, String user, String password, InetAddress peer) throws AuthFailure {
        User found = users.get(user);
        if (found == null || !found.checkPassword(password)) {
            throw refused(mechanism, "user '" + user + "' - invalid credentials");
        }
        if (loopbackUsers.contains(user) && (peer == null || !peer.isLoopbackAddress())) {
            throw refused(mechanism, "user '" + user + "' can only connect via localhost");
        }
        return found;
    }

    /** Whether {@code user} may open {@code vhost} ({@code connection.open}); throws with RabbitMQ's text if not. */
    public void checkVhostAccess(String user, String vhost) throws AuthFailure {
        if (!vhosts.contains(vhost)) {
            throw new AuthFailure("NOT_ALLOWED - vhost " + vhost + " not found");
        }
        if (permission(user, vhost) == null) {
            throw new AuthFailure("NOT_ALLOWED - access to vhost '" + vhost + "' refused for user '" + user + "'");
        }
    }

    /** The user's rights in the vhost, or null when it has none there. */
    public Permission permission(String user, String vhost) {
        Map<String, Permission> byUser = permissions.get(vhost);
        return byUser == null ? null : byUser.get(user);
    }

    /**
     * RabbitMQ's reply text (code 403) for an operation a permission refuses, e.g. {@code accessRefused("queue",
     * "bob", "dev", "alice")}.
     */
    public static String accessRefused(String kind, String resource, String vhost, String user) {
        return "ACCESS_REFUSED - access to " + kind + " '" + resource + "' in vhost '" + vhost + "' refused for user '"
                + user + "'";
    }

    private static AuthFailure refused(String mechanism, String why) {
        return new AuthFailure(
                "ACCESS_REFUSED - Login was refused using authentication mechanism " + mechanism
                        + ". For details see the broker logfile.",
                mechanism + " login refused: " + why);
    }
}
