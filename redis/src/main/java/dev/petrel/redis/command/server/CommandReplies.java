package dev.petrel.redis.command.server;

import dev.petrel.redis.command.CommandSpec;
import dev.petrel.redis.command.Flag;
import dev.petrel.redis.resp.ReplyWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one command's COMMAND INFO entry and COMMAND DOCS map, in Redis 7.0's shapes, from its table line: flags,
 * key positions and group give the ACL categories and a key specification; the syntax line gives the arguments.
 */
final class CommandReplies {
    private CommandReplies() {}

    /** {@code [name, arity, flags, first, last, step, categories, tips, key specs, subcommands]}. */
    static void info(ReplyWriter r, CommandSpec s) {
        r.array(10);
        r.bulk(s.fullName());
        r.integer(s.arity());
        List<String> flags = flagNames(s);
        r.set(flags.size());
        for (String f : flags) {
            r.simple(f);
        }
        r.integer(s.firstKey());
        r.integer(s.lastKey());
        r.integer(s.keyStep());
        List<String> cats = AclCategories.of(s);
        r.set(cats.size());
        for (String c : cats) {
            r.simple("@" + c);
        }
        r.set(0); // tips: none of Petrel's commands needs a cluster routing hint
        keySpecs(r, s);
        r.array(s.subcommands().size());
        for (CommandSpec sub : s.subcommands().values()) {
            info(r, sub);
        }
    }

    static List<String> flagNames(CommandSpec s) {
        List<String> out = new ArrayList<>();
        for (Flag f : s.flags()) {
            out.add(f == Flag.MOVABLE_KEYS ? "movablekeys" : f.redisName());
        }
        return out;
    }

    /**
     * One key spec from the key positions: an index search from the first key, then a range (last key relative to
     * the first, or negative from the end) with the step. Reads are RO/access, writes RW/update.
     */
    private static void keySpecs(ReplyWriter r, CommandSpec s) {
        if (s.firstKey() <= 0) {
            r.array(0);
            return;
        }
        r.array(1);
        r.map(3);
        r.bulk("flags");
        boolean write = s.has(Flag.WRITE);
        r.set(2);
        r.simple(write ? "RW" : "RO");
        r.simple(write ? "update" : "access");
        r.bulk("begin_search");
        r.map(2);
        r.bulk("type");
        r.bulk("index");
        r.bulk("spec");
        r.map(1);
        r.bulk("index");
        r.integer(s.firstKey());
        r.bulk("find_keys");
        r.map(2);
        r.bulk("type");
        r.bulk("range");
        r.bulk("spec");
        r.map(3);
        r.bulk("lastkey");
        r.integer(s.lastKey() < 0 ? s.lastKey() : s.lastKey() - s.firstKey());
        r.bulk("keystep");
        r.integer(s.keyStep());
        r.bulk("limit");
        r.integer(0);
    }

    /** The docs map: summary, since, group, complexity, arguments, subcommands (the empty ones left out). */
    static void docs(ReplyWriter r, CommandSpec s) {
        List<DocArg> args = SyntaxParser.parse(s.syntax());
        boolean hasSummary = !s.summary().isEmpty();
        boolean hasComplexity = !s.complexity().isEmpty();
        boolean hasArgs = !args.isEmpty();
        boolean hasSubs = s.isContainer();
        r.map(2 + (hasSummary ? 1 : 0) + (hasComplexity ? 1 : 0) + (hasArgs ? 1 : 0) + (hasSubs ? 1 : 0));
        if (hasSummary) {
            r.bulk("summary");
            r.bulk(s.summary());
        }
        r.bulk("since");
        r.bulk(s.since());
        r.bulk("group");
        r.bulk(s.group());
        if (hasComplexity) {
            r.bulk("complexity");
            r.bulk(s.complexity());
        }
        if (hasArgs) {
            r.bulk("arguments");
            arguments(r, args, s.firstKey() > 0);
        }
        if (hasSubs) {
            r.bulk("subcommands");
            r.map(s.subcommands().size());
            for (CommandSpec sub : s.subcommands().values()) {
                r.bulk(sub.fullName());
                docs(r, sub);
            }
        }
    }

    private static void arguments(ReplyWriter r, List<DocArg> args, boolean hasKeySpec) {
        r.array(args.size());
        for (DocArg a : args) {
            boolean keyIndex = a.type().equals("key") && hasKeySpec;
            List<String> flags = new ArrayList<>();
            if (a.optional()) {
                flags.add("optional");
            }
            if (a.multiple()) {
                flags.add("multiple");
            }
            if (a.multipleToken()) {
                flags.add("multiple_token");
            }
            int fields = 2
                    + (keyIndex ? 1 : 0)
                    + (a.token() != null ? 1 : 0)
                    + (flags.isEmpty() ? 0 : 1)
                    + (a.isGroup() ? 1 : 0);
            r.map(fields);
            r.bulk("name");
            r.bulk(a.name());
            r.bulk("type");
            r.bulk(a.type());
            if (keyIndex) {
                r.bulk("key_spec_index");
                r.integer(0);
            }
            if (a.token() != null) {
                r.bulk("token");
                r.bulk(a.token());
            }
            if (!flags.isEmpty()) {
                r.bulk("flags");
                r.set(flags.size());
                for (String f : flags) {
                    r.simple(f);
                }
            }
            if (a.isGroup()) {
                r.bulk("arguments");
                arguments(r, a.arguments(), hasKeySpec);
            }
        }
    }
}
