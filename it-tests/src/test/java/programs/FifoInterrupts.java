package programs;

import java.io.FileInputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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

    /** A blocking read of a FIFO, as the thread that makes it sees it. */
    private interface FifoRead {
        String read(Path fifo) throws Exception;
    }

    private static void channelRead(Path fifo) throws Exception {
        interruptRead("channel read", fifo, path -> {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                return "read " + channel.read(ByteBuffer.allocate(64)) + " bytes";
            }
        });
    }

    private static void streamRead(Path fifo) throws Exception {
        interruptRead("stream read", fifo, path -> {
            try (FileInputStream in = new FileInputStream(path.toFile())) {
                byte[] buffer = new byte[64];
                int n = in.read(buffer);
                return "read " + new String(buffer, 0, n, StandardCharsets.US_ASCII).strip();
            }
        });
    }

    /**
     * Start a thread making {@code read} of a new FIFO, interrupt it once it blocks, and print
     * whether it was still blocked half a second later; then give it data and print what it did.
     */
    private static void interruptRead(String what, Path fifo, FifoRead read) throws Exception {
        mkfifo(fifo);
        // Opening read-write never blocks on Linux, and makes the reader's read-only open return at once.
        try (RandomAccessFile keeper = new RandomAccessFile(fifo.toFile(), "rw")) {
            String[] outcome = new String[1];
            Thread reader = new Thread(() -> {
                try {
                    outcome[0] = read.read(fifo);
                } catch (Exception e) {
                    outcome[0] = e.getClass().getName();
                }
                outcome[0] += ", interrupted after: " + Thread.currentThread().isInterrupted();
            }, what);
            reader.start();
            Thread.sleep(500); // into read(2)
            reader.interrupt();
            reader.join(500);
            System.out.println(what + " still blocked after the interrupt: " + reader.isAlive());
            keeper.write("data after the interrupt\n".getBytes(StandardCharsets.US_ASCII));
            reader.join();
            System.out.println(what + ": " + outcome[0]);
        }
    }

    private static void mkfifo(Path fifo) throws Exception {
        if (new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("mkfifo failed");
        }
    }
}
