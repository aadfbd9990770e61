package io.fiberize.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.runtime.Carriers;
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

    private final LoopCrowd crowd = new LoopCrowd("monitor-loop");
    private final Carriers carriers = crowd.carriers;

    @AfterEach
    void stop() {
        crowd.shutdown();
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
            crowd.start("syncer-" + i, () -> {
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

        crowd.joinAllOnTheLoop();
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
            crowd.start("waiter-" + i, () -> {
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
            crowd.start("notifier-" + i, () -> {
                synchronized (box) {
                    box.ready = true;
                    box.notify();
                }
            });
        }

        crowd.joinAllOnTheLoop();
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
            crowd.start("timed-waiter-" + i, () -> {
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
            crowd.start("timed-notifier-" + i, () -> {
                synchronized (box) {
                    box.ready = true;
                    box.notifyAll();
                }
            });
        }
        for (int i = 0; i < loners; i++) {
            Box box = new Box();
            long millis = 1 + i % 10;
            crowd.start("nobody-notifies-" + i, () -> {
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

        crowd.joinAllOnTheLoop();
        assertThat(notified).hasValue(pairs);
        assertThat(timedOut).hasValue(loners);
    }
}
