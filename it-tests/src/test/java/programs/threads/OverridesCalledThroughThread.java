package programs.threads;

/**
 * Call {@code start()} and {@code interrupt()} through a variable of type {@code Thread} on a
 * subclass that overrides both: the overrides run, and the interrupt reaches the sleeping thread.
 */
public final class OverridesCalledThroughThread {

    /** A thread that says when its overrides run. */
    static final class Loud extends Thread {
        Loud() {
            super("loud");
        }

        @Override
        public synchronized void start() {
            System.out.println("Loud.start ran");
            super.start();
        }

        @Override
        public void interrupt() {
            System.out.println("Loud.interrupt ran");
            super.interrupt();
        }

        @Override
        public void run() {
            try {
                Thread.sleep(10_000);
                System.out.println("loud slept 10 s (TIMEOUT)");
            } catch (InterruptedException e) {
                System.out.println("loud interrupted in sleep");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Thread thread = new Loud();
        thread.start();
        Blocked.awaitBlocked(thread);
        thread.interrupt();
        thread.join(5_000);
        System.out.println("loud alive after join: " + thread.isAlive());
    }
}
