package programs;

import java.io.FileInputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Block many threads reading FIFOs that nobody writes yet, as readers of pipes, terminals or slow
 * devices do, and meanwhile write and read an ordinary file on another thread. Then write every
 * FIFO from a child process so that the readers finish. Prints whether the file I/O finished while
 * the readers waited, and what each reader read.
 *
 * <p>Arguments: the number of FIFO readers (72).
 */
public final class FifoReadersAndFiles {

    public static void main(String[] args) throws Exception {
        int readers = args.length > 0 ? Integer.parseInt(args[0]) : 72;
        Path dir = Files.createTempDirectory("fifo-readers");
        List<RandomAccessFile> keepers = new ArrayList<>();
        String[] got = new String[readers];
        CountDownLatch reading = new CountDownLatch(readers);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            Path fifo = dir.resolve("fifo-" + i);
            if (new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() != 0) {
                throw new IllegalStateException("mkfifo failed");
            }
            // Opening read-write never blocks on Linux, and makes the readers' read-only opens return at once.
            keepers.add(new RandomAccessFile(fifo.toFile(), "rw"));
            int index = i;
            Thread reader = new Thread(() -> {
                try (FileInputStream in = new FileInputStream(fifo.toFile())) {
                    byte[] buffer = new byte[64];
                    reading.countDown();
                    int n = in.read(buffer);
                    got[index] = new String(buffer, 0, n, StandardCharsets.US_ASCII).strip();
                } catch (Exception e) {
                    got[index] = e.toString();
                }
            }, "fifo-reader-" + i);
            reader.start();
            threads.add(reader);
        }
        reading.await();
        Thread.sleep(300); // into read(2)

        String[] fileResult = new String[1];
        Thread files = new Thread(() -> {
            try {
                Path file = dir.resolve("data.txt");
                Files.writeString(file, "written while " + readers + " readers wait\n");
                fileResult[0] = Files.readString(file).strip();
                Files.delete(file);
            } catch (Exception e) {
                fileResult[0] = e.toString();
            }
        }, "files");
        files.start();
        files.join(10_000);
        System.out.println("file I/O while the FIFO readers wait: "
                + (files.isAlive() ? "still waiting after 10 s" : fileResult[0]));

        // A child process writes the FIFOs: nothing in this JVM is needed for that.
        Process writer = new ProcessBuilder("sh", "-c", "for f in '" + dir + "'/fifo-*; do echo \"hello $f\" > \"$f\"; done")
                .inheritIO().start();
        System.out.println("writer exit: " + writer.waitFor());
        for (Thread thread : threads) {
            thread.join();
        }
        files.join();
        if (fileResult[0] == null) {
            System.out.println("file I/O never finished");
        }
        int hellos = 0;
        for (int i = 0; i < readers; i++) {
            if (got[i].equals("hello " + dir.resolve("fifo-" + i))) {
                hellos++;
            } else {
                System.out.println("reader " + i + " read: " + got[i]);
            }
        }
        System.out.println(hellos + " of " + readers + " readers read their FIFO");
        for (RandomAccessFile keeper : keepers) {
            keeper.close();
        }
        for (int i = 0; i < readers; i++) {
            Files.delete(dir.resolve("fifo-" + i));
        }
        Files.delete(dir);
    }
}
