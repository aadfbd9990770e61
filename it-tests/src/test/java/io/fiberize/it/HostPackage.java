package io.fiberize.it;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Require a program of the machine that a test starts (a database server, a cache): skip the test when it
 * is missing, except on CI ({@code CI=true}), where {@code .ci/run} installs it and its absence is a failure.
 */
final class HostPackage {

    private HostPackage() {
    }

    /**
     * Skip the test, or fail it on CI, unless {@code program} is executable; the message names
     * {@code debianPackage}, which provides it.
     */
    static void require(Path program, String debianPackage) {
        if (Files.isExecutable(program)) {
            return;
        }
        String message = program + " is missing: install the Debian package " + debianPackage
                + " (apt-get install " + debianPackage + ")";
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        assumeTrue(false, message);
    }
}
