package programs.threads;

/**
 * Interrupt a thread before starting it: it is interrupted already, and starts interrupted.
 */
public final class InterruptBeforeStart {

    public static void main(String[] args) throws Exception {
        Thread thread = new Thread(() -> {
            System.out.println("inside: Thread.interrupted() at the top of run: " + Thread.interrupted());
            System.out.println("inside: Thread.interrupted() again: " + Thread.interrupted());
        }, "early");
        thread.interrupt();
        System.out.println("before start: isInterrupted=" + thread.isInterrupted());
        thread.start();
        thread.join(5_000);
        System.out.println("after join: alive=" + thread.isAlive());

        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(10_000);
                System.out.println("sleeper: slept 10 s (TIMEOUT)");
            } catch (InterruptedException e) {
                System.out.println("sleeper: sleep threw at once, interrupted before start");
            }
        }, "sleeper");
        sleeper.interrupt();
        sleeper.start();
        sleeper.join(15_000);
        System.out.println("sleeper alive after join: " + sleeper.isAlive());
    }
}
