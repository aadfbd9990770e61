package io.fiberize.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import example.FakeHooks;
import example.FakeStream;
import example.FakeStreamSubclass;
import io.fiberize.agent.options.AgentOptions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each shape of {@link Advice}, applied to a class of our own that stands in for a JDK class,
 * loaded in a throwaway loader (which verifies it) and run.
 */
class JdkMethodInstrumentationTest {
    private static final String FAKE = FakeStream.class.getName();

    @AfterEach
    void reset() {
        FakeHooks.offloading = false;
        FakeHooks.SEEN.setLength(0);
    }

    @Test
    void replaceIfReturnsTheHooksResultForTheExactClassWhenTheGuardSaysSo() throws Exception {
        Class<?> fake = rewrittenFake();
        Object stream = fake.getConstructor().newInstance();
        Object subclass = Class.forName(FakeStreamSubclass.class.getName(), true, fake.getClassLoader())
                .getConstructor().newInstance();

        assertThat(call(stream, "read")).isEqualTo(1);
        FakeHooks.offloading = true;
        assertThat(call(stream, "read")).isEqualTo(42);
        assertThat(call(subclass, "read")).as("a subclass runs the original").isEqualTo(1);
        assertThat(FakeHooks.SEEN).hasToString("read;");
        assertThat(call(stream, "log")).isEqualTo("read;");
    }

    @Test
    void callFirstCallsTheHookThenTheBody() throws Exception {
        Object stream = rewrittenFake().getConstructor().newInstance();
        stream.getClass().getMethod("close", int.class).invoke(stream, 3);

        assertThat(FakeHooks.SEEN).hasToString("first 3;");
        assertThat(call(stream, "log")).isEqualTo("close 3;");
    }

    @Test
    void filterResultPassesEveryReturnedValueThroughTheHook() throws Exception {
        Object stream = rewrittenFake().getConstructor().newInstance();
        assertThat(call(stream, "name")).isEqualTo("EVEN");
        stream.getClass().getMethod("close", int.class).invoke(stream, 10);
        assertThat(call(stream, "log")).isEqualTo("close 10;");
        assertThat(call(stream, "name")).isEqualTo("ODD");
    }

    @Test
    void checkNamesWhatIsMissing() {
        assertThat(fake().check()).isNull();
        assertThat(new JdkMethodInstrumentation("gone", FAKE, FakeStream.class.getClassLoader(),
                JdkMethodInstrumentation.Target.of(Advice.callFirst(FakeHooks.class, "first"), "close", "long")) {
        }.check()).isEqualTo(FAKE + ".close(long) is gone");
        assertThat(new JdkMethodInstrumentation("no hook", FAKE, FakeStream.class.getClassLoader(),
                JdkMethodInstrumentation.Target.of(Advice.replaceIf(FakeHooks.class, "offloading", "write"), "read")) {
        }.check()).isEqualTo("FakeHooks.write(FakeStream) returning int is missing");
        assertThat(new JdkMethodInstrumentation("gone", "example.Gone", FakeStream.class.getClassLoader()) {
        }.check()).isEqualTo("example.Gone is gone");
    }

    @Test
    void onlyTheNamedClassOfTheNamedLoaderIsRewritten() {
        ClassRewrite rewrite = fake().rewrite(AgentOptions.defaults());
        byte[] classfile = ClassFiles.of(FakeStream.class);
        assertThat(rewrite.apply(null, "example/FakeStream", classfile)).isNull();
        assertThat(rewrite.apply(FakeStream.class.getClassLoader(), "example/FakeStreamSubclass", classfile)).isNull();
    }

    private static JdkMethodInstrumentation fake() {
        return new JdkMethodInstrumentation("fake stream", FAKE, FakeStream.class.getClassLoader(),
                JdkMethodInstrumentation.Target.of(Advice.replaceIf(FakeHooks.class, "offloading", "read"), "read"),
                JdkMethodInstrumentation.Target.of(Advice.callFirst(FakeHooks.class, "first"), "close", "int"),
                JdkMethodInstrumentation.Target.of(Advice.filterResult(FakeHooks.class, "shout"), "name")) {
        };
    }

    private static Class<?> rewrittenFake() throws ClassNotFoundException {
        byte[] classfile = fake().rewrite(AgentOptions.defaults())
                .apply(FakeStream.class.getClassLoader(), "example/FakeStream", ClassFiles.of(FakeStream.class));
        assertThat(classfile).isNotNull();
        ClassLoader loader = ClassFiles.loader(Map.of(FAKE, classfile,
                FakeStreamSubclass.class.getName(), ClassFiles.of(FakeStreamSubclass.class)));
        return Class.forName(FAKE, true, loader);
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        return target.getClass().getMethod(method).invoke(target);
    }
}
