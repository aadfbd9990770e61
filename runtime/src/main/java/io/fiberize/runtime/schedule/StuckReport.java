package io.fiberize.runtime.schedule;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.fiberize.runtime.config.RuntimeLog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describe a program whose fibers all wait with nothing left that could wake them: each fiber's
 * stack, what it waits for and what it holds (from the JDK's own thread dump), and the cycle of
 * monitors when the fibers wait for each other.
 */
final class StuckReport {
    private static final Pattern HEADER = Pattern.compile("^#(\\d+) \"(.*)\" virtual (\\w+) .*");
    private static final Pattern LOCKED = Pattern.compile("^\\s+- locked <(.+)>");
    private static final Pattern WAITING_TO_LOCK = Pattern.compile("^\\s+- waiting to lock <(.+)>");

    /** One fiber as the thread dump shows it. */
    private record Fiber(String name, List<String> lines, List<String> holds, String waitsToLock) {
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
            lines.add("fiber \"" + header.group(2) + "\" " + header.group(3));
            for (i++; i < dump.size() && !dump.get(i).isBlank() && !dump.get(i).startsWith("#"); i++) {
                String line = dump.get(i);
                lines.add(line);
                Matcher locked = LOCKED.matcher(line);
                Matcher waiting = WAITING_TO_LOCK.matcher(line);
                if (locked.matches()) {
                    holds.add(locked.group(1));
                } else if (waiting.matches()) {
                    waits = waiting.group(1);
                }
            }
            i--;
            fibers.add(new Fiber(header.group(2), lines, holds, waits));
        }
        return fibers;
    }

    /**
     * Return the cycle of fibers that each wait to lock a monitor the next one holds, in words,
     * or {@code null} when there is none.
     */
    private static String cycle(List<Fiber> fibers) {
        Map<String, Fiber> holder = new HashMap<>();
        for (Fiber fiber : fibers) {
            for (String monitor : fiber.holds) {
                holder.put(monitor, fiber);
            }
        }
        for (Fiber start : fibers) {
            Map<Fiber, String> path = new LinkedHashMap<>();
            Fiber at = start;
            while (at != null && at.waitsToLock != null && !path.containsKey(at)) {
                path.put(at, at.waitsToLock);
                at = holder.get(at.waitsToLock);
            }
            if (at == start && !path.isEmpty()) {
                List<String> steps = new ArrayList<>();
                path.forEach((fiber, monitor) -> steps.add('"' + fiber.name + "\" waits to lock <" + monitor
                        + ">, held by \"" + holder.get(monitor).name + '"'));
                return String.join("; ", steps);
            }
        }
        return null;
    }
}
