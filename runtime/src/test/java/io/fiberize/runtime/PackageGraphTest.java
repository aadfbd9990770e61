package io.fiberize.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime's packages, read from its compiled classes: a tree with one direction of
 * dependencies, and the JDK's internals named in {@code jdk} only.
 */
class PackageGraphTest {
    private static final String RUNTIME = "io/fiberize/runtime";
    private static final String JDK_PACKAGE = RUNTIME + "/jdk";
    /** What only the jdk package may name, in code or in a string it looks up reflectively. */
    private static final List<String> JDK_INTERNALS = List.of(
            "jdk/internal/", "jdk.internal.", "sun/nio/ch/", "sun.nio.ch.", "java/lang/VirtualThread",
            "java.lang.VirtualThread", "java.lang.ThreadBuilders", "java/lang/ThreadBuilders");
    private static final Pattern RUNTIME_TYPE = Pattern.compile("(" + RUNTIME + "(?:/\\w+)*)/[\\w$]+");

    /** Package to the runtime packages its classes refer to. */
    private static final Map<String, Set<String>> USES = new TreeMap<>();
    /** Package to the JDK internals its classes name. */
    private static final Map<String, Set<String>> INTERNALS = new TreeMap<>();

    @BeforeAll
    static void readClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(FiberRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class"))
                    .forEach(PackageGraphTest::read);
        }
        assertThat(USES).as("runtime packages found in " + classes).containsKeys(RUNTIME, JDK_PACKAGE);
    }

    private static void read(Path file) {
        ClassModel model;
        try {
            model = ClassFile.of().parse(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String self = packageOf(model.thisClass().asInternalName());
        Set<String> uses = USES.computeIfAbsent(self, p -> new TreeSet<>());
        for (PoolEntry entry : model.constantPool()) {
            String text = switch (entry) {
                case ClassEntry c -> c.asInternalName();
                case Utf8Entry u -> u.stringValue();
                case StringEntry s -> s.stringValue();
                default -> null;
            };
            if (text == null) {
                continue;
            }
            Matcher m = RUNTIME_TYPE.matcher(text);
            while (m.find()) {
                if (!m.group(1).equals(self)) {
                    uses.add(m.group(1));
                }
            }
            for (String internal : JDK_INTERNALS) {
                if (text.contains(internal)) {
                    INTERNALS.computeIfAbsent(self, p -> new TreeSet<>()).add(internal);
                }
            }
        }
    }

    private static String packageOf(String internalName) {
        return internalName.substring(0, internalName.lastIndexOf('/'));
    }

    @Test
    void noPackageCycle() {
        List<String> cycles = new ArrayList<>();
        for (String start : USES.keySet()) {
            findCycle(start, new ArrayList<>(List.of(start)), cycles);
        }
        assertThat(cycles).as("package cycles; the graph: " + USES).isEmpty();
    }

    /** Add to {@code cycles} each cycle through {@code path}'s first package that starts with its smallest name. */
    private static void findCycle(String at, List<String> path, List<String> cycles) {
        for (String next : USES.getOrDefault(at, Set.of())) {
            if (next.equals(path.getFirst())) {
                cycles.add(String.join(" -> ", path) + " -> " + next);
            } else if (!path.contains(next) && next.compareTo(path.getFirst()) > 0) {
                path.add(next);
                findCycle(next, path, cycles);
                path.removeLast();
            }
        }
    }

    @Test
    void onlyTheJdkPackageNamesJdkInternals() {
        assertThat(INTERNALS).containsKey(JDK_PACKAGE);
        Map<String, Set<String>> elsewhere = new TreeMap<>(INTERNALS);
        elsewhere.remove(JDK_PACKAGE);
        assertThat(elsewhere).as("packages other than jdk that name the JDK's internals").isEmpty();
    }

    @Test
    void configurationAndLoggingAreALeaf() {
        assertThat(USES.get(RUNTIME + "/config")).as("what config uses").isEmpty();
    }

    @Test
    void onlyTheHooksSitAboveTheCompositionRoot() {
        List<String> usersOfRoot = USES.entrySet().stream().filter(e -> e.getValue().contains(RUNTIME))
                .map(Map.Entry::getKey).toList();
        assertThat(usersOfRoot).containsExactly(RUNTIME + "/hooks");
    }
}
