package dev.petrel.redis.command;

import dev.petrel.redis.Client;
import dev.petrel.redis.resp.Args;

/**
 * Finds a request's command and applies the checks every command shares, in Redis's order — known command, known
 * subcommand, arity, authentication — then runs it. Replies in Redis's words.
 */
public final class Dispatcher {
    private final CommandTable table;

    public Dispatcher(CommandTable table) {
        this.table = table;
    }

    public CommandTable table() {
        return table;
    }

    /** Runs the request in {@code c.args}. */
    public void dispatch(CommandContext c) {
        Args a = c.args;
        CommandSpec spec = table.lookup(a, 0);
        if (spec == null) {
            c.reply.error(unknownCommand(a));
            return;
        }
        if (spec.isContainer() && (a.count() > 1 || spec.handler() == null)) {
            // a container with a handler of its own (COMMAND) runs it when no subcommand is named
            if (a.count() == 1) {
                c.reply.error(Errors.arity(spec.fullName()));
                return;
            }
            CommandSpec sub = spec.subcommands().get(upper(a.string(1)));
            if (sub == null) {
                c.reply.error(Errors.unknownSubcommand(a.latin1(1), spec.name()));
                return;
            }
            spec = sub;
        }
        if (!spec.arityAllows(a.count())) {
            c.reply.error(Errors.arity(spec.fullName()));
            return;
        }
        Client client = c.client;
        if (!client.authenticated && !spec.has(Flag.NO_AUTH) && c.server.authRequired()) {
            c.reply.error(Errors.NOAUTH);
            return;
        }
        c.spec = spec;
        client.lastCommand = spec.fullName();
        if (client.subscriptions != null && client.subscriptions.intercept(c)) {
            return; // the RESP2 subscriber context
        }
        c.server.keyspace().setTouching(!client.noTouch || spec.name().equals("TOUCH"));
        spec.handler().run(c);
        c.server.blocking().serveReadyKeys(); // clients blocked on keys this command made ready, as Redis
        c.server.countCommand();
    }

    private static String upper(String s) {
        return s.toUpperCase(java.util.Locale.ROOT);
    }

    /** {@code ERR unknown command 'foo', with args beginning with: 'a' 'b' }, as Redis 7.0 words it. */
    static String unknownCommand(Args a) {
        StringBuilder args = new StringBuilder();
        for (int i = 1; i < a.count() && args.length() < 128; i++) {
            String s = a.latin1(i);
            args.append('\'')
                    .append(Errors.clip(s, Math.max(0, 128 - args.length())))
                    .append("' ");
        }
        return "ERR unknown command '" + Errors.clip(a.latin1(0), 128) + "', with args beginning with: " + args;
    }
}
