package io.fiberize.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Run the test once per seed, 1 to {@link #value()}, each time on fiberize's seeded schedule started
 * over from that seed, and stop at the first seed that fails: the failure names the seed, the
 * schedule's trace, and the property that reruns that seed alone.
 *
 * <p>The test JVM must run the agent with a seed, whichever: {@code -javaagent:fiberize.jar=seed=0} in
 * Surefire's {@code argLine}, e.g. through {@code fiberize-maven-plugin}'s {@code <options><seed>0</seed>
 * </options>}. The schedule's policy and PCT depth are the JVM's ({@code schedule=}, {@code pctDepth=}):
 * a seed and those options give one schedule, whatever else the JVM ran before. With the system
 * property {@value ExploreSchedulesExtension#SEED_PROPERTY} set, each such test runs that seed only.
 *
 * <p>Each seed is one invocation of a test template, with its own {@code @BeforeEach} and
 * {@code @AfterEach}. The schedule starts over right before the test method, not before {@code @BeforeEach}:
 * JUnit's own code in between makes calls that are scheduling points, more of them the first time it
 * runs than later, so a seed started over earlier would not replay alone what it did after other seeds.
 * (Threads that {@code @BeforeEach} starts run on the schedule too, but what they do before the test
 * method depends on the seeds before.) After the test method the invocation waits until the threads the
 * test started have ended (until no more fibers are alive than before it, for up to {@value
 * SeedInvocation#END_WITHIN_SECONDS} seconds of the virtual clock), so that no thread of one seed runs
 * into the next; a thread still alive then fails the seed. The seeds run one after another on the test's
 * own thread ({@link ExecutionMode#SAME_THREAD}) whatever JUnit's parallel execution says, since they
 * share the one schedule.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(ExploreSchedulesExtension.class)
@Execution(ExecutionMode.SAME_THREAD)
public @interface ExploreSchedules {
    /** How many seeds to run, from 1 up. */
    int value();
}
