package programs;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Start child processes ({@code cat}) and read each one's output on a thread of its own, as a build
 * tool or a test runner does: the readers wait until the main thread has written each child its
 * input. Prints what each child wrote back; prints to standard error how long it took and the most
 * OS threads the process had at once.
 *
 * <p>Arguments: the number of children (100).
 */
public final class ChildProcessOutputs {

    public static void main(String[] args) throws Exception {
        int children = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        AtomicInteger peakThreads = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                peakThreads.accumulateAndGet(osThreads(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "os-thread-sampler");
        sampler.setDaemon(true);
        sampler.start();

        long start = System.nanoTime();
        Process[] processes = new Process[children];
        String[] outputs = new String[children];
        Thread[] readers = new Thread[children];
        for (int i = 0; i < children; i++) {
            Process child = new ProcessBuilder("cat").start();
            processes[i] = child;
            int index = i;
            readers[i] = new Thread(() -> {
                try (InputStream out = child.getInputStream()) {
                    outputs[index] = new String(out.readAllBytes(), StandardCharsets.US_ASCII).strip()
                            + ", exit " + child.waitFor();
                } catch (Exception e) {
                    outputs[index] = e.toString();
                }
            }, "reader-" + i);
            readers[i].start();
        }
        for (int i = 0; i < children; i++) {
            try (OutputStream in = processes[i].getOutputStream()) {
                in.write(("child " + i + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        for (Thread reader : readers) {
            reader.join();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        done.set(true);
        for (int i = 0; i < children; i++) {
            System.out.println(i + ": " + outputs[i]);
        }
        System.err.println("children took ms: " + millis);
        System.err.println("peak OS threads: " + peakThreads.get());
    }

    private static int osThreads() {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            return (int) tasks.count();
        } catch (Exception e) {
            return -1;
        }
    }
}
