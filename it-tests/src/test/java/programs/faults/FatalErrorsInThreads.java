package programs.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Threads that die of a {@code StackOverflowError} and of an {@code OutOfMemoryError} (run it with a
 * small heap, {@code -Xmx64m}): each error reaches the uncaught-exception handler, and the program
 * goes on to sleep, lock and talk over a socket as before.
 */
public final class FatalErrorsInThreads {

    private static final Object LOCK = new Object();

    public static void main(String[] args) throws Exception {
        Thread deep = new Thread(() -> System.out.println("recursion ended at depth " + recurse(0) + " (wrong)"), "deep");
        deep.start();
        deep.join();
        System.out.println("deep: " + deep.getState());

        Thread greedy = new Thread(FatalErrorsInThreads::allocateForever, "greedy");
        greedy.setUncaughtExceptionHandler((thread, e) ->
                System.out.println(thread.getName() + ": uncaught " + e));
        greedy.start();
        greedy.join();
        System.out.println("greedy: " + greedy.getState());

        for (int round = 0; round < 3; round++) {
            Thread.sleep(20);
            System.out.println("the program lives on: " + echoThroughAThread());
        }
    }

    private static int recurse(int depth) {
        synchronized (LOCK) {
            return recurse(depth + 1) + 1;
        }
    }

    private static void allocateForever() {
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[128 * 1024]);
        }
    }

    private static String echoThroughAThread() throws IOException, InterruptedException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread echo = new Thread(() -> {
                try (Socket peer = server.accept()) {
                    peer.getOutputStream().write(peer.getInputStream().read());
                } catch (IOException e) {
                    System.out.println("echo failed: " + e);
                }
            });
            echo.start();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                socket.getOutputStream().write('x');
                int answer = socket.getInputStream().read();
                echo.join();
                return "echoed " + (char) answer;
            }
        }
    }
}
