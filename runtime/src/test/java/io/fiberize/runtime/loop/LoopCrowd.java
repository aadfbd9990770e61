package io.fiberize.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiberize.runtime.Carriers;
import io.fiberize.runtime.Eventually;
import io.fiberize.runtime.fiber.Fibers;
import java.util.ArrayList;
import java.util.List;

/**
 * Many fibers on one fresh loop, for the tests that put ten thousand of them through one kind of
 * blocking: start them, let them note their carrier after each blocking point, then join them all
 * and check that they only ever ran on the loop's carrier.
 */
final class LoopCrowd {
    /** The loop, started; its carrier thread has the loop's name. */
    final EventLoop loop;
    /** Where the fibers note the carrier they run on. */
    final Carriers carriers = new Carriers();
    private final List<Thread> fibers = new ArrayList<>();

    /** Start a loop named {@code name}. */
    LoopCrowd(String name) {
        loop = new EventLoop(name, new RunQueue.Fifo()).start();
    }

    /** Start a daemon fiber named {@code name} on the loop, to be joined by {@link #joinAllOnTheLoop}. */
    void start(String name, Runnable task) {
        add(Fibers.start(loop, name, true, task));
    }

    /** Have {@link #joinAllOnTheLoop} join {@code fiber} too, a fiber of the loop started elsewhere. */
    void add(Thread fiber) {
        fibers.add(fiber);
    }

    /** Join every fiber, then check that every carrier noted was the loop's own. */
    void joinAllOnTheLoop() throws InterruptedException {
        for (Thread fiber : fibers) {
            Eventually.join(fiber);
        }
        assertThat(carriers.seen()).containsExactly(loop.name());
    }

    /** Stop the loop. */
    void shutdown() {
        loop.shutdown();
    }
}
