package io.fiberize.agent.instrument;

import io.fiberize.agent.options.AgentOptions;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.MethodModel;
import java.lang.classfile.MethodTransform;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Give named methods of one JDK class their {@link Advice}, checking first that they are still
 * there.
 *
 * <p>The shared shape of every rewrite of a {@code java.base} class: a subclass names the class,
 * and for each method its parameter types and the advice it gets. Only method bodies change, as
 * retransforming a loaded class requires. The stack maps of the changed methods are computed
 * anew, from class hierarchy information: the class's own from its class file, other classes'
 * through its loader and, for the JDK's classes, the JDK's default resolver.
 */
public abstract class JdkMethodInstrumentation implements TypeInstrumentation {
    private final String name;
    private final String className;
    private final ClassLoader loader;
    private final List<Target> targets;

    /**
     * One method of the class and the advice it gets.
     *
     * @param method     the method's name
     * @param parameters its parameter types as {@link Class#getTypeName()} gives them
     *                   ({@code int}, {@code byte[]}, {@code java.util.function.BooleanSupplier})
     * @param advice     the advice
     */
    protected record Target(String method, List<String> parameters, Advice advice) {

        /** Name a method by its parameter types' names. */
        public static Target of(Advice advice, String method, String... parameters) {
            return new Target(method, List.of(parameters), advice);
        }
    }

    /** Rewrite methods of {@code className}, a class of the JDK's boot loader. */
    protected JdkMethodInstrumentation(String name, String className, Target... targets) {
        this(name, className, null, targets);
    }

    /** Rewrite methods of {@code className} as {@code loader} defines it. */
    protected JdkMethodInstrumentation(String name, String className, ClassLoader loader, Target... targets) {
        this.name = name;
        this.className = className;
        this.loader = loader;
        this.targets = List.of(targets);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> jdkTargets() {
        return List.of(className);
    }

    @Override
    public final String check() {
        try {
            advice();
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    @Override
    public final ClassRewrite rewrite(AgentOptions options) {
        if (!wanted(options)) {
            return (definer, rewritten, classfile) -> null;
        }
        Map<String, CodeTransform> advice = advice();
        String internalName = className.replace('.', '/');
        return (definer, rewritten, classfile) -> definer == loader && rewritten.equals(internalName)
                ? rewrite(definer, classfile, advice) : null;
    }

    /** Say whether {@code options} call for this rewrite; all do, unless a subclass says otherwise. */
    protected boolean wanted(AgentOptions options) {
        return true;
    }

    /**
     * Return the rewrite of each target's code, by method name and descriptor.
     *
     * @throws IllegalStateException saying what is gone: the class, a method, a hook
     */
    private Map<String, CodeTransform> advice() {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " is gone", e);
        }
        Map<String, CodeTransform> advice = new HashMap<>();
        for (Target target : targets) {
            Method method = method(type, target);
            String descriptor = MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString();
            advice.put(method.getName() + descriptor, target.advice().rewrite(method));
        }
        return advice;
    }

    private Method method(Class<?> type, Target target) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(target.method()) && parameterNames(method).equals(target.parameters())) {
                return method;
            }
        }
        throw new IllegalStateException(className + "." + target.method() + "(" + String.join(", ", target.parameters())
                + ") is gone");
    }

    private static List<String> parameterNames(Method method) {
        List<String> names = new ArrayList<>();
        for (Class<?> parameter : method.getParameterTypes()) {
            names.add(parameter.getTypeName());
        }
        return names;
    }

    private static byte[] rewrite(ClassLoader definer, byte[] classfile, Map<String, CodeTransform> advice) {
        ClassModel model = ClassFile.of().parse(classfile);
        ClassFile files = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(ClassHierarchies.of(definer, model)));
        return files.transformClass(model, (builder, element) -> {
            if (element instanceof MethodModel method && advice.containsKey(key(method))) {
                builder.transformMethod(method, MethodTransform.transformingCode(advice.get(key(method))));
            } else {
                builder.with(element);
            }
        });
    }

    private static String key(MethodModel method) {
        return method.methodName().stringValue() + method.methodType().stringValue();
    }
}
