package io.fiberize.benchmarks.macro;

/**
 * Name one load a benchmark applies: how many connections, and how big a message (0 where it does not apply).
 *
 * @param connections concurrent connections, each with one request in flight
 * @param size bytes per message, or 0 for a fixed request such as {@code GET /hello}
 */
record Load(int connections, int size) {

    /**
     * Describe the load for a table, e.g. {@code 2,000 conns, 32 B}.
     */
    String describe() {
        String conns = String.format("%,d conns", connections);
        if (size == 0) {
            return conns;
        }
        return conns + ", " + sizeText(size);
    }

    /**
     * Describe a message size, e.g. {@code 32 B} or {@code 4 KiB}.
     */
    static String sizeText(int size) {
        return size % 1024 == 0 ? size / 1024 + " KiB" : size + " B";
    }
}
