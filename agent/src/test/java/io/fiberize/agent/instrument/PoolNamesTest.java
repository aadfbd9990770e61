package io.fiberize.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import example.FakeStream;
import example.StartingWorker;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The constant-pool scan that decides which classes are looked at closer.
 */
class PoolNamesTest {
    private final PoolNames names = new PoolNames(Set.of("start", "currentThread"));

    @Test
    void findsANameInTheConstantPoolOfAClass() {
        assertThat(names.anyIn(ClassFiles.of(StartingWorker.class))).isTrue();
        assertThat(names.anyIn(ClassFiles.of(FakeStream.class))).isFalse();
    }

    @Test
    void stepsOverEveryKindOfConstantIncludingTheTwoSlotOnes() {
        assertThat(names.anyIn(classWith("begin"))).isFalse();
        assertThat(names.anyIn(classWith("currentThread"))).isTrue();
        assertThat(names.anyIn(classWith("currentThreads"))).isFalse();
    }

    /** Return a class file whose constant pool holds a long, a double, a string, a method type, then {@code utf8}. */
    private static byte[] classWith(String utf8) {
        return ClassFile.of().build(ClassDesc.of("example.Generated"), builder -> {
            builder.constantPool().longEntry(1L << 40);
            builder.constantPool().doubleEntry(2.5);
            builder.constantPool().stringEntry("a string");
            builder.constantPool().methodTypeEntry(MethodTypeDesc.of(ConstantDescs.CD_void));
            builder.constantPool().utf8Entry(utf8);
        });
    }
}
