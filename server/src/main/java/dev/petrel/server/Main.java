package dev.petrel.server;

import dev.petrel.amqp.AmqpConfig;
import dev.petrel.redis.RedisConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code petrel}: the server, with a door per protocol, and the lesson's examples under {@code petrel example}. */
@Command(
        name = "petrel",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        subcommands = ExampleCommand.class,
        description = "Serves Redis and AMQP 0-9-1 clients from one process. A port of 0 turns that door off.")
public final class Main implements Callable<Integer> {
    /** Exit status when there is nothing to serve, or the configuration cannot be served. */
    static final int NOTHING_TO_SERVE = 2;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--bind",
            paramLabel = "ADDR",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(
            names = "--redis-port",
            paramLabel = "N",
            defaultValue = "6379",
            description = "Redis port (default: ${DEFAULT-VALUE}).")
    int redisPort;

    @Option(
            names = "--amqp-port",
            paramLabel = "N",
            defaultValue = "5672",
            description = "AMQP port (default: ${DEFAULT-VALUE}).")
    int amqpPort;

    @Option(
            names = "--amqp-definitions",
            paramLabel = "FILE",
            description = "A RabbitMQ definitions file (JSON, as rabbitmqctl export_definitions writes): users, vhosts,"
                    + " permissions, exchanges, queues and bindings for the AMQP door.")
    Path amqpDefinitions;

    @Option(
            names = "--dir",
            paramLabel = "PATH",
            defaultValue = "./data",
            description = "Where data is kept (default: ${DEFAULT-VALUE}).")
    Path dir;

    public static void main(String[] args) {
        // One line per record, before the first logger exists; -D on the command line still wins.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        }
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public Integer call() {
        checkPort(spec.commandLine(), "--redis-port", redisPort);
        checkPort(spec.commandLine(), "--amqp-port", amqpPort);
        checkBindAddress(spec.commandLine(), bind);
        PrintWriter err = spec.commandLine().getErr();
        List<Door> doors = new ArrayList<>();
        // Each protocol is one Door here.
        if (redisPort != 0) {
            doors.add(new RedisDoor(new RedisConfig().bind(bind).port(redisPort).dir(dir.toString())));
        }
        if (amqpPort != 0) {
            AmqpConfig amqp = new AmqpConfig().bind(bind).port(amqpPort);
            if (amqpDefinitions != null) {
                try {
                    AmqpDefinitions.load(amqpDefinitions, amqp);
                } catch (IOException | IllegalArgumentException e) {
                    err.println("petrel: --amqp-definitions " + amqpDefinitions + ": " + e.getMessage());
                    return NOTHING_TO_SERVE;
                }
            }
            doors.add(new AmqpDoor(amqp));
        }
        if (doors.isEmpty()) {
            err.println("petrel: nothing to serve: every door is off (--redis-port 0 --amqp-port 0).");
            return NOTHING_TO_SERVE;
        }
        // One event loop per door: the Redis door owns the first, the AMQP door the last.
        return Server.runUntilSignalled(doors, doors.size(), spec.commandLine().getOut(), err);
    }

    static void checkBindAddress(CommandLine cl, String address) {
        try {
            InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new ParameterException(cl, "--bind: unknown address: " + address);
        }
    }

    static void checkPort(CommandLine cl, String option, int port) {
        if (port < 0 || port > 65535) {
            throw new ParameterException(cl, option + " must be 0-65535: " + port);
        }
    }
}
