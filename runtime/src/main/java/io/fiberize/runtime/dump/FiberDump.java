package io.fiberize.runtime.dump;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.fiberize.runtime.fiber.Fibers;
import io.fiberize.runtime.jdk.LiveThreads;
import io.fiberize.runtime.loop.EventLoop;
import io.fiberize.runtime.loop.FdWait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Delayed;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Summarise a JDK JSON thread dump: every fiber under its loop with its state, what it waits on
 * and its stack, fibers with the same state and stack together.
 *
 * <p>The JDK's dump ({@code jcmd <pid> Thread.dump_to_file -format=json}, or {@link
 * HotSpotDiagnosticMXBean#dumpThreads}) gives each thread's state, stack, park blocker and the
 * monitor it is blocked on or waits in, but it names a virtual thread's carrier only while it is
 * mounted and knows nothing of the runtime. Inside the process ({@link #ofThisJvm()}) the runtime
 * adds, per fiber, its loop (the fiber's scheduler), the descriptor and direction a socket wait is
 * for (the wait is the fiber's park blocker), and when the timer of a sleep or timed park is due;
 * read without stopping anything, a moment before the JDK's dump, and used only where the dump's
 * state agrees. Summarising a dump taken from outside the process, without facts (what {@code
 * bin/fiberize dump} does when fiberize does not run there), places only running fibers on their
 * loop and lists the others apart.
 */
public final class FiberDump {
    private static final String LOOP_PREFIX = "fiberize-loop-";
    /** The frame at the bottom of every fiber's stack. */
    private static final String FIBER_FRAME = "io.fiberize.runtime.fiber.FiberTask.run(";
    private static final long NANOS_PER_DAY = TimeUnit.DAYS.toNanos(1);

    private FiberDump() {
    }

    /**
     * What the runtime knows of one fiber that the JDK's dump does not say.
     *
     * @param loop       the name of the fiber's loop
     * @param fdWait     the socket wait it is parked in, or {@code null}
     * @param timerNanos nanoseconds until the timer of its sleep or timed park is due, or
     *                   {@code null} when it has none
     */
    public record FiberFacts(String loop, FdWait fdWait, Long timerNanos) {
    }

    /**
     * Dump the threads of this JVM and return the summary, with each fiber's loop and waits.
     */
    public static String ofThisJvm() {
        Map<String, FiberFacts> facts = factsOfThisJvm();
        try {
            Path directory = Files.createTempDirectory("fiberize-dump-");
            Path file = directory.resolve("threads.json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                return summarise(Files.readString(file), facts);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot dump this JVM's threads", e);
        }
    }

    /** Return the facts of every live fiber of this JVM, by thread id. */
    private static Map<String, FiberFacts> factsOfThisJvm() {
        Map<String, FiberFacts> facts = new HashMap<>();
        for (Thread thread : LiveThreads.all()) {
            EventLoop loop = Fibers.loopOf(thread);
            if (loop != null) {
                Future<?> timeout = LiveThreads.timeoutOf(thread);
                Long timerNanos = timeout instanceof Delayed due && !timeout.isDone()
                        ? due.getDelay(TimeUnit.NANOSECONDS) : null;
                FdWait fdWait = LockSupport.getBlocker(thread) instanceof FdWait w ? w : null;
                facts.put(Long.toString(thread.threadId()), new FiberFacts(loop.name(), fdWait, timerNanos));
            }
        }
        return facts;
    }

    /**
     * Summarise the JSON text of a JDK thread dump with the runtime's {@code facts} of its fibers,
     * by thread id; none for a dump taken from outside the process.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static String summarise(String json, Map<String, FiberFacts> facts) {
        Map<String, Object> dump = map(map(JsonReader.parse(json)).get("threadDump"));
        List<Map<String, Object>> fibers = new ArrayList<>();
        List<Map<String, Object>> otherVirtual = new ArrayList<>();
        List<Map<String, Object>> platform = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> monitorOwners = new HashMap<>();
        for (Object container : list(dump.get("threadContainers"))) {
            for (Object t : list(map(container).get("threads"))) {
                Map<String, Object> thread = map(t);
                String tid = String.valueOf(thread.get("tid"));
                if (!Boolean.TRUE.equals(thread.get("virtual"))) {
                    platform.add(thread);
                } else if (facts.containsKey(tid)
                        || list(thread.get("stack")).stream().anyMatch(f -> String.valueOf(f).startsWith(FIBER_FRAME))) {
                    fibers.add(thread);
                } else {
                    otherVirtual.add(thread);
                }
                names.put(tid, String.valueOf(thread.get("name")));
                for (Object owned : list(thread.get("monitorsOwned"))) {
                    for (Object lock : list(map(owned).get("locks"))) {
                        monitorOwners.put(String.valueOf(lock), "#" + tid + " \"" + thread.get("name") + "\"");
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("fiberize dump of process ").append(dump.get("processId")).append(" (JDK ")
                .append(dump.get("runtimeVersion")).append(", ").append(dump.get("time")).append("): ")
                .append(fibers.size()).append(" fibers, ").append(otherVirtual.size()).append(" other virtual threads, ")
                .append(platform.size()).append(" platform threads\n");
        Map<String, List<Map<String, Object>>> byLoop = new LinkedHashMap<>();
        for (Map<String, Object> thread : platform) {
            String name = String.valueOf(thread.get("name"));
            if (name.startsWith(LOOP_PREFIX)) {
                byLoop.computeIfAbsent(loopOf(name), k -> new ArrayList<>());
            }
        }
        Map<String, String> running = new HashMap<>();
        List<Map<String, Object>> unplaced = new ArrayList<>();
        for (Map<String, Object> fiber : fibers) {
            String tid = String.valueOf(fiber.get("tid"));
            String carrier = names.get(String.valueOf(fiber.get("carrier")));
            String loop = facts.containsKey(tid) ? facts.get(tid).loop()
                    : carrier != null && carrier.startsWith(LOOP_PREFIX) ? loopOf(carrier) : null;
            if (carrier != null && loop != null) {
                running.put(loop, "#" + tid + " \"" + fiber.get("name") + "\"");
            }
            if (loop == null) {
                unplaced.add(fiber);
            } else {
                byLoop.computeIfAbsent(loop, k -> new ArrayList<>()).add(fiber);
            }
        }
        Function<Map<String, Object>, String> fiberWaits = thread -> waitingOn(thread, facts, monitorOwners);
        Function<Map<String, Object>, String> threadWaits = thread -> waitingOn(thread, Map.of(), monitorOwners);
        for (Map.Entry<String, List<Map<String, Object>>> loop : byLoop.entrySet()) {
            int count = loop.getValue().size();
            out.append("\nloop ").append(loop.getKey()).append(": ").append(count).append(count == 1 ? " fiber, " : " fibers, ")
                    .append(running.containsKey(loop.getKey()) ? "running " + running.get(loop.getKey()) : "none running")
                    .append('\n');
            groups(out, loop.getValue(), "fiber", fiberWaits);
        }
        if (!unplaced.isEmpty()) {
            out.append("\nfibers of an unknown loop (").append(unplaced.size())
                    .append("; a dump taken from outside names the loop of running fibers only):\n");
            groups(out, unplaced, "fiber", fiberWaits);
        }
        out.append("\nother virtual threads (").append(otherVirtual.size())
                .append("; on the JDK's own scheduler):\n");
        groups(out, otherVirtual, "thread", threadWaits);
        out.append("\nplatform threads (").append(platform.size()).append("):\n");
        groups(out, platform, "thread", threadWaits);
        return out.toString();
    }

    private static String loopOf(String carrierName) {
        int compensating = carrierName.indexOf("-compensating-");
        return compensating < 0 ? carrierName : carrierName.substring(0, compensating);
    }

    /**
     * Say what {@code thread} waits on: the socket and direction, the timer, the park blocker, the
     * monitor it is blocked entering (with its owner when the dump names one) or waits in; empty
     * when it waits on nothing.
     */
    private static String waitingOn(Map<String, Object> thread, Map<String, FiberFacts> facts,
            Map<String, String> monitorOwners) {
        String state = String.valueOf(thread.get("state"));
        boolean waiting = state.equals("WAITING") || state.equals("TIMED_WAITING");
        FiberFacts fact = facts.get(String.valueOf(thread.get("tid")));
        List<String> parts = new ArrayList<>();
        if (waiting && fact != null && fact.fdWait() != null) {
            parts.add("fd " + fact.fdWait().fd() + " " + interest(fact.fdWait().read(), list(thread.get("stack"))));
        } else if (thread.get("parkBlocker") instanceof Map<?, ?> blocker) {
            parts.add("parked on " + blocker.get("object"));
        }
        if (thread.get("blockedOn") != null) {
            parts.add("blocked entering monitor " + monitor(thread.get("blockedOn"), monitorOwners));
        }
        if (thread.get("waitingOn") != null) {
            parts.add("in Object.wait on monitor " + thread.get("waitingOn"));
        }
        if (state.equals("TIMED_WAITING") && fact != null && fact.timerNanos() != null) {
            parts.add("timer due in " + duration(fact.timerNanos()));
        }
        return String.join(", ", parts);
    }

    private static String monitor(Object identity, Map<String, String> monitorOwners) {
        String owner = monitorOwners.get(String.valueOf(identity));
        return identity + (owner == null ? "" : " held by " + owner);
    }

    /**
     * Name a socket wait's interest: a read waits to accept when the stack is in an accept, a
     * write waits to connect when it is in a connect.
     */
    static String interest(boolean read, List<Object> stack) {
        for (Object frame : stack) {
            String text = String.valueOf(frame);
            if (text.startsWith("java.base/")) {
                if (read && text.contains(".accept(")) {
                    return "accept";
                }
                if (!read && (text.contains(".connect(") || text.contains(".finishConnect("))) {
                    return "connect";
                }
            }
        }
        return read ? "read" : "write";
    }

    /** Format a delay for a person: milliseconds, seconds, or days. */
    static String duration(long nanos) {
        if (nanos <= 0) {
            return "0 ms (overdue)";
        }
        if (nanos < TimeUnit.SECONDS.toNanos(1)) {
            return TimeUnit.NANOSECONDS.toMillis(nanos) + " ms";
        }
        if (nanos < NANOS_PER_DAY) {
            return String.format("%.3f s", nanos / 1e9);
        }
        return nanos / NANOS_PER_DAY + " days";
    }

    /** Append the threads grouped by state and stack, largest group first, each with what it waits on. */
    private static void groups(StringBuilder out, List<Map<String, Object>> threads, String noun,
            Function<Map<String, Object>, String> waitingOn) {
        Map<List<Object>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> thread : threads) {
            groups.computeIfAbsent(List.of(String.valueOf(thread.get("state")), list(thread.get("stack"))),
                    k -> new ArrayList<>()).add(thread);
        }
        groups.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                .forEach(group -> {
                    List<Map<String, Object>> members = group.getValue();
                    out.append("  ").append(members.size()).append(' ').append(noun).append(members.size() == 1 ? " " : "s ")
                            .append(group.getKey().get(0)).append(":\n");
                    for (Map<String, Object> member : members) {
                        String waits = waitingOn.apply(member);
                        out.append("      #").append(member.get("tid")).append(" \"").append(member.get("name")).append('"')
                                .append(waits.isEmpty() ? "" : ": " + waits).append('\n');
                    }
                    for (Object frame : list(group.getKey().get(1))) {
                        out.append("      at ").append(frame).append('\n');
                    }
                });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException("not a JDK JSON thread dump: expected an object, found " + value);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new IllegalArgumentException("not a JDK JSON thread dump: expected an array, found " + value);
    }
}
