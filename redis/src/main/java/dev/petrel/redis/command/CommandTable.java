package dev.petrel.redis.command;

import dev.petrel.redis.resp.Args;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Every command by name. Looked up straight from the request's first argument, case-insensitively, in an
 * open-addressing table: no String is made per request.
 */
public final class CommandTable {
    private CommandSpec[] slots = new CommandSpec[512];
    private final List<CommandSpec> all = new ArrayList<>();

    /** Registers {@code spec} with its handler: one table line per command. */
    public CommandTable add(CommandSpec spec, Command handler) {
        spec.handler(handler);
        return add(spec);
    }

    /** Registers a container command whose subcommands carry the handlers. */
    public CommandTable add(CommandSpec spec) {
        if (find(spec.name()) != null) {
            throw new IllegalStateException("command registered twice: " + spec.name());
        }
        if ((all.size() + 1) * 2 > slots.length) {
            CommandSpec[] old = slots;
            slots = new CommandSpec[old.length * 2];
            for (CommandSpec s : old) {
                if (s != null) {
                    place(s);
                }
            }
        }
        place(spec);
        all.add(spec);
        return this;
    }

    private void place(CommandSpec s) {
        int mask = slots.length - 1;
        int i = hash(s.name()) & mask;
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = s;
    }

    /** The command named by argument {@code i} of {@code args}, or null. */
    public CommandSpec lookup(Args args, int i) {
        int n = args.length(i);
        int h = 0;
        for (int j = 0; j < n; j++) {
            h = 31 * h + upper(args.byteAt(i, j));
        }
        int mask = slots.length - 1;
        for (int k = mix(h) & mask; slots[k] != null; k = (k + 1) & mask) {
            CommandSpec s = slots[k];
            if (s.name().length() == n && args.is(i, s.name())) {
                return s;
            }
        }
        return null;
    }

    /** The command called {@code name} (any case), or null. */
    public CommandSpec find(String name) {
        String up = name.toUpperCase(Locale.ROOT);
        int mask = slots.length - 1;
        for (int k = hash(up) & mask; slots[k] != null; k = (k + 1) & mask) {
            if (slots[k].name().equals(up)) {
                return slots[k];
            }
        }
        return null;
    }

    /** Every command, in the order registered. */
    public Collection<CommandSpec> all() {
        return Collections.unmodifiableList(all);
    }

    public int size() {
        return all.size();
    }

    private static int hash(String upperName) {
        int h = 0;
        for (int j = 0; j < upperName.length(); j++) {
            h = 31 * h + upperName.charAt(j);
        }
        return mix(h);
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    private static int upper(byte b) {
        return b >= 'a' && b <= 'z' ? b - 32 : b;
    }
}
