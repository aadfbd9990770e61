package io.fiberize.agent.instrument.slice;

import io.fiberize.runtime.hooks.SliceHooks;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.MethodTransform;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.MonitorInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Put yield points into one application class: a call of {@link SliceHooks#check} before every
 * backward branch (each turn of a loop) and of {@link SliceHooks#checkEntry} first thing in every
 * method that calls itself (each level of a recursion), and {@link SliceHooks#onSpinWait} in place of {@code Thread.onSpinWait()}.
 * Code that runs long runs a loop or a recursion, so it passes a yield point at least once per
 * turn or level.
 *
 * <p>Except the innermost loops that touch nothing but local variables and arrays (no call, no
 * field, no lock): the check's read of a shared flag would keep the JIT from unrolling and
 * vectorizing them (a sum over an {@code int[]} ran 5 to 10 times slower with it), and such a loop is
 * checked at each turn of the loop around it instead. One alone in its method, running for a
 * long time, is not sliced. A loop that waits for another thread reads a field, and is checked.
 *
 * <p>Each insertion is a call that takes and leaves nothing, so no frame changes: each method
 * keeps its stack map frames, which the class-file API re-anchors on their labels. Class
 * initializers are left as they are: a fiber in one is pinned to its carrier and cannot yield.
 */
final class YieldPointRewrite {
    private static final ClassFile FILES = ClassFile.of(ClassFile.StackMapsOption.DROP_STACK_MAPS);
    private static final ClassDesc HOOKS = ClassDesc.of(SliceHooks.class.getName());
    private static final MethodTypeDesc NOTHING = MethodTypeDesc.of(ConstantDescs.CD_void);
    private static final String THREAD = "java/lang/Thread";
    private static final String SPIN = "onSpinWait";

    private YieldPointRewrite() {
    }

    /** Return {@code classfile} with its yield points, or {@code null} when it has no loop, recursion or spin. */
    static byte[] rewrite(byte[] classfile) {
        ClassModel model = FILES.parse(classfile);
        Map<String, YieldPoints> planned = new HashMap<>();
        for (MethodModel method : model.methods()) {
            YieldPoints points = plan(model, method);
            if (points != null) {
                planned.put(key(method), points);
            }
        }
        if (planned.isEmpty()) {
            return null;
        }
        return FILES.transformClass(model, (builder, element) -> {
            YieldPoints points = element instanceof MethodModel method ? planned.get(key(method)) : null;
            if (points != null) {
                builder.transformMethod((MethodModel) element, MethodTransform.transformingCode(points));
            } else {
                builder.with(element);
            }
        });
    }

    private static String key(MethodModel method) {
        return method.methodName().stringValue() + method.methodType().stringValue();
    }

    /**
     * Return where {@code method} gets yield points, or {@code null} when it gets none: it has no
     * code, is a class initializer, or neither calls itself nor loops (but in innermost loops of
     * locals and arrays) nor spins.
     */
    private static YieldPoints plan(ClassModel model, MethodModel method) {
        if (method.methodName().equalsString(ConstantDescs.CLASS_INIT_NAME) || method.code().isEmpty()) {
            return null;
        }
        CodeModel code = method.code().get();
        List<CodeElement> elements = code.elementList();
        boolean atEntry = callsItself(model, method, elements);
        Set<Integer> checked = checkedBranches(elements);
        boolean spins = elements.stream().anyMatch(element -> element instanceof InvokeInstruction call && isSpin(call));
        return atEntry || spins || !checked.isEmpty() ? new YieldPoints(code, atEntry, checked) : null;
    }

    /**
     * Return the positions in {@code elements} of the backward branches that get a check: all but
     * those that close an innermost loop of locals and arrays only ({@link #computesOnly}).
     */
    private static Set<Integer> checkedBranches(List<CodeElement> elements) {
        Map<Label, Integer> bound = new HashMap<>();
        Set<Integer> checked = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            CodeElement element = elements.get(i);
            if (element instanceof LabelTarget target) {
                bound.put(target.label(), i);
            } else if (element instanceof BranchInstruction branch && bound.containsKey(branch.target())
                    && !computesOnly(elements.subList(bound.get(branch.target()), i))) {
                checked.add(i);
            }
        }
        return checked;
    }

    /**
     * Say whether a loop body calls nothing, touches no field, takes no lock and holds no loop of
     * its own: a computation over locals and arrays, which the JIT may unroll and vectorize.
     */
    private static boolean computesOnly(List<CodeElement> body) {
        Set<Label> inside = new HashSet<>();
        for (CodeElement element : body) {
            if (element instanceof LabelTarget target) {
                inside.add(target.label());
            } else if (element instanceof InvokeInstruction || element instanceof InvokeDynamicInstruction
                    || element instanceof FieldInstruction || element instanceof MonitorInstruction
                    || element instanceof BranchInstruction branch && inside.contains(branch.target())) {
                return false;
            }
        }
        return true;
    }

    private static boolean callsItself(ClassModel model, MethodModel method, List<CodeElement> elements) {
        if (method.methodName().equalsString(ConstantDescs.INIT_NAME)) {
            return false;
        }
        for (CodeElement element : elements) {
            if (element instanceof InvokeInstruction call && call.owner().equals(model.thisClass())
                    && call.name().equals(method.methodName()) && call.type().equals(method.methodType())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpin(InvokeInstruction call) {
        return call.owner().asInternalName().equals(THREAD) && call.name().equalsString(SPIN)
                && call.typeSymbol().equals(NOTHING);
    }

    /** Insert the yield points of one method, keeping its stack map frames. */
    private static final class YieldPoints implements CodeTransform {
        private final CodeModel code;
        private final boolean atEntry;
        /** The positions of the backward branches to check, among the code's elements in order. */
        private final Set<Integer> checked;
        private int position;

        YieldPoints(CodeModel code, boolean atEntry, Set<Integer> checked) {
            this.code = code;
            this.atEntry = atEntry;
            this.checked = checked;
        }

        @Override
        public void atStart(CodeBuilder builder) {
            code.findAttribute(Attributes.stackMapTable()).ifPresent(builder::with);
            if (atEntry) {
                builder.invokestatic(HOOKS, "checkEntry", NOTHING);
            }
        }

        @Override
        public void accept(CodeBuilder builder, CodeElement element) {
            if (checked.contains(position++)) {
                builder.invokestatic(HOOKS, "check", NOTHING);
                builder.with(element);
            } else if (element instanceof InvokeInstruction call && isSpin(call)) {
                builder.invokestatic(HOOKS, SPIN, NOTHING);
            } else {
                builder.with(element);
            }
        }
    }
}
