package dev.petrel.redis.command.server;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.LOADING;
import static dev.petrel.redis.command.Flag.STALE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandTable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * INFO [section ...]: Redis's sections, in Redis's order, whatever order they are asked in. {@code default} (or no
 * argument) is the usual set; {@code all} adds the per-command sections; {@code everything} would add modules'.
 * An unknown section contributes nothing.
 */
final class InfoCommand {
    /** Every section, in the order Redis prints them. */
    static final List<String> SECTIONS = List.of(
            "server",
            "clients",
            "memory",
            "persistence",
            "stats",
            "replication",
            "cpu",
            "modules",
            "commandstats",
            "errorstats",
            "latencystats",
            "cluster",
            "keyspace");

    private static final Set<String> NOT_DEFAULT = Set.of("commandstats", "latencystats");

    private InfoCommand() {}

    static void register(CommandTable t) {
        t.add(
                spec("INFO")
                        .arity(-1)
                        .flags(LOADING, STALE)
                        .group("server")
                        .since("1.0.0")
                        .summary("Get information and statistics about the server")
                        .complexity("O(1)")
                        .syntax("[section [section ...]]"),
                InfoCommand::info);
    }

    /** INFO [section ...] */
    static void info(CommandContext c) {
        Set<String> wanted = new TreeSet<>();
        if (c.argc() == 1) {
            wanted.add("default");
        }
        for (int i = 1; i < c.argc(); i++) {
            wanted.add(c.args.string(i).toLowerCase(Locale.ROOT));
        }
        boolean all = wanted.contains("all") || wanted.contains("everything");
        boolean dflt = wanted.contains("default");
        StringBuilder sb = new StringBuilder();
        InfoSections sections = new InfoSections(c.server);
        for (String s : SECTIONS) {
            if (all || wanted.contains(s) || (dflt && !NOT_DEFAULT.contains(s))) {
                if (sb.length() > 0) {
                    sb.append("\r\n");
                }
                sections.write(s, sb);
            }
        }
        c.reply.verbatim(sb.toString());
    }
}
