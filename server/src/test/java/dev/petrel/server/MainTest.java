package dev.petrel.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void bothDoorsOffIsNothingToServe() {
        assertThat(run("--redis-port", "0", "--amqp-port", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("nothing to serve");
    }

    @Test
    void badPortsAreUsageErrors() {
        assertThat(run("--redis-port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--redis-port must be 0-65535");
        assertThat(run("--amqp-port", "-5")).isEqualTo(2);
        assertThat(err.toString()).contains("--amqp-port must be 0-65535");
        assertThat(run("example", "echo-server", "--port", "-1")).isEqualTo(2);
        assertThat(run("example", "hello-http", "--loops", "0")).isEqualTo(2);
        assertThat(run("example", "select-echo", "--bind", "nosuch.invalid")).isEqualTo(2);
        assertThat(err.toString()).contains("--bind: unknown address: nosuch.invalid");
    }

    @Test
    void helpAndVersion() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--redis-port", "--amqp-port", "--bind", "--dir", "example");
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).containsPattern("petrel \\d+\\.\\d+");
        assertThat(run("example", "echo-server", "--help")).isZero();
        assertThat(out.toString()).contains("--port", "--loops", "--verbose", "default: 5000");
    }

    @Test
    void exampleNeedsAName() {
        assertThat(run("example")).isEqualTo(2);
        assertThat(err.toString()).contains("Name an example");
        assertThat(run("example", "nope")).isEqualTo(2);
    }
}
