package io.fiberize.junit;

/**
 * An {@link ExploreSchedules} test that {@link ExploreSchedulesExtensionTest} runs through JUnit's launcher;
 * not a test of the build (Surefire runs *Test, *Tests, Test* and *TestCase).
 */
class ExploredWithoutAgent {
    static int runs;

    @ExploreSchedules(3)
    void counts() {
        runs++;
    }
}
