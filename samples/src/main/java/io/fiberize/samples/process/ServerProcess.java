package io.fiberize.samples.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run a server in a JVM of its own, learn its port from its {@code listening on <port>} line, end it on close.
 *
 * <p>The server's standard error is copied to ours, so whatever its JVM or agent says is seen, and kept,
 * so that a caller can read it (e.g. the agent's exit report) once the server has ended.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (\\d+)");
    private static final long START_TIMEOUT_SECONDS = 30;
    private static final long STOP_TIMEOUT_SECONDS = 5;

    private final Process process;
    private final int port;
    private final Thread errorCopier;
    private final List<String> errorLines;
    private ProcessStatus peak = ProcessStatus.UNKNOWN;

    private ServerProcess(Process process, int port, Thread errorCopier, List<String> errorLines) {
        this.process = process;
        this.port = port;
        this.errorCopier = errorCopier;
        this.errorLines = errorLines;
    }

    /**
     * Start {@code mainClass --port 0 <arguments>} with {@code java} and wait until it says which port it
     * listens on.
     *
     * @throws IOException if the JVM cannot start, or exits or stays silent instead of listening
     */
    public static ServerProcess start(Path java, List<String> jvmOptions, String classPath, String mainClass,
            List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, mainClass, "--port", "0"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        daemon(() -> readOutput(process, port), "server-output-" + process.pid()).start();
        List<String> errorLines = Collections.synchronizedList(new ArrayList<>());
        Thread errorCopier = daemon(() -> copyErrors(process, errorLines), "server-errors-" + process.pid());
        errorCopier.start();
        try {
            return new ServerProcess(process, port.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS), errorCopier,
                    errorLines);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly().waitFor();
            String why = e instanceof TimeoutException
                    ? "did not say 'listening on <port>' within " + START_TIMEOUT_SECONDS + " s"
                    : e.getCause().getMessage();
            throw new IOException("the server (" + String.join(" ", command) + ") " + why, e);
        }
    }

    public int port() {
        return port;
    }

    /**
     * Return the server JVM's process id.
     */
    public long pid() {
        return process.pid();
    }

    /**
     * Read the server's OS thread count and resident memory now, keeping the largest seen in {@link #peak}.
     */
    public ProcessStatus sample() {
        ProcessStatus now = ProcessStatus.of(process.pid());
        peak = peak.max(now);
        return now;
    }

    /**
     * Return the largest thread count and resident memory {@link #sample} has seen.
     */
    public ProcessStatus peak() {
        return peak;
    }

    /**
     * Tell whether the server's JVM is still running.
     */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Return the lines the server has written to its standard error so far; after {@link #close}, all of them.
     */
    public List<String> errorLines() {
        synchronized (errorLines) {
            return List.copyOf(errorLines);
        }
    }

    /**
     * End the server: politely first (so that its shutdown hooks run), then forcibly; then wait until its
     * standard error has been read to the end.
     */
    @Override
    public void close() {
        // Through the handle: Process.destroy() would also close our ends of its pipes, losing what is
        // still unread (the exit report is written after the signal).
        process.toHandle().destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            errorCopier.join(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Copy the server's standard error to ours line by line, keeping each line in {@code lines}.
     */
    private static void copyErrors(Process process, List<String> lines) {
        try (BufferedReader errors = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = errors.readLine()) != null) {
                System.err.println(line);
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(the server's standard error could not be read: " + e.getMessage() + ")");
        }
    }

    /**
     * Complete {@code port} from the first {@code listening on} line, then pass the rest of the output on.
     */
    private static void readOutput(Process process, CompletableFuture<Integer> port) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher listening = LISTENING.matcher(line);
                if (!port.isDone() && listening.matches()) {
                    port.complete(Integer.parseInt(listening.group(1)));
                } else {
                    System.out.println(line);
                }
            }
            port.completeExceptionally(new IOException(
                    "exited with status " + process.waitFor() + " before saying 'listening on <port>'"));
        } catch (IOException e) {
            port.completeExceptionally(new UncheckedIOException(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            port.completeExceptionally(e);
        }
    }
}
