package dev.petrel.redis.command;

/** Redis's error replies, word for word (Redis 7.0), in one place. */
public final class Errors {
    private Errors() {}

    public static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
    public static final String SYNTAX = "ERR syntax error";
    public static final String NOT_INTEGER = "ERR value is not an integer or out of range";
    public static final String NOT_FLOAT = "ERR value is not a valid float";
    public static final String OVERFLOW = "ERR increment or decrement would overflow";
    public static final String NO_SUCH_KEY = "ERR no such key";
    public static final String DB_INDEX = "ERR DB index is out of range";
    public static final String NOAUTH = "NOAUTH Authentication required.";
    public static final String WRONGPASS = "WRONGPASS invalid username-password pair or user is disabled.";
    public static final String NO_PASSWORD_SET =
            "ERR AUTH <password> called without any password configured for the default user. "
                    + "Are you sure your configuration is correct?";
    public static final String INVALID_EXPIRE = "invalid expire time in '%s' command";
    public static final String STRING_TOO_LONG = "ERR string exceeds maximum allowed size (proto-max-bulk-len)";
    public static final String BIT_OFFSET = "ERR bit offset is not an integer or out of range";
    public static final String BIT_VALUE = "ERR bit is not an integer or out of range";
    public static final String OOM = "OOM command not allowed when used memory > 'maxmemory'.";

    /** {@code ERR wrong number of arguments for 'get' command}. */
    public static String arity(String fullName) {
        return "ERR wrong number of arguments for '" + fullName + "' command";
    }

    /** {@code ERR invalid expire time in 'set' command}. */
    public static String invalidExpire(String command) {
        return "ERR " + String.format(INVALID_EXPIRE, command);
    }

    /** {@code ERR unknown subcommand 'x'. Try OBJECT HELP.} */
    public static String unknownSubcommand(String sub, String container) {
        return "ERR unknown subcommand '" + clip(sub, 128) + "'. Try " + container + " HELP.";
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
