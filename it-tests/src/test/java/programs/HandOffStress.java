package programs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hand control back and forth between pairs of threads, a great many times, through every way a
 * thread waits for another: park/unpark, monitors, {@code java.util.concurrent} conditions, socket
 * readiness, sleeps, timed waits and interrupts. A lost wake-up shows as a pair that never ends.
 *
 * <p>Usage: {@code HandOffStress SCALE}: {@code SCALE} 1 makes about 10 million hand-offs. Prints one
 * line a mechanism with its count (a function of {@code SCALE} only) and {@code ok}, or what is
 * missing; a mechanism that has not ended after 60 s per unit of {@code SCALE} (at least 60 s) is
 * reported as stuck and the program exits 1.
 */
public final class HandOffStress {
    private static final int PAIRS = 4;
    private static double scale;

    private HandOffStress() {
    }

    private interface Side {
        void run(int me, int rounds, AtomicLong count) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        scale = Double.parseDouble(args[0]);
        boolean ok = true;
        ok &= run("park/unpark", (int) (500_000 * scale), new ParkPair()::side);
        ok &= run("monitor wait/notify", (int) (375_000 * scale), new MonitorPair()::side);
        ok &= run("lock condition", (int) (360_000 * scale), new ConditionPair()::side);
        ok &= run("socket readiness", (int) (6_000 * scale), new SocketPair()::side);
        ok &= run("sleep", (int) (250 * scale), (me, rounds, count) -> {
            for (int i = 0; i < rounds; i++) {
                Thread.sleep(1);
                count.incrementAndGet();
            }
        });
        ok &= run("timed wait", (int) (250 * scale), (me, rounds, count) -> {
            Object lock = new Object();
            for (int i = 0; i < rounds; i++) {
                synchronized (lock) {
                    lock.wait(1);
                }
                count.incrementAndGet();
            }
        });
        ok &= run("interrupt", (int) (2_500 * scale), new InterruptPair()::side);
        System.out.println(ok ? "all hand-offs completed" : "SOME HAND-OFFS WERE LOST");
        System.exit(ok ? 0 : 1);
    }

    /**
     * Run {@link #PAIRS} pairs of {@code side} for {@code rounds} each and check that every side
     * counted all of them. Each mechanism gets new objects per pair through {@code side}'s owner.
     */
    private static boolean run(String name, int rounds, Side side) throws InterruptedException {
        AtomicLong count = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int pair = 0; pair < PAIRS; pair++) {
            int base = pair * 2;
            for (int me = 0; me < 2; me++) {
                int id = base + me;
                Thread thread = new Thread(() -> {
                    try {
                        side.run(id, rounds, count);
                    } catch (Exception e) {
                        System.out.println(name + ": " + e);
                    }
                }, name + "-" + id);
                threads.add(thread);
                thread.start();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos((long) (60 * Math.max(1, scale)));
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (thread.isAlive()) {
                System.out.println(name + ": STUCK at " + count.get() + " of " + 2L * PAIRS * rounds);
                System.exit(1);
            }
        }
        long expected = 2L * PAIRS * rounds;
        boolean right = count.get() == expected;
        System.out.println(name + ": " + count.get() + " hand-offs, " + (right ? "ok" : "expected " + expected));
        return right;
    }

    /** Per pair, the state two sides share: made by the even side's id, found by the odd one's. */
    private abstract static class Pairs<S> {
        private final List<S> states = new ArrayList<>();

        Pairs(java.util.function.Supplier<S> make) {
            for (int i = 0; i < PAIRS; i++) {
                states.add(make.get());
            }
        }

        S of(int me) {
            return states.get(me / 2);
        }
    }

    private static final class ParkPair extends Pairs<ParkPair.State> {
        static final class State {
            volatile int turn;
            final Thread[] sides = new Thread[2];
            final java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
        }

        ParkPair() {
            super(State::new);
        }

        void side(int me, int rounds, AtomicLong count) throws InterruptedException {
            State s = of(me);
            int mine = me % 2;
            s.sides[mine] = Thread.currentThread();
            s.both.countDown();
            s.both.await();
            Thread other = s.sides[1 - mine];
            for (int i = 0; i < rounds; i++) {
                while (s.turn != mine) {
                    LockSupport.park(this);
                }
                s.turn = 1 - mine;
                LockSupport.unpark(other);
                count.incrementAndGet();
            }
        }
    }

    private static final class MonitorPair extends Pairs<MonitorPair.State> {
        static final class State {
            int turn;
        }

        MonitorPair() {
            super(State::new);
        }

        void side(int me, int rounds, AtomicLong count) throws InterruptedException {
            State s = of(me);
            int mine = me % 2;
            for (int i = 0; i < rounds; i++) {
                synchronized (s) {
                    while (s.turn != mine) {
                        s.wait();
                    }
                    s.turn = 1 - mine;
                    s.notifyAll();
                }
                count.incrementAndGet();
            }
        }
    }

    private static final class ConditionPair extends Pairs<ConditionPair.State> {
        static final class State {
            final ReentrantLock lock = new ReentrantLock();
            final Condition changed = lock.newCondition();
            int turn;
        }

        ConditionPair() {
            super(State::new);
        }

        void side(int me, int rounds, AtomicLong count) throws InterruptedException {
            State s = of(me);
            int mine = me % 2;
            for (int i = 0; i < rounds; i++) {
                s.lock.lock();
                try {
                    while (s.turn != mine) {
                        s.changed.await();
                    }
                    s.turn = 1 - mine;
                    s.changed.signalAll();
                } finally {
                    s.lock.unlock();
                }
                count.incrementAndGet();
            }
        }
    }

    private static final class SocketPair extends Pairs<SynchronousQueue<Socket>> {
        SocketPair() {
            super(SynchronousQueue::new);
        }

        /** The even side listens and hands the port over; the odd side connects; then a byte goes back and forth. */
        void side(int me, int rounds, AtomicLong count) throws Exception {
            SynchronousQueue<Socket> handOver = of(me);
            Socket socket;
            if (me % 2 == 0) {
                try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    handOver.put(new Socket(server.getInetAddress(), server.getLocalPort()));
                    socket = server.accept();
                }
            } else {
                socket = handOver.take();
            }
            try (socket) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                for (int i = 0; i < rounds; i++) {
                    if (me % 2 == 0) {
                        out.write(i);
                        if (in.read() < 0) {
                            throw new IOException("closed early");
                        }
                    } else {
                        if (in.read() < 0) {
                            throw new IOException("closed early");
                        }
                        out.write(i);
                    }
                    count.incrementAndGet();
                }
            }
        }
    }

    private static final class InterruptPair extends Pairs<InterruptPair.State> {
        static final class State {
            final SynchronousQueue<Thread> sleeper = new SynchronousQueue<>();
            final SynchronousQueue<Boolean> woke = new SynchronousQueue<>();
        }

        InterruptPair() {
            super(State::new);
        }

        /** The odd side offers itself and sleeps; the even side interrupts it; both count once it woke. */
        void side(int me, int rounds, AtomicLong count) throws InterruptedException {
            State s = of(me);
            for (int i = 0; i < rounds; i++) {
                if (me % 2 == 0) {
                    s.sleeper.take().interrupt();
                    s.woke.take();
                } else {
                    s.sleeper.put(Thread.currentThread());
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException expected) {
                        s.woke.put(Boolean.TRUE);
                    }
                }
                count.incrementAndGet();
            }
        }
    }
}
