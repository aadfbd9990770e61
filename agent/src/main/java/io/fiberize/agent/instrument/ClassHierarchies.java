package io.fiberize.agent.instrument;

import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.constant.ClassDesc;
import java.lang.reflect.AccessFlag;
import java.util.List;
import java.util.Map;

/**
 * Describe classes for the stack maps of a rewritten class.
 */
public final class ClassHierarchies {
    private ClassHierarchies() {
    }

    /**
     * Describe classes for the stack maps of {@code model}, which {@code definer} defines: itself
     * from its own class file (a class rewritten as it loads cannot be loaded to describe it),
     * others through its loader and, for the JDK's classes, through the JDK's default resolver.
     */
    public static ClassHierarchyResolver of(ClassLoader definer, ClassModel model) {
        ClassDesc self = model.thisClass().asSymbol();
        ClassHierarchyResolver own = ClassHierarchyResolver.of(
                model.flags().has(AccessFlag.INTERFACE) ? List.of(self) : List.of(),
                model.superclass().isPresent() ? Map.of(self, model.superclass().get().asSymbol()) : Map.of());
        ClassHierarchyResolver jdk = ClassHierarchyResolver.defaultResolver();
        return own.orElse(definer == null ? jdk : ClassHierarchyResolver.ofResourceParsing(definer).orElse(jdk));
    }
}
