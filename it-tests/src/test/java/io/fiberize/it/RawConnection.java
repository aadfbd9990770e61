package io.fiberize.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Talk to a server over one plain loopback socket, bytes in and bytes out, one char per byte (ISO-8859-1).
 */
final class RawConnection {

    /** How long a read may wait before the test fails, so that a server that never answers does not hang it. */
    static final int READ_TIMEOUT_MILLIS = 10_000;

    private RawConnection() {
    }

    /**
     * Send {@code request} on a new connection to {@code port} and return everything the server sends
     * until it closes the connection.
     */
    static String talk(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(received);
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
