package io.fiberize.runtime.dump;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summarise a JDK JSON thread dump: fibers grouped by loop, threads with the same state and stack
 * together, each group with its stack.
 *
 * <p>The JDK's dump ({@code jcmd <pid> Thread.dump_to_file -format=json}) names a virtual thread's
 * carrier only while it is mounted, so only a running fiber can be placed on its loop; the others
 * are listed together, grouped by state and stack. A fiber is a virtual thread with fiberize's
 * task at the bottom of its stack; the other virtual threads are listed apart.
 */
public final class FiberDump {
    private static final String LOOP_PREFIX = "fiberize-loop-";
    /** The frame at the bottom of every fiber's stack. */
    private static final String FIBER_FRAME = "io.fiberize.runtime.fiber.FiberTask.run(";

    private FiberDump() {
    }

    /**
     * Print the summary of the JSON thread dump in the file {@code args[0]}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp fiberize-runtime.jar " + FiberDump.class.getName()
                    + " <thread dump from jcmd <pid> Thread.dump_to_file -format=json <file>>");
            System.exit(2);
        }
        System.out.print(summarise(Files.readString(Path.of(args[0]))));
    }

    /**
     * Dump the threads of this JVM and return the summary.
     */
    public static String ofThisJvm() {
        try {
            Path directory = Files.createTempDirectory("fiberize-dump-");
            Path file = directory.resolve("threads.json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                return summarise(Files.readString(file));
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot dump this JVM's threads", e);
        }
    }

    /**
     * Summarise the JSON text of a JDK thread dump.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static String summarise(String json) {
        Map<String, Object> dump = map(map(JsonReader.parse(json)).get("threadDump"));
        List<Map<String, Object>> fibers = new ArrayList<>();
        List<Map<String, Object>> otherVirtual = new ArrayList<>();
        List<Map<String, Object>> platform = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Object container : list(dump.get("threadContainers"))) {
            for (Object t : list(map(container).get("threads"))) {
                Map<String, Object> thread = map(t);
                if (!Boolean.TRUE.equals(thread.get("virtual"))) {
                    platform.add(thread);
                } else if (list(thread.get("stack")).stream().anyMatch(f -> String.valueOf(f).startsWith(FIBER_FRAME))) {
                    fibers.add(thread);
                } else {
                    otherVirtual.add(thread);
                }
                names.put(String.valueOf(thread.get("tid")), String.valueOf(thread.get("name")));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("fiberize dump of process ").append(dump.get("processId")).append(" (JDK ")
                .append(dump.get("runtimeVersion")).append(", ").append(dump.get("time")).append("): ")
                .append(fibers.size()).append(" fibers, ").append(otherVirtual.size()).append(" other virtual threads, ")
                .append(platform.size()).append(" platform threads\n");
        Map<String, List<Map<String, Object>>> running = new LinkedHashMap<>();
        for (Map<String, Object> thread : platform) {
            String name = String.valueOf(thread.get("name"));
            if (name.startsWith(LOOP_PREFIX)) {
                running.computeIfAbsent(loopOf(name), k -> new ArrayList<>());
            }
        }
        List<Map<String, Object>> parked = new ArrayList<>();
        for (Map<String, Object> fiber : fibers) {
            String carrier = names.get(String.valueOf(fiber.get("carrier")));
            if (carrier != null && carrier.startsWith(LOOP_PREFIX)) {
                running.computeIfAbsent(loopOf(carrier), k -> new ArrayList<>()).add(fiber);
            } else {
                parked.add(fiber);
            }
        }
        for (Map.Entry<String, List<Map<String, Object>>> loop : running.entrySet()) {
            out.append("\nloop ").append(loop.getKey()).append(": ");
            out.append(loop.getValue().isEmpty() ? "no fiber running\n" : "running\n");
            groups(out, loop.getValue());
        }
        out.append("\nfibers not running (").append(parked.size())
                .append("; the JDK's dump does not say which loop a parked fiber belongs to):\n");
        groups(out, parked);
        out.append("\nother virtual threads (").append(otherVirtual.size())
                .append("; the JDK's own, such as its socket sub-pollers):\n");
        groups(out, otherVirtual);
        out.append("\nplatform threads (").append(platform.size()).append("):\n");
        groups(out, platform);
        return out.toString();
    }

    private static String loopOf(String carrierName) {
        int compensating = carrierName.indexOf("-compensating-");
        return compensating < 0 ? carrierName : carrierName.substring(0, compensating);
    }

    /** Append the threads grouped by state and stack, largest group first. */
    private static void groups(StringBuilder out, List<Map<String, Object>> threads) {
        Map<List<Object>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> thread : threads) {
            groups.computeIfAbsent(List.of(String.valueOf(thread.get("state")), list(thread.get("stack"))),
                    k -> new ArrayList<>()).add(thread);
        }
        groups.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                .forEach(group -> {
                    List<Map<String, Object>> members = group.getValue();
                    out.append("  ").append(members.size()).append(members.size() == 1 ? " thread " : " threads ")
                            .append(group.getKey().get(0)).append(": ");
                    for (int i = 0; i < members.size(); i++) {
                        out.append(i == 0 ? "" : ", ").append('#').append(members.get(i).get("tid"))
                                .append(" \"").append(members.get(i).get("name")).append('"');
                    }
                    out.append('\n');
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
