package io.fiberize.samples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutesTest {

    @TempDir
    Path directory;

    @Test
    void theBuiltInSiteHasAPageAStyleSheetAndHello() throws Exception {
        Routes routes = new Routes(new BuiltInSite());

        assertThat(body(routes.answer(get("/")))).contains("<h1>It works</h1>");
        assertThat(routes.answer(get("/index.html")).document().contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(routes.answer(get("/style.css")).document().contentType()).isEqualTo("text/css; charset=utf-8");
        assertThat(body(routes.answer(get("/hello?who=me")))).isEqualTo("Hello, world!\n");
        assertStatus(routes, get("/nothing"), Status.NOT_FOUND);
    }

    @Test
    void onlyGetAndHeadAreServed() throws Exception {
        Response response = new Routes(new BuiltInSite()).answer(request("POST", "/hello"));

        assertThat(response.status()).isEqualTo(Status.METHOD_NOT_ALLOWED);
        assertThat(response.extraHeaders()).isEqualTo("Allow: GET, HEAD\r\n");
    }

    @Test
    void aDirectorySiteServesFilesAndIndexPagesAndNothingOutsideItsRoot() throws Exception {
        Path root = Files.createDirectories(directory.resolve("root/sub"));
        Files.writeString(root.resolve("index.html"), "sub index");
        Files.writeString(root.resolve("a b.txt"), "spaced");
        Files.writeString(directory.resolve("secret"), "secret");
        Routes routes = new Routes(new DirectorySite(directory.resolve("root")));

        assertThat(body(routes.answer(get("/sub/")))).isEqualTo("sub index");
        assertThat(body(routes.answer(get("/sub")))).isEqualTo("sub index");
        assertThat(body(routes.answer(get("/sub/a%20b.txt")))).isEqualTo("spaced");
        assertStatus(routes, get("/"), Status.NOT_FOUND);
        assertStatus(routes, get("/../secret"), Status.FORBIDDEN);
        assertStatus(routes, get("/sub/%2E%2E/%2e%2e/secret"), Status.FORBIDDEN);
        assertStatus(routes, get("/" + directory.resolve("secret")), Status.NOT_FOUND);
        assertStatus(routes, get("/%ff"), Status.BAD_REQUEST);
        assertStatus(routes, get("/%0a"), Status.BAD_REQUEST);
        assertStatus(routes, get("/%4"), Status.BAD_REQUEST);
        assertStatus(routes, get("*"), Status.BAD_REQUEST);
    }

    @Test
    void mediaTypesComeFromTheExtension() {
        assertThat(MediaTypes.of("a.JSON")).isEqualTo("application/json");
        assertThat(MediaTypes.of("logo.png")).isEqualTo("image/png");
        assertThat(MediaTypes.of("archive.tar.gz")).isEqualTo("application/octet-stream");
        assertThat(MediaTypes.of("README")).isEqualTo("application/octet-stream");
    }

    private static void assertStatus(Routes routes, Request request, Status status) {
        assertThatThrownBy(() -> routes.answer(request)).as(request.target())
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(status));
    }

    private static Request get(String target) {
        return request("GET", target);
    }

    private static Request request(String method, String target) {
        return new Request(method, target, "HTTP/1.1", Map.of("host", "h"));
    }

    private static String body(Response response) {
        assertThat(response.status()).isEqualTo(Status.OK);
        return new String(response.document().body(), StandardCharsets.UTF_8);
    }
}
