package io.fiberize.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.runtime.Carriers;
import io.fiberize.runtime.Eventually;
import io.fiberize.runtime.fiber.Fibers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand fibers on one loop using monitors: {@code synchronized} blocks that block inside
 * (JEP 491: the fiber unmounts while it holds the monitor), and {@code wait}/{@code notify},
 * untimed and timed.
 */
class MonitorALotTest {
    private static final int FIBERS = 10_000;

    private final EventLoop loop = new EventLoop("monitor-loop", new RunQueue.Fifo()).start();
    private final Carriers carriers = new Carriers();
    private final List<Thread> fibers = new ArrayList<>();

    @AfterEach
    void stop() {
        loop.shutdown();
    }

    private void start(String name, Runnable task) {
        fibers.add(Fibers.start(loop, name, true, task));
    }

    private void joinAllOnTheLoop() throws InterruptedException {
        for (Thread fiber : fibers) {
            Eventually.join(fiber);
        }
        assertThat(carriers.seen()).containsExactly("monitor-loop");
    }

    /** A monitor with a value that only its holder may touch. */
    private static final class Box {
        int value;
        boolean ready;
    }

    @Test
    void synchronizedBlocksThatSleepInsideStayExclusiveAndDoNotPinTheCarrier() throws Exception {
        int monitors = 100;
        Box[] boxes = new Box[monitors];
        for (int m = 0; m < monitors; m++) {
            boxes[m] = new Box();
        }
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger mostHoldingAtOnce = new AtomicInteger();
        for (int i = 0; i < FIBERS; i++) {
            Box box = boxes[i % monitors];
            start("syncer-" + i, () -> {
                synchronized (box) {
                    mostHoldingAtOnce.accumulateAndGet(holding.incrementAndGet(), Math::max);
                    int v = box.value;
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        throw new RuntimeException(e);
                    }
                    carriers.note();
                    box.value = v + 1;
                    holding.decrementAndGet();
                }
            });
        }

        joinAllOnTheLoop();
        for (Box box : boxes) {
            assertThat(box.value).isEqualTo(FIBERS / monitors);
        }
        // Pinned, one sleeping holder would hold the only carrier: nobody else could get in.
        assertThat(mostHoldingAtOnce.get()).isGreaterThan(1);
    }

    @Test
    void untimedWaitIsWokenByNotify() throws Exception {
        int pairs = FIBERS / 2;
        AtomicInteger woken = new AtomicInteger();
        for (int i = 0; i < pairs; i++) {
            Box box = new Box();
            start("waiter-" + i, () -> {
                synchronized (box) {
                    while (!box.ready) {
                        try {
                            box.wait();
                        } catch (InterruptedException e) {
                            throw new RuntimeException(e);
                        }
                    }
                    carriers.note();
                    woken.incrementAndGet();
                }
            });
            start("notifier-" + i, () -> {
                synchronized (box) {
                    box.ready = true;
                    box.notify();
                }
            });
        }

        joinAllOnTheLoop();
        assertThat(woken).hasValue(pairs);
    }

    @Test
    void timedWaitIsWokenByNotifyOrByItsTimeout() throws Exception {
        int pairs = FIBERS / 4;
        int loners = FIBERS / 2;
        AtomicInteger notified = new AtomicInteger();
        AtomicInteger timedOut = new AtomicInteger();
        for (int i = 0; i < pairs; i++) {
            Box box = new Box();
            start("timed-waiter-" + i, () -> {
                synchronized (box) {
                    while (!box.ready) {
                        try {
                            box.wait(60_000);
                        } catch (InterruptedException e) {
                            throw new RuntimeException(e);
                        }
                    }
                    carriers.note();
                    notified.incrementAndGet();
                }
            });
            start("timed-notifier-" + i, () -> {
                synchronized (box) {
                    box.ready = true;
                    box.notifyAll();
                }
            });
        }
        for (int i = 0; i < loners; i++) {
            Box box = new Box();
            long millis = 1 + i % 10;
            start("nobody-notifies-" + i, () -> {
                synchronized (box) {
                    try {
                        box.wait(millis);
                    } catch (InterruptedException e) {
                        throw new RuntimeException(e);
                    }
                    carriers.note();
                    timedOut.incrementAndGet();
                }
            });
        }

        joinAllOnTheLoop();
        assertThat(notified).hasValue(pairs);
        assertThat(timedOut).hasValue(loners);
    }
}
