package dev.petrel.redis.command.server;

import java.util.List;

/**
 * One argument of COMMAND DOCS's argument tree: a leaf ({@code key}, {@code string}, {@code integer}, {@code double},
 * {@code pattern}, {@code unix-time}, {@code pure-token}) or a group ({@code oneof}, {@code block}) of arguments.
 *
 * @param token the literal word before the value (or the value itself for a pure token), or null
 */
record DocArg(
        String name,
        String type,
        String token,
        boolean optional,
        boolean multiple,
        boolean multipleToken,
        List<DocArg> arguments) {

    DocArg withOptional() {
        return new DocArg(name, type, token, true, multiple, multipleToken, arguments);
    }

    DocArg withMultiple(boolean repeatsToken) {
        return new DocArg(name, type, token, optional, true, repeatsToken, arguments);
    }

    DocArg withToken(String t) {
        return new DocArg(name, type, t, optional, multiple, multipleToken, arguments);
    }

    boolean isGroup() {
        return type.equals("oneof") || type.equals("block");
    }
}
