package programs.threads;

/**
 * Inside a plain {@code new Thread}, the current thread is the program's object: identity, id,
 * name, virtual or not, held monitors; a thread local set inside stays inside.
 */
public final class IdentityAndLocals {
    private static final ThreadLocal<String> LOCAL = new ThreadLocal<>();

    public static void main(String[] args) throws Exception {
        LOCAL.set("main's");
        Object monitor = new Object();
        Thread[] self = new Thread[1];
        Thread thread = new Thread(() -> {
            Thread current = Thread.currentThread();
            System.out.println("currentThread() == t: " + (current == self[0]));
            System.out.println("threadId equal: " + (current.threadId() == self[0].threadId()));
            System.out.println("name: " + current.getName() + ", virtual: " + current.isVirtual()
                    + ", t.isVirtual(): " + self[0].isVirtual());
            System.out.println("t.isAlive() inside: " + self[0].isAlive() + ", t.getState(): " + self[0].getState());
            System.out.println("thread local inside before set: " + LOCAL.get());
            LOCAL.set("thread's");
            System.out.println("thread local inside after set: " + LOCAL.get());
            System.out.println("holdsLock outside synchronized: " + Thread.holdsLock(monitor));
            synchronized (monitor) {
                System.out.println("holdsLock inside synchronized: " + Thread.holdsLock(monitor));
            }
        }, "identity");
        self[0] = thread;
        thread.start();
        thread.join(5_000);
        System.out.println("thread local in main after join: " + LOCAL.get());
        System.out.println("main holdsLock: " + Thread.holdsLock(monitor));
    }
}
