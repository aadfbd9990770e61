package programs.threads;

/** Wait, a bounded time, for threads to block. */
final class Blocked {

    private Blocked() {
    }

    /**
     * Wait up to 5 s until each of {@code threads} is waiting or timed waiting; print TIMEOUT if one
     * is not.
     */
    static void awaitBlocked(Thread... threads) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (Thread thread : threads) {
            while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
                if (System.nanoTime() - deadline > 0) {
                    System.out.println("TIMEOUT waiting for " + thread.getName() + " to block, state "
                            + thread.getState());
                    break;
                }
                Thread.sleep(5);
            }
        }
    }
}
