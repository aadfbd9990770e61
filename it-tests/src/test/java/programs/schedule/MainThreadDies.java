package programs.schedule;

/**
 * Describe the main thread as the program sees it, then let an exception end {@code main}.
 */
public final class MainThreadDies {

    public static void main(String[] args) {
        Thread main = Thread.currentThread();
        System.out.println("name " + main.getName() + ", virtual " + main.isVirtual() + ", daemon " + main.isDaemon()
                + ", group " + main.getThreadGroup().getName() + ", priority " + main.getPriority());
        fail();
    }

    private static void fail() {
        throw new IllegalStateException("the main thread gives up");
    }
}
