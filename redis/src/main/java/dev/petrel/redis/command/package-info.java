/**
 * Commands: their metadata ({@link dev.petrel.redis.command.CommandSpec}), the table that finds them by name, and the
 * dispatcher that applies every generic check (arity, authentication, flags) in one place so that command methods stay
 * short. Each family of commands lives in its own subpackage and registers its table lines. Loop thread only.
 */
package dev.petrel.redis.command;
