package dev.petrel.amqp.auth;

/**
 * One user's rights in one virtual host: three regular expressions, as {@code rabbitmqctl set_permissions} takes
 * them, each matched anywhere in the resource name (anchor with {@code ^...$}); an empty pattern matches nothing.
 */
public record Permission(String configure, String write, String read) {
    /** Checks that the three expressions compile (a bad one is refused when set, not when used). */
    public Permission {
        for (String regex : new String[] {configure, write, read}) {
            if (!regex.isEmpty()) {
                Patterns.compiled(regex);
            }
        }
    }

    private static boolean matches(String regex, String resource) {
        return !regex.isEmpty() && Patterns.compiled(regex).matcher(resource).find();
    }

    public boolean canConfigure(String resource) {
        return matches(configure, resource);
    }

    public boolean canWrite(String resource) {
        return matches(write, resource);
    }

    public boolean canRead(String resource) {
        return matches(read, resource);
    }
}
