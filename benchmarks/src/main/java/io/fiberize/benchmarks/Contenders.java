package io.fiberize.benchmarks;

import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.loop.EventLoop;
import io.fiberize.runtime.loop.RunQueue;

/**
 * Start threads of the three kinds every micro-benchmark compares, in the same run: fibers on one
 * fiberize loop, virtual threads on the JDK's default scheduler, and platform threads.
 */
public final class Contenders {
    /** The {@code @Param} value for fibers on one fiberize {@link EventLoop}. */
    public static final String FIBERIZE = "fiberize";
    /** The {@code @Param} value for virtual threads on the JDK's default scheduler. */
    public static final String VIRTUAL = "virtual";
    /** The {@code @Param} value for platform threads. */
    public static final String PLATFORM = "platform";

    private final String kind;
    private final EventLoop loop;

    private Contenders(String kind, EventLoop loop) {
        this.kind = kind;
        this.loop = loop;
    }

    /** Prepare to start threads of {@code kind}; a fiberize loop is started here. */
    public static Contenders of(String kind) {
        return switch (kind) {
            case FIBERIZE -> new Contenders(kind, new EventLoop("bench-loop", new RunQueue.Fifo()).start());
            case VIRTUAL, PLATFORM -> new Contenders(kind, null);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    /** Create an unstarted thread of this kind. */
    public Thread unstarted(Runnable task) {
        return switch (kind) {
            case FIBERIZE -> Fibers.newFiber(loop, null, true, task);
            case VIRTUAL -> Thread.ofVirtual().unstarted(task);
            default -> Thread.ofPlatform().daemon(true).unstarted(task);
        };
    }

    /** Start a thread made by {@link #unstarted}. */
    public void start(Thread thread) {
        if (loop != null) {
            Fibers.start(thread);
        } else {
            thread.start();
        }
    }

    /** Create and start a thread of this kind. */
    public Thread start(Runnable task) {
        Thread thread = unstarted(task);
        start(thread);
        return thread;
    }

    /** Return the fiberize loop, or {@code null} for the other kinds. */
    public EventLoop loop() {
        return loop;
    }

    /** Stop the fiberize loop, if any. */
    public void close() {
        if (loop != null) {
            loop.shutdown();
        }
    }
}
