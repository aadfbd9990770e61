package io.fiberize.agent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeElement;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Read class files, list the calls in them, and load rewritten ones in a throwaway class loader.
 */
final class ClassFiles {
    private ClassFiles() {
    }

    /** Return the class file of {@code type} as its loader has it. */
    static byte[] of(Class<?> type) {
        return resource(type.getClassLoader(), type.getName().replace('.', '/') + ".class");
    }

    /** Return the class file named {@code internalName} ({@code java/util/Timer}) as the JDK has it. */
    static byte[] ofJdk(String internalName) {
        return resource(ClassLoader.getSystemClassLoader(), internalName + ".class");
    }

    /**
     * List the calls made by the methods of {@code classfile} whose names pass {@code methods}, as
     * {@code opcode owner.name}, e.g. {@code invokestatic io/fiberize/runtime/hooks/ThreadHooks.start}.
     */
    static List<String> calls(byte[] classfile, Predicate<String> methods) {
        List<String> calls = new ArrayList<>();
        for (MethodModel method : ClassFile.of().parse(classfile).methods()) {
            if (methods.test(method.methodName().stringValue()) && method.code().isPresent()) {
                for (CodeElement element : method.code().get()) {
                    if (element instanceof InvokeInstruction call) {
                        calls.add(call.opcode().name().toLowerCase(Locale.ROOT) + " " + call.owner().asInternalName()
                                + "." + call.name().stringValue());
                    }
                }
            }
        }
        return calls;
    }

    /** List the calls made by the method {@code name} of {@code classfile}. */
    static List<String> calls(byte[] classfile, String name) {
        return calls(classfile, name::equals);
    }

    /**
     * Return a class loader that defines {@code classes} (binary name to class file) itself, and
     * loads every other class through the test's own loader.
     */
    static ClassLoader loader(Map<String, byte[]> classes) {
        return new ClassLoader("throwaway", ClassFiles.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    if (loaded == null && classes.containsKey(name)) {
                        byte[] classfile = classes.get(name);
                        loaded = defineClass(name, classfile, 0, classfile.length);
                    }
                    return loaded != null ? loaded : super.loadClass(name, resolve);
                }
            }
        };
    }

    private static byte[] resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
