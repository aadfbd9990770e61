package io.fiberize.agent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tell whether a call resolves to the method a given class declares, walking up from the call's
 * owner through superclasses until one declares a method of that name and descriptor.
 *
 * <p>Classes are read as class files through the calling class's defining loader ({@code
 * getResource(name + ".class")}), never loaded: the owner may be the very class being defined, or
 * a subclass of it. What is read is kept per loader (weakly), and only for the method names this
 * resolver was made for. A class that cannot be read ends the walk: the call does not resolve.
 */
final class DeclaringClassResolver {
    /** Deeper than this, a chain of superclasses is taken for a cycle of broken class files. */
    private static final int MAX_DEPTH = 100;

    private final Set<String> names;
    private final Map<ClassLoader, Map<String, Optional<Declarations>>> byLoader =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** Resolve calls of methods named one of {@code names}. */
    DeclaringClassResolver(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    /**
     * Say whether calling {@code name}{@code descriptor} on {@code owner} from {@code calling}
     * (defined by {@code loader}) resolves to the method {@code declarer} declares.
     */
    boolean resolvesTo(ClassLoader loader, ClassModel calling, String owner, String name, String descriptor,
                       String declarer) {
        String current = owner;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current.equals(declarer)) {
                return true;
            }
            Declarations declarations = declarations(loader, calling, current);
            if (declarations == null || declarations.methods().contains(name + descriptor)) {
                return false;
            }
            current = declarations.superclass();
        }
        return false;
    }

    private Declarations declarations(ClassLoader loader, ClassModel calling, String className) {
        if (calling.thisClass().asInternalName().equals(className)) {
            return Declarations.of(calling, names);
        }
        Map<String, Optional<Declarations>> known = byLoader.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
        Optional<Declarations> declarations = known.get(className);
        if (declarations == null) {
            declarations = Optional.ofNullable(read(loader, className));
            known.putIfAbsent(className, declarations);
        }
        return declarations.orElse(null);
    }

    private Declarations read(ClassLoader loader, String className) {
        String resource = className + ".class";
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            return in == null ? null : Declarations.of(ClassFile.of().parse(in.readAllBytes()), names);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * What one class declares that matters here.
     *
     * @param superclass its superclass in internal form; {@code null} for {@code java/lang/Object}
     * @param methods    the name and descriptor of each method it declares with a name of interest
     */
    private record Declarations(String superclass, Set<String> methods) {

        static Declarations of(ClassModel model, Set<String> names) {
            Set<String> methods = new HashSet<>();
            for (MethodModel method : model.methods()) {
                if (names.contains(method.methodName().stringValue())) {
                    methods.add(method.methodName().stringValue() + method.methodType().stringValue());
                }
            }
            return new Declarations(model.superclass().map(ClassEntry::asInternalName).orElse(null), methods);
        }
    }
}
