package io.fiberize.samples.http;

import java.io.IOException;

/**
 * Find the document a path names.
 */
interface Site {

    /**
     * Return the document at {@code path}, or null if there is none.
     *
     * @param path a decoded path that starts with {@code /} and has no {@code ..} segment
     * @throws IOException if the document exists but cannot be read
     */
    Document find(String path) throws IOException;
}
