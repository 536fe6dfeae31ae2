package dev.petrel.redis.command.server;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.LOADING;
import static dev.petrel.redis.command.Flag.STALE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandSpec;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.command.Flag;
import dev.petrel.redis.keyspace.Glob;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * COMMAND and its subcommands: the command table described to clients (redis-cli builds its hints from COMMAND
 * DOCS). Every entry is written from the table line by {@link CommandReplies}.
 */
final class CommandCommands {
    private CommandCommands() {}

    static void register(CommandTable t) {
        CommandSpec command = spec("COMMAND")
                .arity(-1)
                .flags(LOADING, STALE)
                .group("server")
                .since("2.8.13")
                .summary("Get array of Redis command details")
                .complexity("O(N) where N is the total number of Redis commands");
        command.sub(
                sub("COUNT", 2, "2.8.13", "Get total number of Redis commands", "O(1)", ""), CommandCommands::count);
        command.sub(
                sub(
                        "DOCS",
                        -2,
                        "7.0.0",
                        "Get array of specific Redis command documentation",
                        "O(N) where N is the number of commands to look up",
                        "[command-name [command-name ...]]"),
                CommandCommands::docs);
        command.sub(
                sub(
                        "GETKEYS",
                        -4,
                        "2.8.13",
                        "Extract keys given a full Redis command",
                        "O(N) where N is the number of arguments to the command",
                        ""),
                CommandCommands::getkeys);
        command.sub(
                sub(
                        "GETKEYSANDFLAGS",
                        -4,
                        "7.0.0",
                        "Extract keys and access flags given a full Redis command",
                        "O(N) where N is the number of arguments to the command",
                        ""),
                CommandCommands::getkeysAndFlags);
        command.sub(
                sub("HELP", 2, "5.0.0", "Show helpful text about the different subcommands", "O(1)", ""),
                CommandCommands::help);
        command.sub(
                sub(
                        "INFO",
                        -2,
                        "2.8.13",
                        "Get array of specific Redis command details, or all when no argument is given.",
                        "O(N) where N is the number of commands to look up",
                        "[command-name [command-name ...]]"),
                CommandCommands::info);
        command.sub(
                sub(
                        "LIST",
                        -2,
                        "7.0.0",
                        "Get an array of Redis command names",
                        "O(N) where N is the total number of Redis commands",
                        "[FILTERBY <MODULE module-name | ACLCAT category | PATTERN pattern>]"),
                CommandCommands::list);
        t.add(command, CommandCommands::all);
    }

    private static CommandSpec sub(String name, int arity, String since, String summary, String cx, String syntax) {
        return spec(name)
                .arity(arity)
                .flags(LOADING, STALE)
                .since(since)
                .summary(summary)
                .complexity(cx)
                .syntax(syntax);
    }

    /** COMMAND: every command's entry. */
    static void all(CommandContext c) {
        c.reply.array(c.server.commands().size());
        for (CommandSpec s : c.server.commands().all()) {
            CommandReplies.info(c.reply, s);
        }
    }

    /** COMMAND COUNT */
    static void count(CommandContext c) {
        c.reply.integer(c.server.commands().size());
    }

    /** COMMAND INFO [name ...]: an entry per name, null for an unknown one; every command without names. */
    static void info(CommandContext c) {
        if (c.argc() == 2) {
            all(c);
            return;
        }
        c.reply.array(c.argc() - 2);
        for (int i = 2; i < c.argc(); i++) {
            CommandSpec s = find(c, c.args.string(i));
            if (s == null) {
                c.reply.nullBulk();
            } else {
                CommandReplies.info(c.reply, s);
            }
        }
    }

    /** COMMAND DOCS [name ...]: a map of name to docs; unknown names are left out. */
    static void docs(CommandContext c) {
        List<CommandSpec> found = new ArrayList<>();
        if (c.argc() == 2) {
            found.addAll(c.server.commands().all());
        } else {
            for (int i = 2; i < c.argc(); i++) {
                CommandSpec s = find(c, c.args.string(i));
                if (s != null) {
                    found.add(s);
                }
            }
        }
        c.reply.map(found.size());
        for (CommandSpec s : found) {
            c.reply.bulk(s.fullName());
            CommandReplies.docs(c.reply, s);
        }
    }

    /** A command by name, or a subcommand by {@code container|sub}. */
    static CommandSpec find(CommandContext c, String name) {
        int bar = name.indexOf('|');
        if (bar < 0) {
            return c.server.commands().find(name);
        }
        CommandSpec parent = c.server.commands().find(name.substring(0, bar));
        return parent == null
                ? null
                : parent.subcommands().get(name.substring(bar + 1).toUpperCase(Locale.ROOT));
    }

