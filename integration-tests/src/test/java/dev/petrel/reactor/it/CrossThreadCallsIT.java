package dev.petrel.reactor.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.petrel.reactor.DelayedCall;
import dev.petrel.reactor.EventLoop;
import dev.petrel.reactor.Reactor;
import dev.petrel.reactor.Transport;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The calls that are safe from any thread: timers scheduled and cancelled there, tasks, writes and a close handed over
 * from there.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CrossThreadCallsIT {
    private final Loopback.Closer closer = new Loopback.Closer();
    private Reactor reactor;

    @BeforeEach
    void startReactor() {
        reactor = closer.add(Reactor.create(2).start());
    }

    @AfterEach
    void cleanUp() {
        closer.close();
    }

    @Test
    void callLaterFromAnotherThreadRunsOnTheLoop() throws Exception {
        CompletableFuture<Boolean> ranOnLoop = new CompletableFuture<>();
        DelayedCall call = reactor.callLater(
                Duration.ofMillis(20), () -> ranOnLoop.complete(reactor.loop(0).inEventLoop()));
        assertThat(ranOnLoop.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(call.isActive()).isFalse();
        assertThat(call.cancel()).as("cancelling a call that already ran").isFalse();
    }

    @Test
    void callLaterCancelledFromYetAnotherThreadNeverRuns() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        DelayedCall call = reactor.callLater(Duration.ofMillis(300), () -> ran.set(true));
        ExecutorService other = Executors.newSingleThreadExecutor();
        closer.add(other::shutdownNow);
        assertThat(other.submit(call::cancel).get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(call.isActive()).isFalse();
        assertThat(call.cancel()).as("a second cancel").isFalse();

        CountDownLatch later = new CountDownLatch(1); // due after the cancelled one would have been
        reactor.callLater(Duration.ofMillis(600), later::countDown);
        assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).as("the cancelled call ran").isFalse();
    }

    @Test
    void aCallThatCancelReportsCancelledNeverRuns() throws Exception {
        int calls = 100_000;
        AtomicIntegerArray runs = new AtomicIntegerArray(calls);
        boolean[] cancelled = new boolean[calls];
        for (int i = 0; i < calls; i++) {
            int id = i;
            DelayedCall call = reactor.callLater(Duration.ZERO, () -> runs.incrementAndGet(id));
            long until = System.nanoTime() + (i % 100) * 500L; // cancel at varied moments around the run
            while (System.nanoTime() - until < 0) {
                Thread.onSpinWait();
            }
            cancelled[i] = call.cancel();
        }
        Loopback.awaitLoops(reactor);
        int both = 0;
        for (int i = 0; i < calls; i++) {
            both += cancelled[i] && runs.get(i) > 0 ? 1 : 0;
        }
        assertThat(both)
                .as("calls that cancel() reported cancelled and that ran anyway")
                .isZero();
    }

    @Test
    void aTimerMadeOnTheLoopCanBeCancelledFromAnotherThread() throws Exception {
        int calls = 100_000;
        AtomicIntegerArray runs = new AtomicIntegerArray(calls);
        BlockingQueue<DelayedCall> made = new LinkedBlockingQueue<>();
        EventLoop loop = reactor.loop(0);
        for (int first = 0; first < calls; first += 1_000) {
            int from = first;
            loop.execute(
                    () -> { // as a protocol would: timers made on the loop, for delays up to 3 ms
                        for (int id = from; id < from + 1_000; id++) {
                            int i = id;
                            made.add(loop.callLater(
                                    Duration.ofNanos(i * 7_919L % 3_000_000), () -> runs.incrementAndGet(i)));
                        }
                    });
        }
        boolean[] cancelled = new boolean[calls];
        for (int i = 0; i < calls; i++) { // handed to another thread (this one), which cancels every other one
            DelayedCall call = Loopback.next(made);
            cancelled[i] = i % 2 == 0 && call.cancel();
        }
        Thread.sleep(50); // past every deadline
        Loopback.awaitLoops(reactor);
        for (int i = 0; i < calls; i++) {
            assertThat(runs.get(i))
                    .as("runs of call %d (cancelled: %s)", i, cancelled[i])
                    .isEqualTo(cancelled[i] ? 0 : 1);
        }
    }

    @Test
    void writesAndACloseFromAnotherThreadArriveInOrder() throws Exception {
        BlockingQueue<Loopback.Echo> accepted = new LinkedBlockingQueue<>();
        int port = reactor.listenTcp(Loopback.anyPort(), Loopback.keeping(accepted, Loopback.Echo::new))
                .port();
        try (Socket s = Loopback.connect(port)) {
            Transport t = Loopback.next(accepted).awaitMade();
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 10_000; i++) { // handed to the loop one by one, more than it runs in a turn
                String line = "line " + i + "\n";
                t.write(line);
                expected.append(line);
            }
            t.loseConnection();
            assertThat(new String(s.getInputStream().readAllBytes(), UTF_8)).isEqualTo(expected.toString());
        }
    }

    @Test
    void executeFromManyThreadsRunsEveryTaskExactlyOnceOnTheLoop() throws Exception {
        int threads = 8;
        int perThread = 20_000;
        AtomicIntegerArray runs = new AtomicIntegerArray(threads * perThread);
        AtomicInteger offLoop = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads * perThread);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        closer.add(pool::shutdownNow);
        for (int t = 0; t < threads; t++) {
            int first = t * perThread;
            pool.execute(() -> {
                for (int i = first; i < first + perThread; i++) {
                    int task = i;
                    reactor.execute(() -> {
                        runs.incrementAndGet(task);
                        if (!reactor.loop(0).inEventLoop()) {
                            offLoop.incrementAndGet();
                        }
                        done.countDown();
                    });
                }
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS))
                .as("%d tasks not run", done.getCount())
                .isTrue();
        for (int i = 0; i < runs.length(); i++) {
            assertThat(runs.get(i)).as("runs of task %d", i).isEqualTo(1);
        }
        assertThat(offLoop).as("tasks run off the loop thread").hasValue(0);
    }
}
