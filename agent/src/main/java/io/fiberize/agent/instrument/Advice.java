package io.fiberize.agent.instrument;

import java.lang.classfile.CodeTransform;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Make a JDK method call a runtime hook: the shapes a rewrite of a {@code java.base} method takes.
 *
 * <p>Each shape is a stateless nested class that names a {@code *Hooks} class and methods of it;
 * the hooks receive the method's receiver and arguments as {@link Hook} describes. The rewritten
 * code calls the hooks and nothing else.
 */
public sealed interface Advice
        permits Advice.CallFirst, Advice.ReplaceIf, Advice.FilterResult, Advice.FilterFirstArgument {

    /** Call {@code hook} first, then run the method as it is. */
    static Advice callFirst(Class<?> hooks, String hook) {
        return new CallFirst(hooks, hook);
    }

    /**
     * Return what {@code call} returns instead of running the method when {@code guard} returns
     * true: {@code if (guard(this)) return call(this, args...);}. Only a receiver of exactly the
     * rewritten class is asked, so a hook that calls the method again never runs a subclass's
     * override twice.
     */
    static Advice replaceIf(Class<?> hooks, String guard, String call) {
        return new ReplaceIf(hooks, guard, call, true);
    }

    /**
     * As {@link #replaceIf}, asking {@code guard} for a receiver of any class: for a final
     * method, or one whose overrides reach it through {@code super} and must be diverted too.
     */
    static Advice divertIf(Class<?> hooks, String guard, String call) {
        return new ReplaceIf(hooks, guard, call, false);
    }

    /** Pass every value the method returns through {@code hook}. */
    static Advice filterResult(Class<?> hooks, String hook) {
        return new FilterResult(hooks, hook);
    }

    /** Pass the method's first argument through {@code hook} before the method sees it. */
    static Advice filterFirstArgument(Class<?> hooks, String hook) {
        return new FilterFirstArgument(hooks, hook);
    }

    /**
     * Return the rewrite of {@code method}'s code.
     *
     * @throws IllegalStateException naming a hook that is missing or does not fit the method
     */
    CodeTransform rewrite(Method method);

    /** Call a hook first. */
    record CallFirst(Class<?> hooks, String hook) implements Advice {
        @Override
        public CodeTransform rewrite(Method method) {
            Hook first = Hook.find(hooks, hook, Hook.values(method), true, void.class);
            return new Prologue(code -> first.callFrom(code, method));
        }
    }

    /**
     * Return a hook's result instead of running the method, for a receiver of exactly its class
     * when {@code exactClass}, of any class otherwise.
     */
    record ReplaceIf(Class<?> hooks, String guard, String call, boolean exactClass) implements Advice {
        private static final MethodTypeDesc GET_CLASS = MethodTypeDesc.of(ConstantDescs.CD_Class);

        @Override
        public CodeTransform rewrite(Method method) {
            List<Class<?>> values = Hook.values(method);
            Hook asked = Hook.find(hooks, guard, values, true, boolean.class);
            Hook instead = Hook.find(hooks, call, values, false, method.getReturnType());
            ClassDesc self = Hook.desc(method.getDeclaringClass());
            boolean instance = !Modifier.isStatic(method.getModifiers());
            TypeKind returned = TypeKind.from(method.getReturnType());
            return new Prologue(code -> {
                Label body = code.newLabel();
                if (instance && exactClass) {
                    code.aload(0).invokevirtual(ConstantDescs.CD_Object, "getClass", GET_CLASS).ldc(self).if_acmpne(body);
                }
                asked.callFrom(code, method);
                code.ifeq(body);
                instead.callFrom(code, method);
                code.return_(returned).labelBinding(body);
            });
        }
    }

    /** Pass returned values through a hook. */
    record FilterResult(Class<?> hooks, String hook) implements Advice {
        @Override
        public CodeTransform rewrite(Method method) {
            Hook filter = Hook.find(hooks, hook, List.of(method.getReturnType()), false, method.getReturnType());
            return (code, element) -> {
                if (element instanceof ReturnInstruction) {
                    filter.call(code);
                }
                code.with(element);
            };
        }
    }

    /** Replace the first argument by what a hook makes of it. */
    record FilterFirstArgument(Class<?> hooks, String hook) implements Advice {
        @Override
        public CodeTransform rewrite(Method method) {
            if (method.getParameterCount() == 0) {
                throw new IllegalStateException(method + " takes no argument to filter");
            }
            Class<?> type = method.getParameterTypes()[0];
            Hook filter = Hook.find(hooks, hook, List.of(type), false, type);
            int slot = Modifier.isStatic(method.getModifiers()) ? 0 : 1;
            TypeKind kind = TypeKind.from(type);
            return new Prologue(code -> {
                code.loadLocal(kind, slot);
                filter.call(code);
                code.storeLocal(kind, slot);
            });
        }
    }
}
