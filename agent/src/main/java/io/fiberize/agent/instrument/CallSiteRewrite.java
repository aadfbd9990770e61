package io.fiberize.agent.instrument;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Opcode;
import java.lang.classfile.constantpool.MethodRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrite the calls of chosen methods into calls of the static hooks of the same name, receiver
 * first: {@code worker.join(100)} becomes {@code ThreadHooks.join(worker, 100)}.
 *
 * <p>A call is rewritten when it resolves to a chosen method: its owner is the method's class, or
 * a subclass that inherits the method ({@code invokevirtual Worker.join()} where {@code Worker
 * extends Thread}), as {@link DeclaringClassResolver} finds. A call that resolves to a subclass's
 * own override stays; the override's {@code super} call is rewritten. Every method is rewritten,
 * synthetic ones (lambda bodies) too. A class whose constant pool names none of the chosen
 * methods is not rewritten at all.
 *
 * <p>The code keeps its shape: the {@code invokestatic} that replaces an {@code invokevirtual},
 * {@code invokespecial} or {@code invokestatic} takes the same operands and has the same length,
 * so each method keeps its own stack map frames, and no class hierarchy is needed to rewrite it.
 *
 * <p>Instances are immutable: {@link #method} returns a new one.
 */
public final class CallSiteRewrite {
    private static final ClassFile FILES = ClassFile.of(ClassFile.StackMapsOption.DROP_STACK_MAPS);

    private final Class<?> hooks;
    private final ClassDesc hooksDesc;
    private final Map<String, List<Substitution>> byName;
    private final PoolNames names;
    private final DeclaringClassResolver resolver;

    /**
     * One chosen method and its hook.
     *
     * @param declarer   the method's class in internal form ({@code java/lang/Thread})
     * @param name       the method's name, also the hook's
     * @param descriptor the method's descriptor
     * @param isStatic   whether the method is static
     * @param hook       the hook's descriptor: the method's, with the receiver first if it has one
     */
    private record Substitution(String declarer, String name, String descriptor, boolean isStatic,
                                MethodTypeDesc hook) {

        /** Say whether {@code call} (with this method's name and descriptor) may call a hook instead. */
        boolean fits(InvokeInstruction call) {
            return isStatic ? call.opcode() == Opcode.INVOKESTATIC
                    : call.opcode() == Opcode.INVOKEVIRTUAL || call.opcode() == Opcode.INVOKESPECIAL;
        }
    }

    private CallSiteRewrite(Class<?> hooks, Map<String, List<Substitution>> byName) {
        this.hooks = hooks;
        this.hooksDesc = Hook.desc(hooks);
        this.byName = byName;
        this.names = new PoolNames(byName.keySet());
        this.resolver = new DeclaringClassResolver(byName.keySet());
    }

    /** Start a rewrite whose hooks are the public static methods of {@code hooks}. */
    public static CallSiteRewrite to(Class<?> hooks) {
        return new CallSiteRewrite(hooks, Map.of());
    }

    /**
     * Add the method {@code owner.name(parameters)}, public or declared by {@code owner} itself:
     * its calls go to the hook of the same name that takes the receiver (unless the method is
     * static) and then the same parameters, each as its own type or a supertype ({@code Object}
     * for a receiver of a class the hooks cannot name).
     *
     * @throws IllegalStateException if the method or the hook is missing, or they return different types
     */
    public CallSiteRewrite method(Class<?> owner, String name, Class<?>... parameters) {
        Method method = find(owner, name, parameters);
        Hook hook = Hook.find(hooks, name, Hook.values(method), false, method.getReturnType());
        if (!hook.type().returnType().equals(Hook.desc(method.getReturnType()))) {
            throw new IllegalStateException(hooks.getSimpleName() + "." + name + " does not stand for " + method);
        }
        Substitution substitution = new Substitution(
                method.getDeclaringClass().getName().replace('.', '/'), name,
                MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString(),
                Modifier.isStatic(method.getModifiers()), hook.type());
        Map<String, List<Substitution>> more = new HashMap<>(byName);
        List<Substitution> named = new ArrayList<>(more.getOrDefault(name, List.of()));
        named.add(substitution);
        more.put(name, List.copyOf(named));
        return new CallSiteRewrite(hooks, Map.copyOf(more));
    }

    private static Method find(Class<?> owner, String name, Class<?>... parameters) {
        try {
            return owner.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            try {
                return owner.getDeclaredMethod(name, parameters);
            } catch (NoSuchMethodException notDeclared) {
                throw new IllegalStateException(owner.getName() + "." + name + " is gone", notDeclared);
            }
        }
    }

    /**
     * Return {@code classfile}, defined by {@code loader}, with its calls of the chosen methods
     * rewritten, or {@code null} when it makes none.
     */
    public byte[] rewrite(ClassLoader loader, byte[] classfile) {
        if (!names.anyIn(classfile)) {
            return null;
        }
        ClassModel model = FILES.parse(classfile);
        Map<Integer, Substitution> rewritten = new HashMap<>();
        for (PoolEntry entry : model.constantPool()) {
            if (entry instanceof MethodRefEntry ref) {
                Substitution substitution = substitution(loader, model, ref);
                if (substitution != null) {
                    rewritten.put(ref.index(), substitution);
                }
            }
        }
        if (rewritten.isEmpty()) {
            return null;
        }
        return FILES.transformClass(model, ClassTransform.transformingMethods((method, element) -> {
            if (element instanceof CodeModel code) {
                method.transformCode(code, new Calls(code, rewritten));
            } else {
                method.with(element);
            }
        }));
    }

    /** Return the substitution for calls through {@code ref}, or {@code null} when they stay. */
    private Substitution substitution(ClassLoader loader, ClassModel model, MethodRefEntry ref) {
        List<Substitution> named = byName.get(ref.name().stringValue());
        if (named == null) {
            return null;
        }
        for (Substitution substitution : named) {
            if (ref.type().equalsString(substitution.descriptor())
                    && resolver.resolvesTo(loader, model, ref.owner().asInternalName(), substitution.name(),
                    substitution.descriptor(), substitution.declarer())) {
                return substitution;
            }
        }
        return null;
    }

    /** Rewrite the calls in one method; keep its stack map frames. */
    private final class Calls implements CodeTransform {
        private final CodeModel code;
        private final Map<Integer, Substitution> rewritten;

        Calls(CodeModel code, Map<Integer, Substitution> rewritten) {
            this.code = code;
            this.rewritten = rewritten;
        }

        @Override
        public void atStart(CodeBuilder builder) {
            code.findAttribute(Attributes.stackMapTable()).ifPresent(builder::with);
        }

        @Override
        public void accept(CodeBuilder builder, CodeElement element) {
            if (element instanceof InvokeInstruction call) {
                Substitution substitution = rewritten.get(call.method().index());
                if (substitution != null && substitution.fits(call)) {
                    builder.invokestatic(hooksDesc, substitution.name(), substitution.hook());
                    return;
                }
            }
            builder.with(element);
        }
    }
}
