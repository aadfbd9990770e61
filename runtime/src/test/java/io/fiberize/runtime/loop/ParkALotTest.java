package io.fiberize.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.runtime.Carriers;
import io.fiberize.runtime.Eventually;
import io.fiberize.runtime.fiber.Fibers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand fibers on one loop, all parking through {@code java.util.concurrent}: raw
 * park/unpark, {@link ReentrantLock} and {@link Condition}, {@link CountDownLatch}, and a
 * {@link BlockingQueue}. Each must finish with the right result, on the loop's one carrier.
 */
class ParkALotTest {
    private static final int FIBERS = 10_000;

    private final LoopCrowd crowd = new LoopCrowd("park-loop");
    private final EventLoop loop = crowd.loop;
    private final Carriers carriers = crowd.carriers;

    @AfterEach
    void stop() {
        crowd.shutdown();
    }

    private void joinAllOnTheLoop() throws InterruptedException {
        crowd.joinAllOnTheLoop();
        Eventually.await("all counted finished", () -> loop.stats().fibersAlive() == 0);
    }

    @Test
    void parkAndUnparkRelayThroughTenThousandFibers() throws Exception {
        AtomicIntegerArray token = new AtomicIntegerArray(FIBERS);
        Thread[] relay = new Thread[FIBERS];
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < FIBERS; i++) {
            int me = i;
            relay[i] = Fibers.newFiber(loop, "relay-" + i, true, () -> {
                while (token.get(me) == 0) {
                    LockSupport.park();
                }
                carriers.note();
                order.add(me);
                if (me + 1 < FIBERS) {
                    token.set(me + 1, 1);
                    LockSupport.unpark(relay[me + 1]);
                }
            });
        }
        for (Thread fiber : relay) {
            Fibers.start(fiber);
            crowd.add(fiber);
        }
        token.set(0, 1);
        LockSupport.unpark(relay[0]);

        joinAllOnTheLoop();
        assertThat(order).hasSize(FIBERS).isSorted();
    }

    @Test
    void reentrantLockKeepsMutualExclusionAndConditionsHandOverInOrder() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        int[] counter = {0};
        Condition[] turn = new Condition[FIBERS];
        boolean[] myTurn = new boolean[FIBERS]; // guarded by lock
        for (int i = 0; i < FIBERS; i++) {
            turn[i] = lock.newCondition();
        }
        List<Integer> order = new ArrayList<>(); // guarded by lock
        List<Integer> startOrder = new ArrayList<>();
        for (int i = 0; i < FIBERS; i++) {
            startOrder.add(i);
        }
        Collections.shuffle(startOrder, new Random(7));
        for (int me : startOrder) {
            crowd.start("locker-" + me, () -> {
                lock.lock();
                try {
                    int v = counter[0];
                    Thread.yield(); // give others the carrier while holding the lock: they queue on it
                    counter[0] = v + 1;
                    while (!myTurn[me] && me != 0) {
                        turn[me].awaitUninterruptibly();
                    }
                    carriers.note();
                    order.add(me);
                    if (me + 1 < FIBERS) {
                        myTurn[me + 1] = true;
                        turn[me + 1].signal();
                    }
                } finally {
                    lock.unlock();
                }
            });
        }

        joinAllOnTheLoop();
        assertThat(counter[0]).isEqualTo(FIBERS);
        assertThat(order).hasSize(FIBERS).isSorted();
    }

    @Test
    void aCountDownLatchReleasesAllTenThousandOnlyOnceAllArrived() throws Exception {
        CountDownLatch arrived = new CountDownLatch(FIBERS);
        AtomicInteger early = new AtomicInteger();
        for (int i = 0; i < FIBERS; i++) {
            crowd.start("arriving-" + i, () -> {
                arrived.countDown();
                try {
                    arrived.await();
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
                carriers.note();
                if (arrived.getCount() != 0) {
                    early.incrementAndGet();
                }
            });
        }

        joinAllOnTheLoop();
        assertThat(early).hasValue(0);
    }

    @Test
    void producersAndConsumersMeetThroughASmallBlockingQueue() throws Exception {
        BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(16);
        int pairs = FIBERS / 2;
        AtomicLong sum = new AtomicLong();
        AtomicInteger taken = new AtomicInteger();
        for (int i = 0; i < pairs; i++) {
            int value = i;
            crowd.start("consumer-" + i, () -> {
                try {
                    sum.addAndGet(queue.take());
                    taken.incrementAndGet();
                    carriers.note();
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
            });
            crowd.start("producer-" + i, () -> {
                try {
                    queue.put(value);
                    carriers.note();
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
            });
        }

        joinAllOnTheLoop();
        assertThat(taken).hasValue(pairs);
        assertThat(sum).hasValue((long) pairs * (pairs - 1) / 2);
        assertThat(queue).isEmpty();
    }
}
