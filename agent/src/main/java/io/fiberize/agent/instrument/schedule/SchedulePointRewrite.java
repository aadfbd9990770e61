package io.fiberize.agent.instrument.schedule;

import io.fiberize.runtime.hooks.ScheduleHooks;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.MonitorInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.Set;

/**
 * Put scheduling points into one application class: a call of {@link ScheduleHooks#point()}
 * before each instruction where the order of two fibers can matter.
 *
 * <ul>
 * <li>a {@code monitorenter} ({@code synchronized} blocks);</li>
 * <li>a read or write of a {@code volatile} field, so that {@code count++} on one, and
 *     check-then-act on one, can be interleaved;</li>
 * <li>a call of a {@code java.util.concurrent} class (locks, atomics, queues, latches, concurrent
 *     maps, executors), of a {@code VarHandle}, of {@code Object.wait/notify/notifyAll} and of
 *     {@code Thread.start/join/interrupt}.</li>
 * </ul>
 *
 * <p>Plain field accesses get none: a program whose threads share a plain field without
 * synchronization has a data race, which a cooperative schedule cannot interleave. Each insertion
 * is a call that takes and leaves nothing, so every method keeps its stack map frames. Class
 * initializers get none: a fiber in one is pinned and cannot yield.
 */
final class SchedulePointRewrite {
    private static final ClassFile FILES = ClassFile.of(ClassFile.StackMapsOption.DROP_STACK_MAPS);
    private static final ClassDesc HOOKS = ClassDesc.of(ScheduleHooks.class.getName());
    private static final MethodTypeDesc NOTHING = MethodTypeDesc.of(ConstantDescs.CD_void);
    private static final Set<String> OBJECT_METHODS = Set.of("wait", "notify", "notifyAll");
    private static final Set<String> THREAD_METHODS = Set.of("start", "join", "interrupt");

    private final VolatileFields volatileFields = new VolatileFields();

    /** Return {@code classfile}, defined by {@code loader}, with its scheduling points, or {@code null} when it has none. */
    byte[] rewrite(ClassLoader loader, byte[] classfile) {
        ClassModel model = FILES.parse(classfile);
        volatileFields.define(loader, model);
        boolean[] any = new boolean[1];
        byte[] rewritten = FILES.transformClass(model, ClassTransform.transformingMethods(
                method -> !method.methodName().equalsString(ConstantDescs.CLASS_INIT_NAME),
                (method, element) -> {
                    if (element instanceof CodeModel code) {
                        method.transformCode(code, new Points(loader, code, any));
                    } else {
                        method.with(element);
                    }
                }));
        return any[0] ? rewritten : null;
    }

    /** Say whether the order of fibers can matter at {@code element}. */
    private boolean racesAt(ClassLoader loader, CodeElement element) {
        return switch (element) {
            case MonitorInstruction monitor -> monitor.opcode() == Opcode.MONITORENTER;
            case FieldInstruction field -> volatileFields.isVolatile(loader, field.owner().asInternalName(),
                    field.name().stringValue());
            case InvokeInstruction call -> synchronizes(call);
            default -> false;
        };
    }

    private static boolean synchronizes(InvokeInstruction call) {
        String owner = call.owner().asInternalName();
        String name = call.name().stringValue();
        return owner.startsWith("java/util/concurrent/") || owner.equals("java/lang/invoke/VarHandle")
                || owner.equals("java/lang/Object") && OBJECT_METHODS.contains(name)
                || owner.equals("java/lang/Thread") && THREAD_METHODS.contains(name);
    }

    /** Insert the points of one method, keeping its stack map frames. */
    private final class Points implements CodeTransform {
        private final ClassLoader loader;
        private final CodeModel code;
        private final boolean[] any;

        Points(ClassLoader loader, CodeModel code, boolean[] any) {
            this.loader = loader;
            this.code = code;
            this.any = any;
        }

        @Override
        public void atStart(CodeBuilder builder) {
            code.findAttribute(Attributes.stackMapTable()).ifPresent(builder::with);
        }

        @Override
        public void accept(CodeBuilder builder, CodeElement element) {
            if (racesAt(loader, element)) {
                builder.invokestatic(HOOKS, "point", NOTHING);
                any[0] = true;
            }
            builder.with(element);
        }
    }
}
