package dev.petrel.redis.command.pubsub;

import static dev.petrel.redis.command.CommandSpec.spec;
import static dev.petrel.redis.command.Flag.LOADING;
import static dev.petrel.redis.command.Flag.PUBSUB;
import static dev.petrel.redis.command.Flag.STALE;

import dev.petrel.redis.command.CommandContext;
import dev.petrel.redis.command.CommandSpec;
import dev.petrel.redis.command.CommandTable;
import dev.petrel.redis.pubsub.PubSub;
import java.util.List;

/** PUBSUB CHANNELS, NUMSUB, NUMPAT, SHARDCHANNELS, SHARDNUMSUB, HELP: what the hub holds. */
final class PubSubIntrospection {
    private PubSubIntrospection() {}

    private static final String[] HELP = {
        "PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "CHANNELS [<pattern>]",
        "    Return the currently active channels matching a <pattern> (default: '*').",
        "NUMPAT",
        "    Return number of subscriptions to patterns.",
        "NUMSUB [<channel> ...]",
        "    Return the number of subscribers for the specified channels, excluding",
        "    pattern subscriptions(default: no channels).",
        "SHARDCHANNELS [<pattern>]",
        "    Return the currently active shard level channels matching a <pattern> (default: '*').",
        "SHARDNUMSUB [<shardchannel> ...]",
        "    Return the number of subscribers for the specified shard level channel(s)",
        "HELP",
        "    Prints this help."
    };

    static void register(CommandTable t) {
        CommandSpec pubsub = spec("PUBSUB")
                .arity(-2)
                .group("pubsub")
                .since("2.8.0")
                .summary("A container for Pub/Sub commands")
                .complexity("Depends on subcommand.");
        pubsub.sub(
                sub("CHANNELS", -2, "2.8.0", "List active channels")
                        .complexity("O(N) where N is the number of active channels, and assuming constant time"
                                + " pattern matching (relatively short channels and patterns)")
                        .syntax("[pattern]"),
                c -> channels(c, false));
        pubsub.sub(
                spec("HELP")
                        .arity(2)
                        .flags(LOADING, STALE)
                        .since("6.2.0")
                        .summary("Show helpful text about the different subcommands")
                        .complexity("O(1)"),
                PubSubIntrospection::help);
        pubsub.sub(
                sub("SHARDNUMSUB", -2, "7.0.0", "Get the count of subscribers for shard channels")
                        .complexity("O(N) for the SHARDNUMSUB subcommand, where N is the number of requested shard"
                                + " channels")
                        .syntax("[shardchannel [shardchannel ...]]"),
                c -> numsub(c, true));
        pubsub.sub(
                sub("SHARDCHANNELS", -2, "7.0.0", "List active shard channels")
                        .complexity("O(N) where N is the number of active shard channels, and assuming constant time"
                                + " pattern matching (relatively short shard channels).")
                        .syntax("[pattern]"),
                c -> channels(c, true));
        pubsub.sub(
                sub("NUMPAT", 2, "2.8.0", "Get the count of unique patterns pattern subscriptions")
                        .complexity("O(1)"),
                c -> c.reply.integer(PubSubCommands.hub(c).patternCount()));
        pubsub.sub(
                sub("NUMSUB", -2, "2.8.0", "Get the count of subscribers for channels")
                        .complexity("O(N) for the NUMSUB subcommand, where N is the number of requested channels")
                        .syntax("[channel [channel ...]]"),
                c -> numsub(c, false));
        t.add(pubsub);
    }

    private static CommandSpec sub(String name, int arity, String since, String summary) {
        return spec(name)
                .arity(arity)
                .flags(PUBSUB, LOADING, STALE)
                .since(since)
                .summary(summary);
    }

    /** CHANNELS / SHARDCHANNELS [pattern]: more than one pattern is Redis's unknown-subcommand error. */
    static void channels(CommandContext c, boolean shard) {
        if (c.argc() > 3) {
            c.reply.error("ERR unknown subcommand or wrong number of arguments for '" + c.args.latin1(1)
                    + "'. Try PUBSUB HELP.");
            return;
        }
        List<byte[]> names = PubSubCommands.hub(c).active(shard, c.argc() == 3 ? c.args.bytes(2) : null);
        c.reply.array(names.size());
        for (byte[] n : names) {
            c.reply.bulk(n);
        }
    }

    /** NUMSUB / SHARDNUMSUB [channel ...]: a flat array of name, count pairs (in RESP3 too, as Redis). */
    static void numsub(CommandContext c, boolean shard) {
        PubSub hub = PubSubCommands.hub(c);
        c.reply.array(2 * (c.argc() - 2));
        for (int i = 2; i < c.argc(); i++) {
            byte[] name = c.args.bytes(i);
            c.reply.bulk(name);
            c.reply.integer(hub.subscribers(shard, name));
        }
    }

    static void help(CommandContext c) {
        c.reply.array(HELP.length);
        for (String line : HELP) {
            c.reply.simple(line);
        }
    }
}
