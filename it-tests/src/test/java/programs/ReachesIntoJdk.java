package programs;

import java.lang.reflect.AccessibleObject;

/**
 * Try to open JDK internals by reflection, print what happened to each try, then idle.
 *
 * <p>Prints {@code listening on 0} when done: the line a test waits for; the program listens nowhere.
 */
public final class ReachesIntoJdk {

    public static void main(String[] args) throws Exception {
        tryToOpen("java.lang.Thread.threadLocals", Thread.class.getDeclaredField("threadLocals"));
        tryToOpen("sun.nio.ch.Net.poll", Class.forName("sun.nio.ch.Net")
                .getDeclaredMethod("poll", java.io.FileDescriptor.class, int.class, long.class));
        tryToOpen("jdk.internal.vm.Continuation.yield", Class.forName("jdk.internal.vm.Continuation")
                .getDeclaredMethod("yield", Class.forName("jdk.internal.vm.ContinuationScope")));
        System.out.println("listening on 0");
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void tryToOpen(String what, AccessibleObject member) {
        try {
            member.setAccessible(true);
            System.out.println(what + ": opened");
        } catch (RuntimeException e) {
            System.out.println(what + ": " + e.getClass().getSimpleName());
        }
    }
}
