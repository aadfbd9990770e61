package io.fiberize.samples.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Copy one direction of a relayed connection, blocking on each read, until its source stops sending.
 *
 * <p>At the source's end of stream the destination's output is shut down (a half-close, passed on);
 * on a failure of either socket, {@code onFailure} runs.
 */
final class Pump implements Runnable {

    private final Socket from;
    private final Socket to;
    private final Runnable onFailure;

    Pump(Socket from, Socket to, Runnable onFailure) {
        this.from = from;
        this.to = to;
        this.onFailure = onFailure;
    }

    @Override
    public void run() {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
            }
            to.shutdownOutput();
        } catch (IOException e) {
            onFailure.run();
        }
    }
}
