package io.fiberize.runtime.fiber;

/**
 * Hold what one fiber reports as the platform thread it stands for, and where it is in its life.
 *
 * <p>Virtual threads are always daemon, have priority 5 and the group {@code VirtualThreads};
 * the platform thread a program constructed had its own, copied from the thread that constructed
 * it. The agent sends {@code isDaemon}, {@code setDaemon}, {@code getPriority}, {@code
 * setPriority} and {@code getThreadGroup} of a fiber here, so that the fiber answers as that
 * thread would, and a thread constructed inside the fiber inherits from it as from that thread.
 *
 * <p>The fiber keeps it, in its task. It refers to the fiber only while the fiber runs (as the
 * program's object, when the program holds the fiber), and lets go of the program's object when
 * the fiber ends.
 *
 * <pre>
 *   NEW      -> ARMED     fiberize's own start, just before it calls the fiber's start()
 *   NEW      -> STARTED   VirtualThread.start() of a fiber the program or the JDK starts
 *   ARMED    -> STARTED   VirtualThread.start() after fiberize's own start armed it
 *   ARMED    -> ENDED     the fiber's task returned or threw and its handler ran (the JDK's
 *   STARTED  -> ENDED       start was not rewritten: runtime unit tests), or the start failed
 * </pre>
 */
public final class ProgramThread {
    /** Where the fiber is in its life; see the table above. */
    public enum State { NEW, ARMED, STARTED, ENDED }

    private final ThreadGroup group;
    private final Class<?> maker;
    private volatile boolean daemon;
    private volatile int priority;
    private volatile State state = State.NEW;
    /** The {@code Thread} object the program holds: a stand-in, or (once started) the fiber; {@code null} once ended. */
    private volatile Thread program;
    private boolean keepingAlive;

    /**
     * @param maker   the class whose code made the thread (for a stand-in: its class), or {@code
     *                null} when a JDK thread factory made it
     * @param standIn the program's object when the fiber runs a stand-in; {@code null} when the
     *                program holds the fiber itself
     */
    ProgramThread(ThreadGroup group, boolean daemon, int priority, Class<?> maker, Thread standIn) {
        this.group = group;
        this.maker = maker;
        this.daemon = daemon;
        this.priority = priority;
        this.program = standIn;
    }

    /**
     * Return what the fiber that replaces {@code thread} (a platform thread, not started, made by
     * the code of {@code maker}) reports.
     */
    public static ProgramThread of(Thread thread, Class<?> maker, Thread standIn) {
        return new ProgramThread(thread.getThreadGroup(), thread.isDaemon(), thread.getPriority(), maker, standIn);
    }

    /** Return the class whose code made the thread, or {@code null} when a JDK thread factory did. */
    public Class<?> maker() {
        return maker;
    }

    public ThreadGroup group() {
        return state == State.ENDED ? null : group;
    }

    public boolean daemon() {
        return daemon;
    }

    /**
     * Change the daemon flag, as {@link Thread#setDaemon} does for a platform thread.
     *
     * @throws IllegalThreadStateException if the fiber is alive
     */
    public void daemon(boolean on) {
        if (alive()) {
            throw new IllegalThreadStateException();
        }
        daemon = on;
    }

    public int priority() {
        return priority;
    }

    /** Change the priority, capped by the group's most, as {@link Thread#setPriority} does. */
    public void priority(int newPriority) {
        ThreadGroup g = group();
        if (g != null) {
            priority = Math.min(newPriority, g.getMaxPriority());
        }
    }

    public State state() {
        return state;
    }

    public boolean alive() {
        State now = state;
        return now == State.ARMED || now == State.STARTED;
    }

    /** Return the program's object for this fiber, or {@code null} before it starts and once it ended. */
    Thread program() {
        return alive() ? program : null;
    }

    /**
     * Move to {@code ARMED} before fiberize itself starts {@code fiber}, or to {@code STARTED} as
     * the JDK starts it ({@code jdk}): the first of the two counts the program's object among the
     * live threads and holds the JVM open if it is a non-daemon thread.
     *
     * @throws IllegalThreadStateException if it was started before, as {@link Thread#start()} does
     */
    synchronized void starting(Thread fiber, boolean jdk) {
        State was = state;
        if (was == State.ARMED && jdk) {
            state = State.STARTED;
            return;
        }
        if (was != State.NEW) {
            throw new IllegalThreadStateException();
        }
        state = jdk ? State.STARTED : State.ARMED;
        if (program == null) {
            program = fiber;
        }
        ProgramThreads.LIVE.add(program);
        if (!daemon) {
            keepingAlive = true;
            KeepAlive.acquire();
        }
    }

    /**
     * Move to {@code ENDED}: the thread is no longer alive; wake whoever waits on the program's
     * object for that, as the JVM does at a platform thread's end; let the JVM go if it was the
     * last non-daemon thread. Runs in the fiber, last.
     */
    void ended() {
        Thread ending;
        synchronized (this) {
            ending = program;
            state = State.ENDED;
            program = null;
        }
        if (ending != null) {
            ProgramThreads.LIVE.remove(ending);
            synchronized (ending) {
                ending.notifyAll();
            }
        }
        release();
    }

    /** Undo {@link #starting} when the fiber could not be started. */
    void startFailed() {
        ended();
    }

    private void release() {
        boolean release;
        synchronized (this) {
            release = keepingAlive;
            keepingAlive = false;
        }
        if (release) {
            KeepAlive.release();
        }
    }
}
