package io.fiberize.agent.instrument.schedule;

import io.fiberize.agent.instrument.ClassHierarchies;
import io.fiberize.agent.instrument.ClassRewrite;
import io.fiberize.agent.instrument.TypeInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import io.fiberize.runtime.config.ApplicationClasses;
import io.fiberize.runtime.config.RuntimeLog;
import io.fiberize.runtime.hooks.ScheduleHooks;
import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.MethodTransform;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The program's main thread on a seeded schedule ({@code seed=}): the main class's {@code
 * static main(String[])} first asks {@link ScheduleHooks#mainInFiber} to run it in a fiber of the
 * schedule, and returns once that fiber has. Without it the main thread would run beside the
 * schedule's loop, at whatever pace the operating system gives it.
 *
 * <p>The main class is the one the launcher names ({@code sun.java.command}): the class given,
 * or the {@code Main-Class} of the jar given to {@code -jar}. A main class the JDK defines (the
 * source launcher's, for {@code java Program.java}) is not rewritten: its main thread stays a
 * platform thread, which the log says at {@code info}.
 */
public final class MainInFiberInstrumentation implements TypeInstrumentation {
    private static final String COMMAND_PROPERTY = "sun.java.command";
    private static final MethodTypeDesc MAIN = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String.arrayType());
    private static final MethodTypeDesc HOOK = MethodTypeDesc.of(ConstantDescs.CD_boolean, ConstantDescs.CD_Class,
            ConstantDescs.CD_String.arrayType());

    @Override
    public String name() {
        return "the main thread as a fiber (seed=)";
    }

    @Override
    public List<String> jdkTargets() {
        return List.of();
    }

    @Override
    public String check() {
        try {
            ScheduleHooks.class.getMethod("mainInFiber", Class.class, String[].class);
            return null;
        } catch (NoSuchMethodException e) {
            return "the runtime's ScheduleHooks lacks " + e.getMessage();
        }
    }

    @Override
    public ClassRewrite rewrite(AgentOptions options) {
        String main = options.seed() == null ? null : mainClass(System.getProperty(COMMAND_PROPERTY));
        if (main == null) {
            return (loader, className, classfile) -> null;
        }
        ApplicationClasses application = SchedulePointInstrumentation.allApplicationCode();
        return (loader, className, classfile) -> {
            if (!className.equals(main)) {
                return null;
            }
            if (!application.contain(loader, className)) {
                RuntimeLog.info("the main thread stays a platform thread: " + className.replace('/', '.')
                        + " is the JDK's; the schedule does not run it");
                return null;
            }
            return rewrite(loader, classfile);
        };
    }

    /**
     * Return the main class named by the launcher's command line, in internal form, or {@code
     * null} when it names none that can be read.
     */
    static String mainClass(String command) {
        if (command == null || command.isBlank()) {
            return null;
        }
        String first = command.strip().split("\\s+", 2)[0];
        if (first.endsWith(".jar")) {
            try (JarFile jar = new JarFile(first)) {
                String named = jar.getManifest() == null ? null
                        : jar.getManifest().getMainAttributes().getValue("Main-Class");
                return named == null ? null : named.strip().replace('.', '/');
            } catch (IOException e) {
                RuntimeLog.info("the main thread stays a platform thread: cannot read " + first + " (" + e + ")");
                return null;
            }
        }
        return first.substring(first.indexOf('/') + 1).replace('.', '/');
    }

    private static byte[] rewrite(ClassLoader loader, byte[] classfile) {
        ClassModel model = ClassFile.of().parse(classfile);
        ClassDesc self = model.thisClass().asSymbol();
        ClassFile files = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(ClassHierarchies.of(loader, model)));
        boolean[] found = new boolean[1];
        byte[] rewritten = files.transformClass(model, (builder, element) -> {
            if (element instanceof MethodModel method && isMain(method)) {
                found[0] = true;
                builder.transformMethod(method, MethodTransform.transformingCode(new Prologue(self)));
            } else {
                builder.with(element);
            }
        });
        return found[0] ? rewritten : null;
    }

    private static boolean isMain(MethodModel method) {
        return method.methodName().equalsString("main") && method.methodTypeSymbol().equals(MAIN)
                && method.flags().has(AccessFlag.STATIC) && method.code().isPresent();
    }

    /** {@code if (ScheduleHooks.mainInFiber(Main.class, args)) return;} before the method's code. */
    private record Prologue(ClassDesc self) implements CodeTransform {
        @Override
        public void atStart(CodeBuilder code) {
            Label body = code.newLabel();
            code.ldc(self).aload(0)
                    .invokestatic(ClassDesc.of(ScheduleHooks.class.getName()), "mainInFiber", HOOK)
                    .ifeq(body).return_().labelBinding(body);
        }

        @Override
        public void accept(CodeBuilder builder, CodeElement element) {
            builder.with(element);
        }
    }
}
