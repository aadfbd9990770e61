package programs;

import java.io.FileInputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;

/**
 * Interrupt a thread blocked reading a FIFO, once through a {@code FileChannel} (interruptible:
 * the channel closes and the read throws {@code ClosedByInterruptException}) and once through a
 * {@code FileInputStream} (not interruptible: the read goes on until data comes). Prints what each
 * read did and the thread's interrupt status after it.
 */
public final class FifoInterrupts {

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("fifo-interrupts");
        try {
            channelRead(dir.resolve("channel-fifo"));
            streamRead(dir.resolve("stream-fifo"));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    private static void channelRead(Path fifo) throws Exception {
        mkfifo(fifo);
        try (RandomAccessFile keeper = new RandomAccessFile(fifo.toFile(), "rw")) {
            String[] outcome = new String[1];
            CountDownLatch reading = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (FileChannel channel = FileChannel.open(fifo, StandardOpenOption.READ)) {
                    reading.countDown();
                    int n = channel.read(ByteBuffer.allocate(64));
                    outcome[0] = "read " + n + " bytes";
                } catch (Exception e) {
                    outcome[0] = e.getClass().getName();
                }
                outcome[0] += ", interrupted after: " + Thread.currentThread().isInterrupted();
            }, "channel-reader");
            reader.start();
            reading.await();
            Thread.sleep(300); // into read(2)
            reader.interrupt();
            reader.join(10_000);
            if (reader.isAlive()) {
                System.out.println("channel read: still blocked 10 s after the interrupt");
                keeper.write("unblock\n".getBytes(StandardCharsets.US_ASCII));
                reader.join();
            }
            System.out.println("channel read: " + outcome[0]);
        }
    }

    private static void streamRead(Path fifo) throws Exception {
        mkfifo(fifo);
        try (RandomAccessFile keeper = new RandomAccessFile(fifo.toFile(), "rw")) {
            String[] outcome = new String[1];
            CountDownLatch reading = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (FileInputStream in = new FileInputStream(fifo.toFile())) {
                    byte[] buffer = new byte[64];
                    reading.countDown();
                    int n = in.read(buffer);
                    outcome[0] = "read " + new String(buffer, 0, n, StandardCharsets.US_ASCII).strip();
                } catch (Exception e) {
                    outcome[0] = e.getClass().getName();
                }
                outcome[0] += ", interrupted after: " + Thread.currentThread().isInterrupted();
            }, "stream-reader");
            reader.start();
            reading.await();
            Thread.sleep(300); // into read(2)
            reader.interrupt();
            reader.join(500);
            System.out.println("stream read still blocked after the interrupt: " + reader.isAlive());
            keeper.write("data after the interrupt\n".getBytes(StandardCharsets.US_ASCII));
            reader.join();
            System.out.println("stream read: " + outcome[0]);
        }
    }

    private static void mkfifo(Path fifo) throws Exception {
        if (new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("mkfifo failed");
        }
    }
}
