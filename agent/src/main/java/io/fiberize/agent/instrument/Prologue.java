package io.fiberize.agent.instrument;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.util.function.Consumer;

/**
 * Insert code at the start of a method, before its first instruction; keep the rest as it is.
 */
final class Prologue implements CodeTransform {
    private final Consumer<CodeBuilder> code;

    Prologue(Consumer<CodeBuilder> code) {
        this.code = code;
    }

    @Override
    public void atStart(CodeBuilder builder) {
        code.accept(builder);
    }

    @Override
    public void accept(CodeBuilder builder, CodeElement element) {
        builder.with(element);
    }
}
