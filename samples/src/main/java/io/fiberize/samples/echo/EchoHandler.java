package io.fiberize.samples.echo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Copy what one connection sends back to it until the peer closes, blocking in between.
 */
final class EchoHandler implements Runnable {

    private final Socket socket;

    EchoHandler(Socket socket) {
        this.socket = socket;
    }

    @Override
    public void run() {
        try (Socket connection = socket) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            // The peer reset or went away: this connection is over, the server carries on.
        }
    }
}
