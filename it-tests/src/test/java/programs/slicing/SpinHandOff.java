package programs.slicing;

/**
 * Hand values from one thread to another through a volatile flag that the receiver spins on,
 * with and without {@code Thread.onSpinWait()}: on a platform thread the spinner burns its own
 * CPU while the sender runs on another; on one loop the sender runs only once the spinner yields.
 */
public final class SpinHandOff {
    private static volatile int mailbox;
    private static volatile boolean full;

    public static void main(String[] args) throws Exception {
        int bare = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int hinted = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        System.out.println("bare spin: " + handOff(bare, false));
        System.out.println("onSpinWait: " + handOff(hinted, true));
    }

    /** Send {@code rounds} values from a sender thread to a receiver that spins; return their sum. */
    private static long handOff(int rounds, boolean hinted) throws InterruptedException {
        long[] sum = new long[1];
        Thread receiver = new Thread(() -> {
            for (int i = 0; i < rounds; i++) {
                while (!full) {
                    if (hinted) {
                        Thread.onSpinWait();
                    }
                }
                sum[0] += mailbox;
                full = false;
            }
        }, "receiver");
        Thread sender = new Thread(() -> {
            for (int i = 1; i <= rounds; i++) {
                while (full) {
                    if (hinted) {
                        Thread.onSpinWait();
                    }
                }
                mailbox = i;
                full = true;
            }
        }, "sender");
        receiver.start();
        sender.start();
        sender.join();
        receiver.join();
        return sum[0];
    }
}
