package io.fiberize.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.fiberize.agent.options.AgentOptions;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Apply advice to named methods of one JDK class, checking first that they are still there.
 *
 * <p>The shared shape of every rewrite of a {@code java.base} class: a subclass names the class,
 * and for each method its parameter types and the advice class (a stateless nested class that
 * only calls a runtime {@code *Hooks} class).
 */
public abstract class JdkMethodInstrumentation implements TypeInstrumentation {
    private final String name;
    private final String className;
    private final List<Target> targets;

    /**
     * One method of the class and the advice it gets.
     *
     * @param method     the method's name
     * @param parameters its parameter types as {@link Class#getTypeName()} gives them
     *                   ({@code int}, {@code byte[]}, {@code java.util.function.BooleanSupplier})
     * @param advice     the advice class
     */
    protected record Target(String method, List<String> parameters, Class<?> advice) {

        /** Name a method by its parameter types' names. */
        public static Target of(Class<?> advice, String method, String... parameters) {
            return new Target(method, List.of(parameters), advice);
        }
    }

    protected JdkMethodInstrumentation(String name, String className, Target... targets) {
        this.name = name;
        this.className = className;
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
        Class<?> type;
        try {
            type = Class.forName(className, false, null);
        } catch (ClassNotFoundException e) {
            return className + " is gone";
        }
        for (Target target : targets) {
            boolean present = Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals(target.method())
                    && Arrays.stream(m.getParameterTypes()).map(Class::getTypeName).toList().equals(target.parameters()));
            if (!present) {
                return className + "." + target.method() + "(" + String.join(", ", target.parameters()) + ") is gone";
            }
        }
        return null;
    }

    @Override
    public final AgentBuilder extend(AgentBuilder builder, AgentOptions options) {
        return builder.type(named(className)).transform((b, type, loader, module, domain) -> {
            DynamicType.Builder<?> result = b;
            for (Target target : targets) {
                result = result.visit(Advice.to(target.advice()).on(method(target)));
            }
            return result;
        });
    }

    private static ElementMatcher.Junction<MethodDescription> method(Target target) {
        ElementMatcher.Junction<MethodDescription> matcher =
                named(target.method()).and(takesArguments(target.parameters().size()));
        for (int i = 0; i < target.parameters().size(); i++) {
            matcher = matcher.and(takesArgument(i, named(target.parameters().get(i))));
        }
        return matcher;
    }
}
