package io.fiberize.runtime.schedule;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.fiberize.runtime.config.RuntimeLog;
import io.fiberize.runtime.fiber.ProgramThreads;
import io.fiberize.runtime.jdk.LockOwners;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describe a program whose fibers all wait with nothing left that could wake them: each fiber's
 * stack, what it waits for and what it holds (from the JDK's own thread dump), and the cycle when
 * the fibers wait for each other's monitors or {@code java.util.concurrent} locks.
 */
final class StuckReport {
    private static final Pattern HEADER = Pattern.compile("^#(\\d+) \"(.*)\" virtual (\\w+) .*");
    private static final Pattern LOCKED = Pattern.compile("^\\s+- locked <(.+)>");
    private static final Pattern WAITING_TO_LOCK = Pattern.compile("^\\s+- waiting to lock <(.+)>");
    private static final Pattern PARKED = Pattern.compile("^\\s+- parking to wait for <(.+)>");

    /**
     * One fiber as the thread dump shows it: the monitors it holds, and the monitor or lock it
     * waits for ({@code null} for none), each by its identity string.
     */
    private record Fiber(long tid, String name, List<String> lines, List<String> holds, String waitsFor) {
    }

    private StuckReport() {
    }

    /** Return the report, naming the {@code schedule} that led here. */
    static String of(String schedule) {
        List<Fiber> fibers = fibers(dump());
        StringBuilder b = new StringBuilder();
        b.append("every fiber waits and nothing is left to wake one: the program is stuck (").append(schedule)
                .append(")");
        String cycle = cycle(fibers);
        if (cycle != null) {
            b.append(System.lineSeparator()).append("deadlock: ").append(cycle);
        }
        for (Fiber fiber : fibers) {
            for (String line : fiber.lines) {
                b.append(System.lineSeparator()).append(line);
            }
        }
        return b.toString();
    }

    /** Return the JDK's plain-text thread dump of this JVM, or an empty list when it cannot be taken. */
    private static List<String> dump() {
        try {
            Path file = Files.createTempFile("fiberize-stuck-", ".txt");
            try {
                Files.delete(file);
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
                return Files.readAllLines(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            RuntimeLog.warn("cannot take a thread dump for the stuck report", e);
            return List.of();
        }
    }

    /** Return the virtual threads of the dump, each with its lines up to the next thread. */
    private static List<Fiber> fibers(List<String> dump) {
        List<Fiber> fibers = new ArrayList<>();
        for (int i = 0; i < dump.size(); i++) {
            Matcher header = HEADER.matcher(dump.get(i));
            if (!header.matches()) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            List<String> holds = new ArrayList<>();
            String waits = null;
            long tid = Long.parseLong(header.group(1));
            lines.add("fiber \"" + header.group(2) + "\" " + header.group(3));
            for (i++; i < dump.size() && !dump.get(i).isBlank() && !dump.get(i).startsWith("#"); i++) {
                String line = dump.get(i);
                lines.add(line);
                Matcher locked = LOCKED.matcher(line);
                Matcher waiting = WAITING_TO_LOCK.matcher(line);
                Matcher parked = PARKED.matcher(line);
                if (locked.matches()) {
                    holds.add(locked.group(1));
                } else if (waiting.matches()) {
                    waits = waiting.group(1);
                } else if (parked.matches()) {
                    waits = parked.group(1);
                }
            }
            i--;
            fibers.add(new Fiber(tid, header.group(2), lines, holds, waits));
        }
        return fibers;
    }

    /**
     * Return who holds each monitor or lock that a fiber holds or waits for: the monitors from the
     * dump, the {@code java.util.concurrent} locks from the locks themselves.
     */
    private static Map<String, Long> holders(List<Fiber> fibers) {
        Map<String, Long> holder = new HashMap<>();
        for (Fiber fiber : fibers) {
            for (String monitor : fiber.holds) {
                holder.put(monitor, fiber.tid);
            }
        }
        for (Thread program : ProgramThreads.LIVE) {
            Thread fiber = ProgramThreads.fiberOf(program) == null ? program : ProgramThreads.fiberOf(program);
            Object blocker = LockSupport.getBlocker(fiber);
            Thread owner = LockOwners.exclusiveOwner(blocker);
            if (owner != null) {
                holder.put(Objects.toIdentityString(blocker), owner.threadId());
            }
        }
        return holder;
    }

    /**
     * Return the cycle of fibers that each wait for a monitor or lock the next one holds, in
     * words, or {@code null} when there is none.
     */
    private static String cycle(List<Fiber> fibers) {
        Map<String, Long> holder = holders(fibers);
        Map<Long, Fiber> byTid = new HashMap<>();
        fibers.forEach(fiber -> byTid.put(fiber.tid, fiber));
        for (Fiber start : fibers) {
            Map<Fiber, String> path = new LinkedHashMap<>();
            Fiber at = start;
            while (at != null && at.waitsFor != null && !path.containsKey(at)) {
                path.put(at, at.waitsFor);
                Long next = holder.get(at.waitsFor);
                at = next == null ? null : byTid.get(next);
            }
            if (at == start && !path.isEmpty()) {
                List<String> steps = new ArrayList<>();
                path.forEach((fiber, lock) -> steps.add('"' + fiber.name + "\" waits for <" + lock + ">, held by \""
                        + byTid.get(holder.get(lock)).name + '"'));
                return String.join("; ", steps);
            }
        }
        return null;
    }
}
