package dev.petrel.amqp.auth;

import java.net.InetAddress;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Users, virtual hosts and permissions, as RabbitMQ keeps them: by default the vhost {@code /} and the user
 * guest/guest, an administrator with every permission on {@code /}, allowed to log in from loopback only.
 */
public final class AccessControl {
    private final Map<String, User> users = new HashMap<>();
    private final Set<String> vhosts = new LinkedHashSet<>();
    private final Map<String, Permission> permissions = new HashMap<>();
    private Set<String> loopbackUsers = Set.of("guest");

    public static AccessControl withDefaults() {
        AccessControl a = new AccessControl();
        a.addVhost("/");
        a.addUser("guest", "guest", "administrator");
        a.setPermissions("guest", "/", ".*", ".*", ".*");
        return a;
    }

    public synchronized void addUser(String name, String password, String... tags) {
        addUserWithHash(name, HashingAlgorithm.SHA256.hash(password), HashingAlgorithm.SHA256, tags);
    }

    public synchronized void addUserWithHash(String name, byte[] hash, HashingAlgorithm alg, String... tags) {
        users.put(name, new User(name, hash, alg, List.of(tags)));
    }

    public synchronized void deleteUser(String name) {
        users.remove(name);
        permissions.keySet().removeIf(k -> k.startsWith(name + "\0"));
    }

    public synchronized void addVhost(String name) {
        vhosts.add(name);
    }

    public synchronized void deleteVhost(String name) {
        vhosts.remove(name);
        permissions.keySet().removeIf(k -> k.endsWith("\0" + name));
    }

    public synchronized Set<String> vhosts() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(vhosts));
    }

    public synchronized boolean vhostExists(String name) {
        return vhosts.contains(name);
    }

    public synchronized void setPermissions(String user, String vhost, String configure, String write, String read) {
        permissions.put(user + "\0" + vhost, new Permission(configure, write, read));
    }

    public synchronized void clearPermissions(String user, String vhost) {
        permissions.remove(user + "\0" + vhost);
    }

    /** Users that may only log in from a loopback address (RabbitMQ's {@code loopback_users}). */
    public synchronized void setLoopbackUsers(Set<String> names) {
        loopbackUsers = Set.copyOf(names);
    }

    /** Checks the name and password, and where the user connects from. */
    public synchronized User authenticate(String name, String password, InetAddress peer) throws AuthFailure {
        User u = users.get(name);
        if (u == null || !u.checkPassword(password)) {
            throw new AuthFailure("ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details"
                    + " see the broker logfile.");
        }
        if (loopbackUsers.contains(name) && !peer.isLoopbackAddress()) {
            throw new AuthFailure("ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details"
                    + " see the broker logfile.");
        }
        return u;
    }

    /** The user's permission in a vhost, or null if none. */
    public synchronized Permission permission(String user, String vhost) {
        return permissions.get(user + "\0" + vhost);
    }
}
