package io.fiberize.agent.instrument.thread;

import io.fiberize.runtime.hooks.ThreadHooks;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Opcode;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.InterfaceMethodRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.NewObjectInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.Set;
import java.util.concurrent.ThreadFactory;

/**
 * Hand every plain {@code java.lang.Thread} that application code creates to {@link
 * ThreadHooks#adopt}, right where it is created, so that the program holds the fiber itself.
 *
 * <ul>
 * <li>{@code new Thread(...)}, any constructor: {@code adopt} is called on the new object as soon
 *     as its constructor returned. A {@code Thread} subclass's {@code super(...)} call is not a
 *     creation and stays (its objects become stand-ins when they start).</li>
 * <li>{@code Thread.ofPlatform()...unstarted(task)}: {@code adopt} on what it returns; {@code
 *     ...start(task)} becomes {@code unstarted(task)} then {@link ThreadHooks#startAdopted}; {@code
 *     ...factory()} is wrapped by {@link ThreadHooks#adopting}. A virtual builder's threads pass
 *     through unchanged.</li>
 * </ul>
 *
 * <p>Each insertion takes the {@code Thread} (or factory) on top of the operand stack and leaves
 * one of the same type, so no frame changes: each method keeps its stack map frames, which the
 * class-file API re-anchors on their labels (and it counts the one more stack slot the constant
 * naming the creating class takes, for {@code ProgramThread.maker}).
 */
final class ThreadCreationRewrite {
    private static final ClassFile FILES = ClassFile.of(ClassFile.StackMapsOption.DROP_STACK_MAPS);
    private static final String THREAD = "java/lang/Thread";
    private static final Set<String> BUILDERS = Set.of("java/lang/Thread$Builder", "java/lang/Thread$Builder$OfPlatform");
    private static final ClassDesc HOOKS = ClassDesc.of(ThreadHooks.class.getName());
    private static final ClassDesc CD_THREAD = ClassDesc.of(Thread.class.getName());
    private static final ClassDesc CD_FACTORY = ClassDesc.of(ThreadFactory.class.getName());
    private static final MethodTypeDesc ADOPT = MethodTypeDesc.of(CD_THREAD, CD_THREAD, ConstantDescs.CD_Class);
    private static final MethodTypeDesc ADOPTING = MethodTypeDesc.of(CD_FACTORY, CD_FACTORY, ConstantDescs.CD_Class);
    private static final MethodTypeDesc UNSTARTED = MethodTypeDesc.of(CD_THREAD, ClassDesc.of(Runnable.class.getName()));

    private ThreadCreationRewrite() {
    }

    /**
     * Return {@code classfile} with its thread creations handed to the hooks, or {@code null}
     * when it creates no plain thread.
     */
    static byte[] rewrite(byte[] classfile) {
        ClassModel model = FILES.parse(classfile);
        if (!createsThreads(model)) {
            return null;
        }
        // A class constant needs class file version 49 (Java 5); older classes pass no maker.
        ClassDesc maker = model.majorVersion() >= ClassFile.JAVA_5_VERSION ? model.thisClass().asSymbol() : null;
        return FILES.transformClass(model, ClassTransform.transformingMethods((method, element) -> {
            if (element instanceof CodeModel code) {
                method.transformCode(code, new Creations(code, maker));
            } else {
                method.with(element);
            }
        }));
    }

    /**
     * Say whether a method of {@code model} creates a plain thread or calls a platform builder:
     * first from the constant pool (most classes name neither), then from the code ({@code
     * Thread} is also every subclass's superclass).
     */
    private static boolean createsThreads(ClassModel model) {
        boolean named = false;
        for (PoolEntry entry : model.constantPool()) {
            if (entry instanceof InterfaceMethodRefEntry ref && BUILDERS.contains(ref.owner().asInternalName())) {
                return true;
            }
            named |= entry instanceof ClassEntry type && type.asInternalName().equals(THREAD);
        }
        return named && model.methods().stream()
                .flatMap(method -> method.code().stream())
                .flatMap(code -> code.elementStream())
                .anyMatch(element -> element instanceof NewObjectInstruction created
                        && created.className().asInternalName().equals(THREAD));
    }

    /**
     * Rewrite the creations in one method; keep its stack map frames. Each hook also gets the
     * class whose code creates the thread, a constant pushed just before the call.
     */
    private static final class Creations implements CodeTransform {
        private final CodeModel code;
        private final ClassDesc maker;
        /** {@code new Thread} instructions whose constructor call is still to come. */
        private int unconstructed;

        Creations(CodeModel code, ClassDesc maker) {
            this.code = code;
            this.maker = maker;
        }

        @Override
        public void atStart(CodeBuilder builder) {
            code.findAttribute(Attributes.stackMapTable()).ifPresent(builder::with);
        }

        @Override
        public void accept(CodeBuilder builder, CodeElement element) {
            if (element instanceof NewObjectInstruction created && created.className().asInternalName().equals(THREAD)) {
                unconstructed++;
                builder.with(element);
            } else if (element instanceof InvokeInstruction call) {
                accept(builder, call);
            } else {
                builder.with(element);
            }
        }

        /**
         * Constructor calls nest as the {@code new} instructions do (javac evaluates the arguments,
         * another {@code new Thread} among them, in between), so the count pairs each {@code
         * Thread.<init>} with its {@code new}; one without a pending {@code new} is a subclass's
         * {@code super(...)}.
         */
        private void accept(CodeBuilder builder, InvokeInstruction call) {
            String owner = call.owner().asInternalName();
            String name = call.name().stringValue();
            if (call.opcode() == Opcode.INVOKESPECIAL && owner.equals(THREAD)
                    && name.equals(ConstantDescs.INIT_NAME) && unconstructed > 0) {
                unconstructed--;
                builder.with(call);
                hook(builder, "adopt", ADOPT);
            } else if (call.opcode() == Opcode.INVOKEINTERFACE && BUILDERS.contains(owner)
                    && call.typeSymbol().equals(UNSTARTED) && name.equals("unstarted")) {
                builder.with(call);
                hook(builder, "adopt", ADOPT);
            } else if (call.opcode() == Opcode.INVOKEINTERFACE && BUILDERS.contains(owner)
                    && call.typeSymbol().equals(UNSTARTED) && name.equals("start")) {
                builder.invokeinterface(call.owner().asSymbol(), "unstarted", UNSTARTED);
                hook(builder, "startAdopted", ADOPT);
            } else if (call.opcode() == Opcode.INVOKEINTERFACE && BUILDERS.contains(owner)
                    && name.equals("factory") && call.typeSymbol().returnType().equals(CD_FACTORY)) {
                builder.with(call);
                hook(builder, "adopting", ADOPTING);
            } else {
                builder.with(call);
            }
        }

        /** Call the hook {@code name} with the {@code Thread} (or factory) on the stack and the maker. */
        private void hook(CodeBuilder builder, String name, MethodTypeDesc type) {
            if (maker == null) {
                builder.aconst_null();
            } else {
                builder.ldc(maker);
            }
            builder.invokestatic(HOOKS, name, type);
        }
    }
}
