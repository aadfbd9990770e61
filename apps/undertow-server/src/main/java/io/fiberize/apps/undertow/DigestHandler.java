package io.fiberize.apps.undertow;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.LongAdder;

/**
 * Answer {@code POST /digest} with the SHA-256 of the request body, in hex, and its length, the way a blocking
 * Undertow handler does it: off the I/O thread, on the worker pool, where it may sleep and read the body
 * through a blocking stream.
 */
final class DigestHandler implements HttpHandler {

    private final long workMillis;
    private final LongAdder answered = new LongAdder();

    /** Handle each request after {@code workMillis} of blocking, standing for a call to a slow backend. */
    DigestHandler(long workMillis) {
        this.workMillis = workMillis;
    }

    /** Return the number of digests answered so far. */
    long answered() {
        return answered.sum();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        if (!exchange.getRequestMethod().equals(Methods.POST) || !exchange.getRequestPath().equals("/digest")) {
            exchange.setStatusCode(StatusCodes.NOT_FOUND);
            exchange.getResponseSender().send("POST /digest only\n");
            return;
        }
        Thread.sleep(workMillis);
        exchange.startBlocking();
        byte[] body = exchange.getInputStream().readAllBytes();
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        byte[] answer = ("sha256=" + hex + " bytes=" + body.length + "\n").getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, answer.length);
        exchange.getOutputStream().write(answer);
        exchange.getOutputStream().close();
        answered.increment();
    }
}
