package io.fiberize.samples.loadgen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Send {@code GET /hello} on a kept-alive connection and wait for a whole {@code 200} response.
 *
 * <p>A response is complete when its head and {@code Content-Length} bytes of body have come; any other
 * status, or a server that closes the connection, is a failure.
 */
final class HttpExchange implements Exchange {

    private final ByteBuffer request;

    HttpExchange(String host, int port) {
        request = ByteBuffer.wrap(("GET /hello HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public ByteBuffer request() {
        return request.clear();
    }

    @Override
    public boolean answered(ByteBuffer input) throws IOException {
        int headEnd = indexOfEmptyLine(input);
        if (headEnd < 0) {
            return false;
        }
        byte[] headBytes = new byte[headEnd - input.position()];
        input.get(input.position(), headBytes);
        String head = new String(headBytes, StandardCharsets.ISO_8859_1);
        if (!head.startsWith("HTTP/1.1 200 ")) {
            throw new IOException("the server answered " + head.lines().findFirst().orElse(""));
        }
        long length = -1;
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).strip());
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                throw new IOException("the server closes the connection after this response");
            }
        }
        if (length < 0) {
            throw new IOException("a response without Content-Length");
        }
        long end = headEnd + 4 + length;
        if (end > input.limit()) {
            return false;
        }
        input.position((int) end);
        return true;
    }

    /**
     * Return the index of the CRLF CRLF that ends a response head in {@code input}, or -1.
     */
    private static int indexOfEmptyLine(ByteBuffer input) {
        for (int i = input.position(); i + 3 < input.limit(); i++) {
            if (input.get(i) == '\r' && input.get(i + 1) == '\n'
                    && input.get(i + 2) == '\r' && input.get(i + 3) == '\n') {
                return i;
            }
        }
        return -1;
    }
}