    /** COMMAND LIST [FILTERBY MODULE name | ACLCAT category | PATTERN pattern]: names, subcommands included. */
    static void list(CommandContext c) {
        String filter = null;
        String value = null;
        if (c.argc() != 2) {
            if (c.argc() != 5 || !c.args.is(2, "FILTERBY")) {
                c.reply.error(Errors.SYNTAX);
                return;
            }
            if (!c.args.is(3, "MODULE") && !c.args.is(3, "ACLCAT") && !c.args.is(3, "PATTERN")) {
                c.reply.error(Errors.SYNTAX);
                return;
            }
            filter = c.args.string(3).toUpperCase(Locale.ROOT);
            value = c.args.string(4);
        }
        List<String> names = new ArrayList<>();
        for (CommandSpec s : c.server.commands().all()) {
            addListed(s, filter, value, names);
            for (CommandSpec sub : s.subcommands().values()) {
                addListed(sub, filter, value, names);
            }
        }
        c.reply.array(names.size());
        for (String n : names) {
            c.reply.bulk(n);
        }
    }

    private static void addListed(CommandSpec s, String filter, String value, List<String> out) {
        boolean keep;
        if (filter == null) {
            keep = true;
        } else if (filter.equals("MODULE")) {
            keep = false; // Petrel has no modules
        } else if (filter.equals("ACLCAT")) {
            keep = AclCategories.of(s).contains(value.toLowerCase(Locale.ROOT));
        } else {
            keep = glob(value, s.fullName());
        }
        if (keep) {
            out.add(s.fullName());
        }
    }

    /** Redis's glob match, without regard to case, of {@code name} against {@code pattern}. */
    static boolean glob(String pattern, String name) {
        byte[] p = pattern.getBytes(StandardCharsets.UTF_8);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return Glob.match(p, 0, p.length, n, 0, n.length, true);
    }

    /** COMMAND GETKEYS command [arg ...] */
    static void getkeys(CommandContext c) {
        List<Integer> keys = keyPositions(c);
        if (keys != null) {
            c.reply.array(keys.size());
            for (int i : keys) {
                c.reply.bulk(c.args.bytes(i));
            }
        }
    }

    /** COMMAND GETKEYSANDFLAGS command [arg ...]: each key with its spec's access flags. */
    static void getkeysAndFlags(CommandContext c) {
        List<Integer> keys = keyPositions(c);
        if (keys == null) {
            return;
        }
        boolean write = target(c).has(Flag.WRITE);
        c.reply.array(keys.size());
        for (int i : keys) {
            c.reply.array(2);
            c.reply.bulk(c.args.bytes(i));
            c.reply.set(2);
            c.reply.simple(write ? "RW" : "RO");
            c.reply.simple(write ? "update" : "access");
        }
    }

    /** The command GETKEYS is asked about (after {@link #keyPositions} validated it). */
    private static CommandSpec target(CommandContext c) {
        CommandSpec s = c.server.commands().lookup(c.args, 2);
        return s.isContainer() ? s.subcommands().get(c.args.string(3).toUpperCase(Locale.ROOT)) : s;
    }

    /** Argument indexes of the keys of the command in arguments 2.., or null after replying with Redis's error. */
    private static List<Integer> keyPositions(CommandContext c) {
        CommandSpec s = c.server.commands().lookup(c.args, 2);
        int argc = c.argc() - 2;
        if (s != null && s.isContainer()) {
            if (argc < 2) {
                c.reply.error("ERR Invalid number of arguments specified for command");
                return null;
            }
            s = s.subcommands().get(c.args.string(3).toUpperCase(Locale.ROOT));
        }
        if (s == null) {
            c.reply.error("ERR Invalid command specified");
            return null;
        }
        if (!s.arityAllows(argc)) {
            c.reply.error("ERR Invalid number of arguments specified for command");
            return null;
        }
        if (s.firstKey() <= 0) {
            c.reply.error("ERR The command has no key arguments");
            return null;
        }
        int last = s.lastKey() < 0 ? argc + s.lastKey() : s.lastKey();
        List<Integer> out = new ArrayList<>();
        for (int i = s.firstKey(); i <= last && i < argc; i += Math.max(1, s.keyStep())) {
            out.add(i + 2);
        }
        return out;
    }

    /** COMMAND HELP */
    static void help(CommandContext c) {
        Help.reply(
                c,
                "COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "(no subcommand)",
                "    Return details about all Redis commands.",
                "COUNT",
                "    Return the total number of commands in this Redis server.",
                "LIST",
                "    Return a list of all commands in this Redis server.",
                "INFO [<command-name> ...]",
                "    Return details about multiple Redis commands.",
                "    If no command names are given, documentation details for all",
                "    commands are returned.",
                "DOCS [<command-name> ...]",
                "    Return documentation details about multiple Redis commands.",
                "    If no command names are given, documentation details for all",
                "    commands are returned.",
                "GETKEYS <full-command>",
                "    Return the keys from a full Redis command.",
                "GETKEYSANDFLAGS <full-command>",
                "    Return the keys and the access flags from a full Redis command.",
                "HELP",
                "    Prints this help.");
    }
}
