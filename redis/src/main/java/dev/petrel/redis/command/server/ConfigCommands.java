package dev.petrel.redis.command.server;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.ADMIN;
import static dev.petrel.redis.command.Flag.LOADING;
import static dev.petrel.redis.command.Flag.NOSCRIPT;
import static dev.petrel.redis.command.Flag.STALE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandSpec;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.command.Errors;
import dev.petrel.redis.command.server.ConfigParams.Param;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CONFIG GET, SET, RESETSTAT, REWRITE, HELP over the parameter table {@link ConfigParams}. */
final class ConfigCommands {
    private ConfigCommands() {}

    static void register(CommandTable t) {
        CommandSpec config = spec("CONFIG")
                .arity(-2)
                .group("server")
                .since("2.0.0")
                .summary("A container for server configuration commands")
                .complexity("Depends on subcommand.");
        config.sub(
                admin("GET", -3, "2.0.0", "Get the values of configuration parameters")
                        .complexity("O(N) when N is the number of configuration parameters provided")
                        .syntax("parameter [parameter ...]"),
                ConfigCommands::get);
        config.sub(
                admin("SET", -4, "2.0.0", "Set configuration parameters to the given values")
                        .complexity("O(N) when N is the number of configuration parameters provided")
                        .syntax("parameter value [parameter value ...]"),
                ConfigCommands::set);
        config.sub(admin("RESETSTAT", 2, "2.0.0", "Reset the stats returned by INFO"), ConfigCommands::resetstat);
        config.sub(
                admin("REWRITE", 2, "2.8.0", "Rewrite the configuration file with the in memory configuration"),
                ConfigCommands::rewrite);
        config.sub(
                spec("HELP")
                        .arity(2)
                        .flags(LOADING, STALE)
                        .since("5.0.0")
                        .summary("Show helpful text about the different subcommands")
                        .complexity("O(1)"),
                ConfigCommands::help);
        t.add(config);
    }

    private static CommandSpec admin(String name, int arity, String since, String summary) {
        return spec(name)
                .arity(arity)
                .flags(ADMIN, NOSCRIPT, LOADING, STALE)
                .since(since)
                .summary(summary)
                .complexity("O(1)");
    }

    /** CONFIG GET pattern [pattern ...]: a map of every matching parameter, each once. */
    static void get(CommandContext c) {
        Map<Param, String> found = new LinkedHashMap<>();
        for (int i = 2; i < c.argc(); i++) {
            String pattern = c.args.string(i);
            if (!hasGlob(pattern)) {
                Param p = ConfigParams.find(pattern);
                if (p != null) {
                    found.putIfAbsent(p, pattern); // Redis answers with the name as asked
                }
                continue;
            }
            for (Param p : ConfigParams.ALL) {
                if (CommandCommands.glob(pattern, p.name())) {
                    found.putIfAbsent(p, p.name());
                }
            }
        }
        c.reply.map(found.size());
        for (Map.Entry<Param, String> e : found.entrySet()) {
            c.reply.bulk(e.getValue());
            c.reply.bulk(e.getKey().get().apply(c.server.config()));
        }
    }

    private static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    /** CONFIG SET parameter value [parameter value ...]: every value checked before any is applied. */
    static void set(CommandContext c) {
        if ((c.argc() - 2) % 2 != 0) {
            c.reply.error(Errors.SYNTAX);
            return;
        }
        List<Param> params = new ArrayList<>();
        for (int i = 2; i < c.argc(); i += 2) {
            String name = c.args.string(i);
            Param p = ConfigParams.find(name);
            if (p == null) {
                c.reply.error("ERR Unknown option or number of arguments for CONFIG SET - '" + name + "'");
                return;
            }
            if (p.type() == ParamType.PROTECTED) {
                c.reply.error(failed(name, ConfigParams.PROTECTED));
                return;
            }
            if (!p.mutable()) {
                c.reply.error(failed(name, ConfigParams.IMMUTABLE));
                return;
            }
            if (params.contains(p)) {
                c.reply.error(failed(name, "duplicate parameter"));
                return;
            }
            params.add(p);
        }
        List<String> values = new ArrayList<>();
        for (int k = 0; k < params.size(); k++) {
            try {
                values.add(params.get(k).type().check(c.args.string(3 + 2 * k)));
            } catch (ParamType.Invalid e) {
                c.reply.error(failed(c.args.string(2 + 2 * k), e.getMessage()));
                return;
            }
        }
        for (int k = 0; k < params.size(); k++) {
            params.get(k).apply().accept(c.server, values.get(k));
        }
        c.reply.ok();
    }

    private static String failed(String name, String reason) {
        return "ERR CONFIG SET failed (possibly related to argument '" + name + "') - " + reason;
    }

    /** CONFIG RESETSTAT */
    static void resetstat(CommandContext c) {
        c.server.resetStats();
        c.reply.ok();
    }

    /** CONFIG REWRITE: Petrel is configured from its command line, never from a file. */
    static void rewrite(CommandContext c) {
        c.reply.error("ERR The server is running without a config file");
    }

    /** CONFIG HELP */
    static void help(CommandContext c) {
        Help.reply(
                c,
                "CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "GET <pattern>",
                "    Return parameters matching the glob-like <pattern> and their values.",
                "SET <directive> <value>",
                "    Set the configuration <directive> to <value>.",
                "RESETSTAT",
                "    Reset statistics reported by the INFO command.",
                "REWRITE",
                "    Rewrite the configuration file.",
                "HELP",
                "    Prints this help.");
    }
}
