package programs;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Read from a pipe that stays empty for half a second while a ticker thread ticks, then do some
 * ordinary file I/O. Prints whether the ticker kept ticking during the read.
 */
public final class SlowReads {

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("slow-reads");
        File fifo = dir.resolve("pipe").toFile();
        if (new ProcessBuilder("mkfifo", fifo.getPath()).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("mkfifo failed");
        }
        AtomicInteger ticks = new AtomicInteger();
        Thread ticker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                ticks.incrementAndGet();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "ticker");
        ticker.setDaemon(true);
        ticker.start();

        String[] got = new String[1];
        int[] ticksDuringRead = new int[1];
        Thread reader = new Thread(() -> {
            // Opening read-write never blocks on Linux and makes later read-only opens return at once.
            try (RandomAccessFile keeper = new RandomAccessFile(fifo, "rw");
                 FileInputStream in = new FileInputStream(fifo)) {
                new ProcessBuilder("sh", "-c", "sleep 0.5; printf hello > '" + fifo.getPath() + "'").start();
                int before = ticks.get();
                byte[] buffer = new byte[5];
                int n = in.read(buffer);
                ticksDuringRead[0] = ticks.get() - before;
                got[0] = new String(buffer, 0, n, StandardCharsets.US_ASCII);
            } catch (Exception e) {
                got[0] = e.toString();
            }
        }, "reader");
        reader.start();
        reader.join();
        System.out.println("read from the pipe: " + got[0]);
        System.out.println("ticker kept ticking during the read: " + (ticksDuringRead[0] >= 10));
        System.err.println("ticks during the read: " + ticksDuringRead[0]);

        Thread files = new Thread(() -> {
            try {
                Path file = dir.resolve("data.txt");
                Files.writeString(file, "line one\n");
                try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
                    out.write("line two\n".getBytes(StandardCharsets.UTF_8));
                }
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                    raf.seek(raf.length());
                    raf.write("line three\n".getBytes(StandardCharsets.UTF_8));
                    raf.seek(0);
                    byte[] first = new byte[8];
                    raf.readFully(first);
                    System.out.println("random access read: " + new String(first, StandardCharsets.UTF_8));
                }
                System.out.print("file now holds:\n" + Files.readString(file));
                Files.delete(file);
            } catch (Exception e) {
                System.out.println("file I/O failed: " + e);
            }
        }, "files");
        files.start();
        files.join();
        Files.delete(fifo.toPath());
        Files.delete(dir);
    }
}
