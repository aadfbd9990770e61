package io.fiberize.samples.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Answer the requests of one connection in turn, blocking on each read, until it closes.
 *
 * <p>The connection stays open after a response unless the client asked to close it
 * ({@code Connection: close}, or HTTP/1.0 without {@code Connection: keep-alive}), the request was
 * malformed, or it carried a body, which this server never reads. A connection idle for
 * {@link #IDLE_TIMEOUT_MILLIS} is closed.
 */
final class HttpConnection implements Runnable {

    static final int IDLE_TIMEOUT_MILLIS = 30_000;

    /** How long a closing connection waits for the client to finish sending (see {@link #lingeringClose}). */
    private static final int LINGER_MILLIS = 2_000;
    private static final int LINGER_MAX_BYTES = 1 << 20;

    private final Socket socket;
    private final Routes routes;

    HttpConnection(Socket socket, Routes routes) {
        this.socket = socket;
        this.routes = routes;
    }

    @Override
    public void run() {
        try (Socket connection = socket) {
            connection.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = new BufferedOutputStream(connection.getOutputStream());
            RequestReader reader = new RequestReader(in);
            boolean open = true;
            while (open) {
                open = answerNext(reader, out);
            }
            if (!reader.ended()) {
                lingeringClose(connection, in);
            }
        } catch (IOException e) {
            // The peer reset, went away or stayed idle too long: this connection is over.
        }
    }

    /**
     * Read one request and answer it; return whether the connection stays open for another.
     */
    private boolean answerNext(RequestReader reader, OutputStream out) throws IOException {
        Request request;
        try {
            request = reader.read();
        } catch (HttpException e) {
            Response.error(e.status(), e.getMessage()).write(out, false, false);
            return false;
        }
        if (request == null) {
            return false;
        }
        boolean keepAlive = request.keepAlive() && !request.hasBody();
        Response response;
        try {
            response = routes.answer(request);
        } catch (HttpException e) {
            response = Response.error(e.status(), e.getMessage());
        }
        response.write(out, request.method().equals("HEAD"), keepAlive);
        return keepAlive;
    }

    /**
     * Close our side, then read and drop what the client still sends until it closes too.
     *
     * <p>Closing a socket with unread input makes the kernel send a reset, and a reset can destroy
     * the response before the client reads it (the client of an oversized head is typically still
     * sending). So, like Apache's lingering close, send FIN first and drain for a while.
     */
    private static void lingeringClose(Socket connection, InputStream in) throws IOException {
        connection.shutdownOutput();
        connection.setSoTimeout(LINGER_MILLIS);
        byte[] sink = new byte[8192];
        int drained = 0;
        int read;
        while (drained < LINGER_MAX_BYTES && (read = in.read(sink)) >= 0) {
            drained += read;
        }
    }
}
