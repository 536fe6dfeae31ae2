package dev.petrel.redis.command;

/** What a command does, given its context; the generic checks have already passed. */
@FunctionalInterface
public interface Command {
    void run(CommandContext c);
}
