package io.fiberize.samples.http;

import java.nio.charset.StandardCharsets;

/**
 * Serve a small page of its own, for a server started without a directory.
 */
final class BuiltInSite implements Site {

    private static final Document PAGE = new Document("""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>A thread-per-connection HTTP server</title>
              <link rel="stylesheet" href="/style.css">
            </head>
            <body>
              <h1>It works</h1>
              <p>This page comes from a plain blocking HTTP server: one thread per connection,
              blocking sockets, nothing else. Try <a href="/hello">/hello</a>.</p>
            </body>
            </html>
            """.getBytes(StandardCharsets.UTF_8), MediaTypes.of("index.html"));

    private static final Document STYLE = new Document("""
            body { font-family: sans-serif; max-width: 40em; margin: 2em auto; }
            h1 { color: #2a6; }
            """.getBytes(StandardCharsets.UTF_8), MediaTypes.of("style.css"));

    @Override
    public Document find(String path) {
        return switch (path) {
            case "/", "/index.html" -> PAGE;
            case "/style.css" -> STYLE;
            default -> null;
        };
    }
}
