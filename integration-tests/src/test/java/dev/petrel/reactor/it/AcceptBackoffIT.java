package dev.petrel.reactor.it;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When accept fails for lack of file descriptors the pending connection stays queued and the listening socket stays
 * readable: a loop that kept asking would spin. The server runs in a child JVM under {@code ulimit -n 128} and is
 * offered more connections than it has descriptors for.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AcceptBackoffIT {
    private static final int FD_LIMIT = 128;
    private static final int CLIENTS = 200;
    private static final Duration WINDOW = Duration.ofSeconds(2);

    private final Loopback.Closer closer = new Loopback.Closer();

    @AfterEach
    void cleanUp() {
        closer.close();
    }

    @Test
    void acceptOutOfDescriptorsBacksOffInsteadOfSpinningAndRecovers() throws Exception {
        long ticksPerSecond = clockTicksPerSecond();
        Loopback.ChildServer server = closer.add(Loopback.startChildEchoServer(1, FD_LIMIT));
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(closer.add(Loopback.connect(server.port()))); // beyond the limit they wait in the backlog
        }
        assertThat(Loopback.roundTrip(clients.get(0), "first\n"))
                .as("the first client was accepted")
                .isEqualTo("first\n");
        Loopback.eventually(
                Duration.ofSeconds(10),
                () -> server.stderr().contains("accept failed"),
                () -> "the child's \"accept failed\" warning; its stderr: " + server.stderr());

        double cpuBefore = cpuSeconds(server.pid(), ticksPerSecond);
        long start = System.nanoTime();
        Thread.sleep(WINDOW.toMillis());
        double cpu = cpuSeconds(server.pid(), ticksPerSecond) - cpuBefore;
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(cpu / seconds)
                .as(
                        "share of one core the child used in %.1f s of failing accepts (a spinning loop uses ~1.0)",
                        seconds)
                .isLessThan(0.5);
        assertThat(occurrences(server.stderr(), "accept failed"))
                .as("\"accept failed\" warnings (one per episode) in the child's stderr:%n%s", server.stderr())
                .isEqualTo(1);

        for (Socket s : clients) {
            s.close();
        }
        try (Socket s = Loopback.connect(server.port())) {
            assertThat(Loopback.roundTrip(s, "still serving?\n"))
                    .as("a new connection once descriptors are free again")
                    .isEqualTo("still serving?\n");
        }
    }

    /** User plus system CPU time process {@code pid} has used, in seconds (fields 14 and 15 of /proc/pid/stat). */
    private static double cpuSeconds(long pid, long ticksPerSecond) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // the command name, field 2, is in parentheses and may hold spaces: count fields after its closing one
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) ticksPerSecond;
    }

    private static long clockTicksPerSecond() throws IOException, InterruptedException {
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
        try {
            return Long.parseLong(new String(getconf.getInputStream().readAllBytes(), US_ASCII).trim());
        } finally {
            if (!getconf.waitFor(5, TimeUnit.SECONDS)) {
                getconf.destroyForcibly();
            }
        }
    }

    private static int occurrences(String text, String word) {
        Matcher m = Pattern.compile(Pattern.quote(word)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
