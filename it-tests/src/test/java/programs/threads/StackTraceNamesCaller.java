package programs.threads;

/**
 * Look at the top of the current thread's own stack trace: {@code [0]} is {@code getStackTrace},
 * {@code [1]} the method that asked, on main, in a plain thread and in a subclass's {@code run()}.
 */
public final class StackTraceNamesCaller {

    /** A subclass that looks at its own stack in {@code run()}. */
    static final class Looking extends Thread {
        Looking() {
            super("looking");
        }

        @Override
        public void run() {
            print("subclass run()");
        }
    }

    public static void main(String[] args) throws Exception {
        print("main");
        Thread plain = new Thread(StackTraceNamesCaller::inPlainThread, "plain");
        plain.start();
        plain.join(5_000);
        Thread subclass = new Looking();
        subclass.start();
        subclass.join(5_000);
        Thread[] self = new Thread[1];
        Thread viaObject = new Thread(() -> {
            StackTraceElement[] stack = self[0].getStackTrace();
            System.out.println("t.getStackTrace() inside t: [0]=" + name(stack, 0) + " [1]=" + name(stack, 1));
        }, "via-object");
        self[0] = viaObject;
        viaObject.start();
        viaObject.join(5_000);
        System.out.println("getStackTrace() of an ended thread: length " + viaObject.getStackTrace().length);
    }

    private static void inPlainThread() {
        print("plain thread");
    }

    private static void print(String where) {
        StackTraceElement[] stack = Thread.currentThread().getStackTrace();
        System.out.println(where + ": [0]=" + name(stack, 0) + " [1]=" + name(stack, 1) + " [2]=" + name(stack, 2));
    }

    private static String name(StackTraceElement[] stack, int index) {
        if (index >= stack.length) {
            return "(none, length " + stack.length + ")";
        }
        String className = stack[index].getClassName();
        return className.substring(className.lastIndexOf('.') + 1) + "." + stack[index].getMethodName();
    }
}
