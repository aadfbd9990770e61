package io.fiberize.benchmarks.bugs;

/**
 * Deadlock two bank transfers: each locks the source account, then the target ({@code synchronized}),
 * and the two go in opposite directions (SCTBench's {@code CS.deadlock01_bad}, the textbook lock-order
 * inversion). A deadlocked run never ends: on a plain JVM the runner's time limit ends it, under
 * fiberize's seeded schedule the stuck report (exit status 4).
 */
public final class TransferDeadlock {
    private static final int TRANSFERS = 3;

    private TransferDeadlock() {
    }

    /** An account whose balance is guarded by its own monitor. */
    static final class Account {
        private long balance = 100;

        static void transfer(Account from, Account to, long amount) {
            synchronized (from) {
                synchronized (to) {
                    from.balance -= amount;
                    to.balance += amount;
                }
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Account a = new Account();
        Account b = new Account();
        Thread ab = new Thread(() -> {
            for (int i = 0; i < TRANSFERS; i++) {
                Account.transfer(a, b, 1);
            }
        });
        Thread ba = new Thread(() -> {
            for (int i = 0; i < TRANSFERS; i++) {
                Account.transfer(b, a, 1);
            }
        });
        ab.start();
        ba.start();
        ab.join();
        ba.join();
    }
}
