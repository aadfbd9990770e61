package programs.faults;

import static programs.Outcomes.print;
import static programs.Outcomes.sleep;

import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread-per-connection echo server in a process that runs out of file descriptors (run it
 * under {@code prlimit --nofile=256:256}): the program opens files until the limit, then connects.
 * Prints what {@code connect} and {@code accept} threw, and whether the server works again once
 * the files are closed.
 */
public final class OutOfDescriptors {

    public static void main(String[] args) throws Exception {
        Set<String> acceptFailures = new ConcurrentSkipListSet<>();
        AtomicInteger serving = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            Thread acceptor = new Thread(() -> serve(server, acceptFailures, serving), "acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            print("echo before the limit", () -> echo(port, 'a'));
            // The server's end of that connection closes on its own time: wait, so that it frees its descriptor now.
            while (serving.get() > 0) {
                sleep(10);
            }

            List<FileInputStream> files = new ArrayList<>();
            print("open files until the limit", () -> {
                while (true) {
                    files.add(new FileInputStream("/dev/null"));
                }
            });
            print("connect at the limit", () -> echo(port, 'b'));

            files.removeFirst().close();
            Socket waiting = new Socket(InetAddress.getLoopbackAddress(), port);
            waiting.getOutputStream().write('c');
            while (acceptFailures.isEmpty()) {
                sleep(10);
            }
            System.out.println("accept at the limit -> " + acceptFailures);

            for (FileInputStream file : files) {
                file.close();
            }
            print("connection made at the limit, answered once files are closed", () -> {
                try (waiting) {
                    waiting.setSoTimeout(5_000);
                    return "read " + (char) waiting.getInputStream().read();
                }
            });
            print("echo after the limit", () -> echo(port, 'd'));
        }
    }

    /**
     * Accept connections and echo each in a thread of its own, counting those being served; note
     * each distinct accept failure and retry.
     */
    private static void serve(ServerSocket server, Set<String> acceptFailures, AtomicInteger serving) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                serving.incrementAndGet();
                new Thread(() -> {
                    echoAll(socket);
                    serving.decrementAndGet();
                }).start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    acceptFailures.add(e.getClass().getName() + ": " + e.getMessage());
                    sleep(20);
                }
            }
        }
    }

    private static void echoAll(Socket socket) {
        try (socket) {
            for (int b = socket.getInputStream().read(); b >= 0; b = socket.getInputStream().read()) {
                socket.getOutputStream().write(b);
            }
        } catch (IOException e) {
            System.out.println("echo failed: " + e);
        }
    }

    private static String echo(int port, char c) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(c);
            return "read " + (char) socket.getInputStream().read();
        }
    }
}
