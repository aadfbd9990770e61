package io.fiberize.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import example.PlainWorker;
import example.StartingWorker;
import example.ThreadUser;
import example.Unrelated;
import io.fiberize.agent.instrument.thread.ThreadCallSiteInstrumentation;
import io.fiberize.agent.options.AgentOptions;
import io.fiberize.agent.options.InvalidOptionException;
import io.fiberize.agent.options.OptionsParser;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The application call-site rewrite, applied to class files and run in a throwaway loader.
 */
class ThreadCallSiteInstrumentationTest {
    private static final String HOOKS = "io/fiberize/runtime/hooks/ThreadHooks";

    private final ClassRewrite rewrite = new ThreadCallSiteInstrumentation().rewrite(AgentOptions.defaults());

    @Test
    void findsEveryHookItNeeds() {
        assertThat(new ThreadCallSiteInstrumentation().check()).isNull();
    }

    @Test
    void aPlainThreadIsHandedToTheHookRightAfterItsConstructor() {
        assertThat(ClassFiles.calls(rewritten(ThreadUser.class), "create")).containsExactly(
                "invokespecial java/lang/Thread.<init>",
                "invokestatic " + HOOKS + ".adopt",
                "invokevirtual java/lang/String.isEmpty",
                "invokespecial java/lang/Thread.<init>",
                "invokestatic " + HOOKS + ".adopt");
    }

    @Test
    void aPlatformBuilderStartsWhatTheHookAdopted() {
        assertThat(ClassFiles.calls(rewritten(ThreadUser.class), "build")).containsExactly(
                "invokestatic java/lang/Thread.ofPlatform",
                "invokeinterface java/lang/Thread$Builder$OfPlatform.name",
                "invokeinterface java/lang/Thread$Builder$OfPlatform.unstarted",
                "invokestatic " + HOOKS + ".startAdopted");
    }

    @Test
    void callsOnThreadsAndSubclassConstructorsStayAsTheyAre() {
        assertThat(ClassFiles.calls(rewritten(ThreadUser.class), "startAndJoin")).containsExactly(
                "invokevirtual example/PlainWorker.start",
                "invokevirtual example/PlainWorker.isAlive",
                "invokevirtual example/PlainWorker.join",
                "invokevirtual example/PlainWorker.ran");
        assertThat(rewrite.apply(StartingWorker.class.getClassLoader(), "example/StartingWorker",
                ClassFiles.of(StartingWorker.class))).isNull();
    }

    @Test
    void aLambdaBodyIsRewritten() {
        assertThat(ClassFiles.calls(rewritten(ThreadUser.class), name -> name.startsWith("lambda$")))
                .containsExactly("invokestatic " + HOOKS + ".currentThread", "invokevirtual java/lang/Thread.getName");
    }

    @Test
    void aClassWithNoCallOfAThreadMethodIsLeftAlone() {
        assertThat(rewrite.apply(Unrelated.class.getClassLoader(), "example/Unrelated", ClassFiles.of(Unrelated.class)))
                .isNull();
        assertThat(rewrite.apply(PlainWorker.class.getClassLoader(), "example/PlainWorker", ClassFiles.of(PlainWorker.class)))
                .isNull();
    }

    @Test
    void rewrittenClassesPassTheVerifierAndRun() throws Exception {
        ClassLoader loader = ClassFiles.loader(Map.of(
                ThreadUser.class.getName(), rewritten(ThreadUser.class),
                StartingWorker.class.getName(), ClassFiles.of(StartingWorker.class),
                PlainWorker.class.getName(), ClassFiles.of(PlainWorker.class)));
        Class<?> user = Class.forName(ThreadUser.class.getName(), true, loader);
        Class<?> worker = Class.forName(PlainWorker.class.getName(), true, loader);
        Class.forName(StartingWorker.class.getName(), true, loader);

        Object workers = java.lang.reflect.Array.newInstance(worker, 3);
        for (int i = 0; i < 3; i++) {
            java.lang.reflect.Array.set(workers, i, worker.getConstructor().newInstance());
        }
        assertThat(user.getMethod("startAndJoin", workers.getClass()).invoke(null, workers)).isEqualTo(3);
        @SuppressWarnings("unchecked")
        Supplier<String> name = (Supplier<String>) user.getMethod("currentName").invoke(null);
        assertThat(name.get()).isEqualTo(Thread.currentThread().getName());
        Thread created = (Thread) user.getMethod("create", Runnable.class, String.class).invoke(null, (Runnable) () -> { }, "");
        assertThat(created.getName()).as("without a runtime the thread stays").isEqualTo("unnamed");
        Thread built = (Thread) user.getMethod("build", Runnable.class).invoke(null, (Runnable) () -> { });
        built.join();
        assertThat(built.getName()).isEqualTo("built");
    }

    @Test
    void includeAndExcludeNarrowTheClassesRewritten() throws InvalidOptionException {
        byte[] user = ClassFiles.of(ThreadUser.class);
        ClassLoader loader = ThreadUser.class.getClassLoader();
        assertThat(rewriteUnder("exclude=example.").apply(loader, "example/ThreadUser", user)).isNull();
        assertThat(rewriteUnder("include=com.example.").apply(loader, "example/ThreadUser", user)).isNull();
        assertThat(rewriteUnder("include=example.Thread").apply(loader, "example/ThreadUser", user)).isNotNull();
        assertThat(rewrite.apply(null, "example/ThreadUser", user)).as("boot loader").isNull();
        assertThat(rewrite.apply(loader, "io/fiberize/agent/ThreadUser", user)).as("fiberize's own").isNull();
    }

    private byte[] rewritten(Class<?> type) {
        byte[] classfile = rewrite.apply(type.getClassLoader(), type.getName().replace('.', '/'), ClassFiles.of(type));
        assertThat(classfile).as("rewrite of %s", type).isNotNull();
        return classfile;
    }

    private static ClassRewrite rewriteUnder(String agentArgs) throws InvalidOptionException {
        return new ThreadCallSiteInstrumentation().rewrite(OptionsParser.parse(agentArgs, new Properties(), null));
    }
}
