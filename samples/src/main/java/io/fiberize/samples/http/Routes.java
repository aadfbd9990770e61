package io.fiberize.samples.http;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.List;

/**
 * Decide the response to a request: {@code /hello}, a document of the site, or an error.
 */
final class Routes {

    private static final Document HELLO = Document.text("Hello, world!\n");

    private final Site site;

    Routes(Site site) {
        this.site = site;
    }

    /**
     * Answer {@code request}, whose head has been read.
     *
     * @throws HttpException for a request answered with an error status
     */
    Response answer(Request request) throws HttpException {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return Response.methodNotAllowed(request.method());
        }
        String path = request.path();
        if (List.of(path.split("/")).contains("..")) {
            throw new HttpException(Status.FORBIDDEN, "a path may not climb out of the site with ..");
        }
        if (path.equals("/hello")) {
            return Response.ok(HELLO);
        }
        Document document;
        try {
            document = site.find(path);
        } catch (AccessDeniedException e) {
            throw new HttpException(Status.FORBIDDEN, "not readable");
        } catch (IOException e) {
            throw new HttpException(Status.INTERNAL_SERVER_ERROR, "could not read the document");
        }
        if (document == null) {
            throw new HttpException(Status.NOT_FOUND, path + " is not here");
        }
        return Response.ok(document);
    }
}
