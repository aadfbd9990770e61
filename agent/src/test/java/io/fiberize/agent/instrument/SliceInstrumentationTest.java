package io.fiberize.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import example.Computations;
import io.fiberize.agent.instrument.slice.SliceInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import io.fiberize.agent.options.OptionsParser;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Time slicing's yield points, put into class files and run in a throwaway loader (which also has
 * the JVM verify them).
 */
class SliceInstrumentationTest {
    private static final String CHECK = "invokestatic io/fiberize/runtime/hooks/SliceHooks.check";

    private final ClassRewrite rewrite = new SliceInstrumentation().rewrite(AgentOptions.defaults());

    @Test
    void findsEveryHookItNeeds() {
        assertThat(new SliceInstrumentation().check()).isNull();
    }

    @Test
    void aLoopThatReadsAFieldIsCheckedEachTurn() {
        assertThat(ClassFiles.calls(rewritten(), "addUp")).containsExactly(CHECK);
    }

    @Test
    void anInnermostLoopOfLocalsAndArraysIsLeftToTheJitAndTheLoopAroundItIsChecked() {
        assertThat(ClassFiles.calls(rewritten(), "sum")).isEmpty();
        assertThat(ClassFiles.calls(rewritten(), "collatzSteps")).containsExactly(CHECK);
    }

    @Test
    void aRecursionIsCheckedAtEachLevel() {
        assertThat(ClassFiles.calls(rewritten(), "fib")).containsExactly(CHECK + "Entry",
                "invokestatic example/Computations.fib", "invokestatic example/Computations.fib");
    }

    @Test
    void aSpinYields() {
        assertThat(ClassFiles.calls(rewritten(), "awaitReady"))
                .containsExactly("invokestatic io/fiberize/runtime/hooks/SliceHooks.onSpinWait", CHECK);
    }

    @Test
    void straightLineCodeIsLeftAsItIs() {
        assertThat(ClassFiles.calls(rewritten(), "twice")).isEmpty();
    }

    @Test
    void theRewrittenClassVerifiesAndComputesTheSame() throws Exception {
        Class<?> rewritten = ClassFiles.loader(Map.of(Computations.class.getName(), rewritten()))
                .loadClass(Computations.class.getName());
        assertThat(rewritten.getMethod("fib", int.class).invoke(null, 20)).isEqualTo(Computations.fib(20));
        assertThat(rewritten.getMethod("collatzSteps", int.class).invoke(null, 1000))
                .isEqualTo(Computations.collatzSteps(1000));
        Object computations = rewritten.getConstructor().newInstance();
        rewritten.getMethod("addUp", int[].class).invoke(computations, (Object) new int[] {1, 2, 3});
        assertThat(rewritten.getMethod("total").invoke(computations)).isEqualTo(6);
        Method ready = rewritten.getMethod("ready");
        ready.invoke(null);
        rewritten.getMethod("awaitReady").invoke(null);
    }

    @Test
    void sliceZeroRewritesNothing() throws Exception {
        ClassRewrite off = new SliceInstrumentation().rewrite(OptionsParser.parse("slice=0", new Properties(), null));
        assertThat(off.apply(Computations.class.getClassLoader(), "example/Computations", ClassFiles.of(Computations.class)))
                .isNull();
    }

    private byte[] rewritten() {
        byte[] classfile = rewrite.apply(Computations.class.getClassLoader(), "example/Computations",
                ClassFiles.of(Computations.class));
        assertThat(classfile).as("rewrite of Computations").isNotNull();
        return classfile;
    }
}
