package dev.petrel.server;

import dev.petrel.examples.EchoClient;
import dev.petrel.examples.EchoServer;
import dev.petrel.examples.HelloHttpServer;
import dev.petrel.examples.SelectEchoServer;
import dev.petrel.reactor.Listener;
import dev.petrel.reactor.Reactor;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code petrel example NAME}: the lesson's programs, each a subcommand with the lesson's default port. */
@Command(
        name = "example",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Runs one of the lesson's programs: a server until SIGINT or SIGTERM, or the echo client.")
final class ExampleCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** What every example server takes. */
    static final class ServerOptions {
        @Option(
                names = "--bind",
                paramLabel = "ADDR",
                defaultValue = "127.0.0.1",
                description = "Address (default: ${DEFAULT-VALUE}).")
        String bind;

        @Option(
                names = "--loops",
                paramLabel = "N",
                defaultValue = "1",
                description = "Event loops (default: ${DEFAULT-VALUE}).")
        int loops;

        @Option(names = "--verbose", description = "Print what arrives, as the lesson does.")
        boolean verbose;
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "Name an example: echo-server, select-echo, hello-http or echo-client");
    }

    @Command(name = "echo-server", mixinStandardHelpOptions = true, description = "The Twisted echo server.")
    int echoServer(
            @Mixin ServerOptions o,
            @Option(
                            names = "--port",
                            paramLabel = "N",
                            defaultValue = "5000",
                            description = "Port (default: ${DEFAULT-VALUE}).")
                    int port) {
        return serve("echo-server", o, port, r -> EchoServer.listen(r, o.bind, port, verbose(o)));
    }

    @Command(
            name = "select-echo",
            mixinStandardHelpOptions = true,
            description = "The select() echo server: a queue per connection.")
    int selectEcho(
            @Mixin ServerOptions o,
            @Option(
                            names = "--port",
                            paramLabel = "N",
                            defaultValue = "10000",
                            description = "Port (default: ${DEFAULT-VALUE}).")
                    int port) {
        return serve("select-echo", o, port, r -> SelectEchoServer.listen(r, o.bind, port, verbose(o)));
    }

    @Command(name = "hello-http", mixinStandardHelpOptions = true, description = "The epoll hello-world HTTP server.")
    int helloHttp(
            @Mixin ServerOptions o,
            @Option(
                            names = "--port",
                            paramLabel = "N",
                            defaultValue = "8080",
                            description = "Port (default: ${DEFAULT-VALUE}).")
                    int port) {
        return serve("hello-http", o, port, r -> HelloHttpServer.listen(r, o.bind, port, verbose(o)));
    }

    @Command(
            name = "echo-client",
            mixinStandardHelpOptions = true,
            description = "The Twisted echo client: exits 0 if 'hello alex!' comes back.")
    int echoClient(
            @Option(
                            names = "--host",
                            paramLabel = "HOST",
                            defaultValue = "localhost",
                            description = "Host (default: ${DEFAULT-VALUE}).")
                    String host,
            @Option(
                            names = "--port",
                            paramLabel = "N",
                            defaultValue = "5000",
                            description = "Port (default: ${DEFAULT-VALUE}).")
                    int port) {
        Main.checkPort(sub("echo-client"), "--port", port);
        return EchoClient.run(host, port, System.out);
    }

    private int serve(String name, ServerOptions o, int port, Function<Reactor, Listener> listen) {
        CommandLine cl = sub(name);
        Main.checkPort(cl, "--port", port);
        if (o.loops < 1) {
            throw new ParameterException(cl, "--loops must be at least 1: " + o.loops);
        }
        Main.checkBindAddress(cl, o.bind);
        Door door = new ListenerDoor(name, listen);
        return Server.runUntilSignalled(
                List.of(door),
                o.loops,
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** The subcommand's own command line, so that a usage error shows its usage rather than ours. */
    private CommandLine sub(String name) {
        return spec.subcommands().get(name);
    }

    private static PrintStream verbose(ServerOptions o) {
        return o.verbose ? System.out : null;
    }
}
