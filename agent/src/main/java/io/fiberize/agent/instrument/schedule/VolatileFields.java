package io.fiberize.agent.instrument.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.lang.reflect.AccessFlag;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tell whether a field an instruction names is {@code volatile}, reading class files through the
 * defining loader of the code that names it, never loading a class (it may be the very one being
 * defined). The field may be declared by the named class or a superclass of it.
 *
 * <p>What is read is kept per loader, weakly: the names of each class's volatile fields and its
 * superclass.
 */
final class VolatileFields {
    /** Deeper than this, a chain of superclasses is taken for a cycle of broken class files. */
    private static final int MAX_DEPTH = 100;
    private static final Declared UNREADABLE = new Declared(Set.of(), null);

    /** The volatile fields a class declares, and its superclass in internal form ({@code null} for none). */
    private record Declared(Set<String> volatileFields, String superclass) {
    }

    private final Map<ClassLoader, Map<String, Declared>> byLoader = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<String, Declared> boot = new ConcurrentHashMap<>();

    /** Say whether {@code owner.name}, named by code that {@code loader} defines, is a volatile field. */
    boolean isVolatile(ClassLoader loader, String owner, String name) {
        String type = owner;
        for (int depth = 0; type != null && depth < MAX_DEPTH; depth++) {
            Declared declared = declared(loader, type);
            if (declared.volatileFields().contains(name)) {
                return true;
            }
            type = declared.superclass();
        }
        return false;
    }

    /** Remember what {@code model}, being defined by {@code loader}, declares: it cannot be read as a resource yet. */
    void define(ClassLoader loader, ClassModel model) {
        cache(loader).put(model.thisClass().asInternalName(), declared(model));
    }

    private Declared declared(ClassLoader loader, String type) {
        return cache(loader).computeIfAbsent(type, t -> read(loader, t));
    }

    private Map<String, Declared> cache(ClassLoader loader) {
        return loader == null ? boot : byLoader.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
    }

    private static Declared read(ClassLoader loader, String type) {
        String resource = type + ".class";
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            return in == null ? UNREADABLE : declared(ClassFile.of().parse(in.readAllBytes()));
        } catch (IOException | IllegalArgumentException e) {
            return UNREADABLE;
        }
    }

    private static Declared declared(ClassModel model) {
        Set<String> fields = new HashSet<>();
        for (FieldModel field : model.fields()) {
            if (field.flags().has(AccessFlag.VOLATILE)) {
                fields.add(field.fieldName().stringValue());
            }
        }
        return new Declared(Set.copyOf(fields),
                model.superclass().map(s -> s.asInternalName()).orElse(null));
    }
}
