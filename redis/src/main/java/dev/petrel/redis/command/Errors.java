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
    public static final String NOPROTO = "NOPROTO unsupported protocol version";
    public static final String PROTOCOL_VERSION = "ERR Protocol version is not an integer or out of range";
    public static final String HELLO_NOAUTH = "NOAUTH HELLO must be called with the client already authenticated, "
            + "otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and "
            + "select the RESP protocol version at the same time";
    public static final String CLIENT_NAME = "ERR Client names cannot contain spaces, newlines or special characters.";
    public static final String INVALID_EXPIRE = "invalid expire time in '%s' command";
    public static final String STRING_TOO_LONG = "ERR string exceeds maximum allowed size (proto-max-bulk-len)";
    public static final String BIT_OFFSET = "ERR bit offset is not an integer or out of range";
    public static final String BIT_VALUE = "ERR bit is not an integer or out of range";
    public static final String OOM = "OOM command not allowed when used memory > 'maxmemory'.";
    // keyspace and expiry
    public static final String INT_RANGE = "ERR value is out of range, value must between -2147483648 and 2147483647";
    public static final String SAME_OBJECT = "ERR source and destination objects are the same";
    public static final String INVALID_CURSOR = "ERR invalid cursor";
    public static final String INVALID_FIRST_DB = "ERR invalid first DB index";
    public static final String INVALID_SECOND_DB = "ERR invalid second DB index";
    public static final String EXPIRE_NX_AND_OTHERS =
            "ERR NX and XX, GT or LT options at the same time are not compatible";
    public static final String EXPIRE_GT_AND_LT = "ERR GT and LT options at the same time are not compatible";
    public static final String LFU_NOT_SELECTED = "ERR An LFU maxmemory policy is not selected, access frequency not"
            + " tracked. Please note that when switching between policies at runtime LRU and LFU data will take some"
            + " time to adjust.";
    public static final String LFU_SELECTED = "ERR An LFU maxmemory policy is selected, idle time not tracked. Please"
            + " note that when switching between policies at runtime LRU and LFU data will take some time to adjust.";

    // strings and bits
    public static final String DECREMENT_OVERFLOW = "ERR decrement would overflow";
    public static final String NAN_OR_INFINITY = "ERR increment would produce NaN or Infinity";
    public static final String OFFSET_RANGE = "ERR offset is out of range";
    public static final String LCS_NOT_STRINGS = "ERR The specified keys must contain string values";
    public static final String LCS_LEN_AND_IDX = "ERR If you want both the length and indexes, please just use IDX.";
    public static final String LCS_TOO_BIG =
            "ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len";
    public static final String LCS_NO_MEMORY = "ERR Insufficient memory, failed allocating transient memory for LCS";
    public static final String BIT_ARGUMENT = "ERR The bit argument must be 1 or 0.";
    public static final String BITOP_NOT_ONE_KEY = "ERR BITOP NOT must be called with a single source key.";
    public static final String BITFIELD_TYPE =
            "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.";
    public static final String BITFIELD_OVERFLOW = "ERR Invalid OVERFLOW type specified";
    public static final String BITFIELD_RO_WRITE = "ERR BITFIELD_RO only supports the GET subcommand";

    // hashes
    public static final String HASH_NOT_INTEGER = "ERR hash value is not an integer";
    public static final String HASH_NOT_FLOAT = "ERR hash value is not a float";
    public static final String VALUE_NAN_OR_INFINITY = "ERR value is NaN or Infinity";
    public static final String VALUE_OUT_OF_RANGE = "ERR value is out of range";
    public static final String LONG_RANGE =
            "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807";

    // sets
    public static final String OUT_OF_RANGE_POSITIVE = "ERR value is out of range, must be positive";
    public static final String NUMKEYS_ZERO = "ERR numkeys should be greater than 0";
    public static final String NUMKEYS_MORE_THAN_ARGS = "ERR Number of keys can't be greater than number of args";
    public static final String LIMIT_NEGATIVE = "ERR LIMIT can't be negative";

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
