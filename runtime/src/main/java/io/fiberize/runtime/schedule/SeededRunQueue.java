package io.fiberize.runtime.schedule;

import io.fiberize.runtime.fiber.ProgramThreads;
import io.fiberize.runtime.jdk.MonitorHandOffs;
import io.fiberize.runtime.loop.RunQueue;
import java.util.ArrayList;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.WeakHashMap;

/**
 * Run a loop's ready tasks in an order drawn from a seed, and decide at each scheduling point
 * whether the running fiber gives way.
 *
 * <p>A fiber's task is the same object each time the JDK hands it to the loop (its continuation's
 * runner), so a task stands for its fiber: each is numbered when first seen, and the numbers,
 * not identity hash codes or thread ids, order the ready tasks and feed the trace. They are kept weakly: a fiber that ended
 * takes its entry with it.
 *
 * <p>Touched by the loop's carrier only: the loop's own code calls {@link #add} and {@link
 * #poll}, and the running fiber, on that same carrier, calls {@link #switchAt}.
 */
abstract class SeededRunQueue implements RunQueue {
    /** What the schedule knows of one task: its number and, for PCT, its priority. */
    static final class Known {
        final long number;
        long priority;

        Known(long number) {
            this.number = number;
        }
    }

    SplittableRandom random;
    final ScheduleTrace trace;
    final ArrayList<Runnable> ready = new ArrayList<>();
    private final Map<Runnable, Known> known = new WeakHashMap<>();
    private long numbered;
    /** The task {@link #poll} returned last: the one running, while a task runs. */
    Runnable running;
    /** The task a scheduling point chose to run next, once the running one has given way; or {@code null}. */
    private Runnable chosen;

    SeededRunQueue(long seed, ScheduleTrace trace) {
        this.random = new SplittableRandom(seed);
        this.trace = trace;
    }

    /**
     * Add a ready task where its number puts it: the tasks that arrive between two choices come in
     * an order that other threads may decide (a monitor's hand-off comes from the JDK's unblocker
     * thread), but a choice sees them in one order only.
     */
    @Override
    public void add(Runnable task) {
        long number = known(task).number;
        int at = ready.size();
        while (at > 0 && known(ready.get(at - 1)).number > number) {
            at--;
        }
        ready.add(at, task);
    }

    @Override
    public Runnable poll() {
        if (ready.isEmpty()) {
            return null;
        }
        int index = chosen != null ? ready.indexOf(chosen) : next();
        chosen = null;
        Runnable task = ready.remove(index);
        trace.decided(known(task).number);
        running = task;
        return task;
    }

    @Override
    public int size() {
        return ready.size();
    }

    /**
     * Say whether a fiber that a monitor was handed to is still on its way from the JDK's
     * unblocker thread: when it arrives depends on that thread, so the choice waits for it.
     */
    @Override
    public boolean awaitingHandIn() {
        for (Thread thread : ProgramThreads.LIVE) {
            Thread fiber = ProgramThreads.fiberOf(thread);
            Runnable task = MonitorHandOffs.onItsWay(fiber == null ? thread : fiber);
            if (task != null && task != running && !ready.contains(task)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decide at a scheduling point of the running fiber whether it gives way now; if so, the task
     * to run next is already chosen, and the fiber yields.
     */
    final boolean switchAt() {
        if (running == null) {
            return false;
        }
        Runnable next = choose();
        trace.decided(next == null ? -1 : known(next).number);
        chosen = next;
        return next != null;
    }

    /**
     * Start the schedule over from {@code seed}, as if it began now: a new sequence of draws, and
     * the tasks numbered afresh from the running one and the ready ones, in their order.
     */
    final void restart(long seed) {
        random = new SplittableRandom(seed);
        known.clear();
        numbered = 0;
        chosen = null;
        trace.restart();
        restarted();
        if (running != null) {
            known(running);
        }
        ready.forEach(this::known);
    }

    /** Start the policy's own state over, after {@link #random} was drawn anew. */
    void restarted() {
    }

    /** Return the index in {@link #ready} of the task to run next, when no scheduling point chose one. */
    abstract int next();

    /** Return the ready task that takes over from the running one at a scheduling point, or {@code null} to go on. */
    abstract Runnable choose();

    /** Return what the schedule knows of {@code task}, numbering it if it is new. */
    final Known known(Runnable task) {
        Known k = known.get(task);
        if (k == null) {
            k = new Known(numbered++);
            born(k);
            known.put(task, k);
        }
        return k;
    }

    /** Give a task first seen now what the policy keeps for it. */
    void born(Known task) {
    }
}
