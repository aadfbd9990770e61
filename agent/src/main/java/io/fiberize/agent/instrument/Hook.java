package io.fiberize.agent.instrument;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Call one public static method of a runtime {@code *Hooks} class from rewritten code.
 *
 * <p>A hook receives the values of the method it is called from: the receiver, if there is one,
 * then the arguments in order. A hook that needs only the first few of them (the receiver, say)
 * declares only those.
 *
 * @param owner the hooks class
 * @param name  the hook's name
 * @param type  the hook's parameter and return types
 */
record Hook(ClassDesc owner, String name, MethodTypeDesc type) {

    /**
     * Find the one method {@code name} of {@code hooks} that takes {@code values} (all of them, or
     * the leading ones when {@code leading}) and returns a {@code returns}.
     *
     * @throws IllegalStateException naming the hook, when there is none or more than one
     */
    static Hook find(Class<?> hooks, String name, List<Class<?>> values, boolean leading, Class<?> returns) {
        List<Method> found = new ArrayList<>();
        for (Method method : hooks.getMethods()) {
            if (method.getName().equals(name) && Modifier.isStatic(method.getModifiers())
                    && returns.isAssignableFrom(method.getReturnType()) && takes(method, values, leading)) {
                found.add(method);
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException(hooks.getSimpleName() + "." + name + "(" + (leading ? "leading of " : "")
                    + values.stream().map(Class::getSimpleName).collect(Collectors.joining(", ")) + ") returning "
                    + returns.getSimpleName() + (found.isEmpty() ? " is missing" : " is ambiguous"));
        }
        Method hook = found.get(0);
        ClassDesc[] parameters = new ClassDesc[hook.getParameterCount()];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = desc(hook.getParameterTypes()[i]);
        }
        return new Hook(desc(hooks), name, MethodTypeDesc.of(desc(hook.getReturnType()), parameters));
    }

    /**
     * Return the values a hook called from {@code method} may take: its receiver, if it has one,
     * then its parameters.
     */
    static List<Class<?>> values(Method method) {
        List<Class<?>> values = new ArrayList<>();
        if (!Modifier.isStatic(method.getModifiers())) {
            values.add(method.getDeclaringClass());
        }
        values.addAll(List.of(method.getParameterTypes()));
        return values;
    }

    /** Return the descriptor of {@code type}. */
    static ClassDesc desc(Class<?> type) {
        return type.describeConstable().orElseThrow();
    }

    /**
     * Load the values this hook takes from the local variables of {@code method} as it is
     * entered, and call it.
     */
    void callFrom(CodeBuilder code, Method method) {
        List<Class<?>> values = values(method);
        int slot = 0;
        for (int i = 0; i < type.parameterCount(); i++) {
            TypeKind kind = TypeKind.from(values.get(i));
            code.loadLocal(kind, slot);
            slot += kind.slotSize();
        }
        call(code);
    }

    /** Call this hook on the values already on the operand stack. */
    void call(CodeBuilder code) {
        code.invokestatic(owner, name, type);
    }

    private static boolean takes(Method method, List<Class<?>> values, boolean leading) {
        Class<?>[] parameters = method.getParameterTypes();
        if (leading ? parameters.length > values.size() : parameters.length != values.size()) {
            return false;
        }
        for (int i = 0; i < parameters.length; i++) {
            if (!parameters[i].isAssignableFrom(values.get(i))) {
                return false;
            }
        }
        return true;
    }
}
