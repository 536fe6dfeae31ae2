package dev.petrel.redis.command;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One command's metadata — arity, flags, key positions, group, docs — and its handler. The dispatcher applies the
 * generic checks from it; COMMAND INFO and COMMAND DOCS report it. A container command (OBJECT, CONFIG, CLIENT...)
 * has subcommands instead of a handler of its own.
 *
 * <p>Arity as in Redis: N means exactly N arguments counting the name, -N means at least N.
 */
public final class CommandSpec {
    private final String name;
    private CommandSpec parent;
    private int arity;
    private final EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
    private int firstKey;
    private int lastKey;
    private int keyStep;
    private String group = "generic";
    private String since = "1.0.0";
    private String summary = "";
    private String complexity = "";
    private String syntax = "";
    private Command handler;
    private final Map<String, CommandSpec> subcommands = new LinkedHashMap<>();

    private CommandSpec(String name) {
        this.name = name.toUpperCase(Locale.ROOT);
    }

    /** A new spec for {@code name}. */
    public static CommandSpec spec(String name) {
        return new CommandSpec(name);
    }

    public CommandSpec arity(int n) {
        arity = n;
        return this;
    }

    public CommandSpec flags(Flag... fs) {
        Collections.addAll(flags, fs);
        return this;
    }

    /** Key positions: first, last (-1 = the last argument, -2 = the one before...), step. */
    public CommandSpec keys(int first, int last, int step) {
        firstKey = first;
        lastKey = last;
        keyStep = step;
        return this;
    }

    public CommandSpec group(String g) {
        group = g;
        return this;
    }

    public CommandSpec since(String version) {
        since = version;
        return this;
    }

    public CommandSpec summary(String text) {
        summary = text;
        return this;
    }

    public CommandSpec complexity(String text) {
        complexity = text;
        return this;
    }

    /** The arguments after the name, as the docs write them, e.g. {@code key value [NX | XX]}. */
    public CommandSpec syntax(String text) {
        syntax = text;
        return this;
    }

    /** Adds a subcommand (its name is the word after this command's). */
    public CommandSpec sub(CommandSpec s, Command h) {
        s.parent = this;
        s.handler = h;
        if (s.group.equals("generic")) {
            s.group = group;
        }
        subcommands.put(s.name, s);
        return this;
    }

    CommandSpec handler(Command h) {
        handler = h;
        return this;
    }

    public String name() {
        return name;
    }

    /** The name COMMAND and error messages use: lower case, {@code object|encoding} for a subcommand. */
    public String fullName() {
        String n = name.toLowerCase(Locale.ROOT);
        return parent == null ? n : parent.fullName() + "|" + n;
    }

    public CommandSpec parent() {
        return parent;
    }

    public int arity() {
        return arity;
    }

    public Set<Flag> flags() {
        return flags;
    }

    public boolean has(Flag f) {
        return flags.contains(f);
    }

    public int firstKey() {
        return firstKey;
    }

    public int lastKey() {
        return lastKey;
    }

    public int keyStep() {
        return keyStep;
    }

    public String group() {
        return group;
    }

    public String since() {
        return since;
    }

    public String summary() {
        return summary;
    }

    public String complexity() {
        return complexity;
    }

    public String syntax() {
        return syntax;
    }

    public Command handler() {
        return handler;
    }

    public boolean isContainer() {
        return !subcommands.isEmpty();
    }

    public Map<String, CommandSpec> subcommands() {
        return Collections.unmodifiableMap(subcommands);
    }

    /** True if {@code argc} arguments (the name included) satisfy the arity. */
    public boolean arityAllows(int argc) {
        return arity >= 0 ? argc == arity : argc >= -arity;
    }
}
