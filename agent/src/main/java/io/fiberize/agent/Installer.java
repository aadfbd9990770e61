package io.fiberize.agent;

import io.fiberize.agent.options.AgentOptions;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Put the runtime where rewritten JDK code can see it, give it the JDK internals it needs, and
 * hand over to {@link Startup}.
 *
 * <p>This class must not mention a runtime class: until {@link #install} has appended the
 * runtime's jar to the bootstrap class path, none of them can be loaded. The runtime ships
 * inside the agent jar as {@value #RUNTIME_JAR}; it is copied to a temporary file once per JVM.
 */
public final class Installer {
    private static final String RUNTIME_JAR = "fiberize-runtime.jar";
    /** The package of jdk.jfr that the code JFR puts into an event class of the boot loader calls. */
    private static final String JFR_EVENT_INTERNALS = "jdk.jfr.internal.event";
    /** The JFR event classes: {@code io/fiberize/runtime/jfr/*Event.class}, not loaded in premain. */
    private static final String JFR_EVENTS = "io/fiberize/runtime/jfr/";
    private static final String RUNTIME_PROBE = "io.fiberize.runtime.FiberRuntime";
    /**
     * The runtime jar's list of the packages of java.base it reaches into, one a line; they are
     * opened (so also exported) to its module only. The build gives the same to the unit tests.
     */
    private static final String OPENED_PACKAGES = "META-INF/fiberize/opened-packages";

    private Installer() {
    }

    /**
     * Install fiberize into this JVM; called once by {@code FiberizeAgent} on JDK 25 or newer.
     *
     * @return why fiberize cannot run here, or {@code null} once it runs; reporting it is the
     *         caller's
     */
    public static String install(AgentOptions options, Instrumentation inst, boolean attached) throws Exception {
        JarFile runtimeJar = new JarFile(extractRuntime());
        inst.appendToBootstrapClassLoaderSearch(runtimeJar);
        loadAll(runtimeJar);
        Module runtime = Class.forName(RUNTIME_PROBE, false, null).getModule();
        Module javaBase = Object.class.getModule();
        Map<String, Set<Module>> opens = new java.util.HashMap<>();
        for (String pkg : openedPackages(runtimeJar)) {
            opens.put(pkg, Set.of(runtime));
        }
        // java.base reads the runtime so that code rewritten inside it may call the runtime's hooks.
        inst.redefineModule(javaBase, Set.of(runtime), Map.of(), opens, Set.of(), Map.of());
        // JFR treats event classes of the boot loader as the JDK's own: their instrumented code
        // calls jdk.jfr.internal.event directly.
        java.util.Optional<Module> jfr = ModuleLayer.boot().findModule("jdk.jfr");
        if (jfr.isPresent()) {
            inst.redefineModule(jfr.get(), Set.of(), Map.of(JFR_EVENT_INTERNALS, Set.of(runtime)), Map.of(), Set.of(),
                    Map.of());
        }
        return Startup.start(options, inst, attached);
    }

    /**
     * Load every runtime class now. Rewritten JDK code calls into the runtime from inside the
     * JDK's own file reading, and loading a runtime class later would read the runtime's jar
     * through that very code: the class would be needed inside its own loading.
     *
     * <p>Except the JFR event classes: JFR instruments an event class when it is loaded while JFR
     * runs, and a recording started with {@code -XX:StartFlightRecording} starts after premain.
     * They are loaded on first emission, which happens only once JFR runs.
     */
    private static void loadAll(JarFile runtimeJar) throws ClassNotFoundException {
        for (var entries = runtimeJar.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName();
            boolean jfrEvent = name.startsWith(JFR_EVENTS) && name.endsWith("Event.class");
            if (name.endsWith(".class") && !name.endsWith("module-info.class") && !jfrEvent) {
                Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false, null);
            }
        }
    }

    /**
     * Read the packages the runtime needs opened from its jar: its classes cannot read their own
     * resource, since the boot loader's resource look-up does not see a jar appended at run time.
     */
    private static List<String> openedPackages(JarFile runtimeJar) throws IOException {
        JarEntry entry = runtimeJar.getJarEntry(OPENED_PACKAGES);
        if (entry == null) {
            throw new IOException(OPENED_PACKAGES + " is missing from " + RUNTIME_JAR);
        }
        try (InputStream in = runtimeJar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                    .map(String::strip).toList();
        }
    }

    private static File extractRuntime() throws IOException {
        try (InputStream in = Installer.class.getResourceAsStream(RUNTIME_JAR)) {
            if (in == null) {
                throw new IOException(RUNTIME_JAR + " is missing from the agent jar");
            }
            File file = File.createTempFile("fiberize-runtime-", ".jar");
            file.deleteOnExit();
            Files.copy(in, file.toPath(), StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }
}
