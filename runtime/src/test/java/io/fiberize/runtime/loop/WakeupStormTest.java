package io.fiberize.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.runtime.Eventually;
import io.fiberize.runtime.SocketPair;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.hooks.NetHooks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Platform threads hand tasks to the loop as fast as they can while its fibers do I/O and wait
 * on timers: the loop must keep every one of them, and wake its selector at most once per hand-in
 * from another thread (never for a hand-in from its own carrier).
 */
class WakeupStormTest {
    private final EventLoop loop = new EventLoop("storm-loop", new RunQueue.Fifo()).start();
    private final List<SocketPair> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        loop.shutdown();
        for (SocketPair pair : sockets) {
            pair.close();
        }
    }

    @Test
    void theLoopSurvivesAStormOfHandInsWhileItsFibersDoIoAndTimers() throws Exception {
        int stormers = 4;
        int perStormer = 50_000;
        int ioPairs = 20;
        int ioRounds = 500;
        int timerFibers = 200;
        int timerRounds = 20;
        LongAdder ran = new LongAdder();
        AtomicInteger ioDone = new AtomicInteger();
        AtomicInteger timersDone = new AtomicInteger();
        List<Thread> fibers = new ArrayList<>();
        LoopStats before = loop.stats();

        for (int p = 0; p < ioPairs; p++) {
            SocketPair pair = SocketPair.open();
            sockets.add(pair);
            fibers.add(Fibers.start(loop, "echo-client-" + p, true, () -> {
                ByteBuffer buf = ByteBuffer.allocate(1);
                for (int r = 0; r < ioRounds; r++) {
                    transfer(pair.left(), false, ByteBuffer.wrap(new byte[] {(byte) r}));
                    buf.clear();
                    transfer(pair.left(), true, buf);
                }
                ioDone.incrementAndGet();
            }));
            fibers.add(Fibers.start(loop, "echo-server-" + p, true, () -> {
                ByteBuffer buf = ByteBuffer.allocate(1);
                for (int r = 0; r < ioRounds; r++) {
                    buf.clear();
                    transfer(pair.right(), true, buf);
                    buf.flip();
                    transfer(pair.right(), false, buf);
                }
                ioDone.incrementAndGet();
            }));
        }
        for (int i = 0; i < timerFibers; i++) {
            fibers.add(Fibers.start(loop, "timer-" + i, true, () -> {
                Thread self = Thread.currentThread();
                for (int r = 0; r < timerRounds; r++) {
                    AtomicBoolean due = new AtomicBoolean();
                    loop.schedule(() -> {
                        due.set(true);
                        LockSupport.unpark(self);
                    }, 100 + r * 10, TimeUnit.MICROSECONDS);
                    while (!due.get()) {
                        LockSupport.park();
                    }
                }
                timersDone.incrementAndGet();
            }));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> storm = new ArrayList<>();
        for (int s = 0; s < stormers; s++) {
            storm.add(Thread.ofPlatform().name("stormer-" + s).start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perStormer; i++) {
                    loop.execute(ran::increment);
                }
            }));
        }
        go.countDown();

        for (Thread t : storm) {
            Eventually.join(t);
        }
        for (Thread fiber : fibers) {
            Eventually.join(fiber);
        }
        Eventually.await("every storm task ran", () -> ran.sum() == (long) stormers * perStormer);
        assertThat(ioDone).hasValue(2 * ioPairs);
        assertThat(timersDone).hasValue(timerFibers);

        LoopStats after = loop.stats();
        long wakeups = after.wakeups() - before.wakeups();
        long fromOtherThreads = after.foreignResumes() - before.foreignResumes()
                + after.otherLoopResumes() - before.otherLoopResumes();
        // Every hand-in from the test and storm threads is a foreign resume; the fibers' own
        // hand-ins (I/O registrations, timers, unparks) come from the loop's carrier and must
        // never need to wake it.
        assertThat(fromOtherThreads).isGreaterThanOrEqualTo((long) stormers * perStormer);
        assertThat(wakeups).isLessThanOrEqualTo(fromOtherThreads);
        Eventually.await("nothing left waiting", () -> {
            LoopStats s = loop.stats();
            return s.parkedOnIo() == 0 && s.timers() == 0 && s.fibersAlive() == 0;
        });
    }

    private static void transfer(SocketChannel channel, boolean read, ByteBuffer buf) {
        try {
            while (buf.hasRemaining()) {
                int n = read ? channel.read(buf) : channel.write(buf);
                if (n < 0) {
                    throw new IOException("closed");
                }
                if (n == 0) {
                    NetHooks.await(channel, read, 0);
                }
            }
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }
}
