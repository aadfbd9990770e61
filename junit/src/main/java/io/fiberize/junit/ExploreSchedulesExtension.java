package io.fiberize.junit;

import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Provide the invocations of an {@link ExploreSchedules} test: one {@link SeedInvocation} per seed, until
 * one fails.
 *
 * <p>Why a test template: JUnit lets an {@code InvocationInterceptor} proceed with a test method once, so
 * one invocation cannot run the method under many seeds, and calling the method around JUnit would run
 * {@code @BeforeEach} once for all seeds. An invocation per seed gives each seed its own lifecycle and
 * its own line in the report.
 *
 * <p>Stopping at the first failure: the stream of invocations ends once one has failed. JUnit runs a
 * template's invocations on the test's thread as it draws them from the stream, each to its end before it
 * draws the next ({@link org.junit.jupiter.api.parallel.ExecutionMode#SAME_THREAD}, which {@link
 * ExploreSchedules} imposes), so the seeds after a failing one are never drawn and never reported.
 */
final class ExploreSchedulesExtension implements TestTemplateInvocationContextProvider {
    /** The system property that makes each {@link ExploreSchedules} test run one seed: its value. */
    static final String SEED_PROPERTY = "io.fiberize.explore.seed";

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), ExploreSchedules.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        int seeds = AnnotationSupport.findAnnotation(context.getTestMethod(), ExploreSchedules.class)
                .orElseThrow().value();
        if (seeds < 1) {
            throw new ExtensionConfigurationException("@ExploreSchedules(" + seeds + "): expected 1 seed or more");
        }
        String test = context.getRequiredTestClass().getSimpleName() + "#" + context.getRequiredTestMethod().getName();
        Exploration exploration = new Exploration(SeededJvm.find(), seeds, test);
        String only = System.getProperty(SEED_PROPERTY);
        LongStream range = only == null ? LongStream.rangeClosed(1, seeds) : LongStream.of(seed(only));
        return range.takeWhile(seed -> !exploration.failed())
                .mapToObj(seed -> new SeedInvocation(exploration, seed));
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ExtensionConfigurationException("-D" + SEED_PROPERTY + "=" + value + ": expected a seed, a number");
        }
    }
}
