package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample HTTP server answers curl, raw requests and wrk the same way plainly and under the agent,
 * and under the agent holds wrk's 200 connections on a handful of OS threads.
 */
class HttpServerIT {

    private static final String MAIN = "io.fiberize.samples.http.HttpServer";
    private static final int WRK_CONNECTIONS = 200;

    /** The files the server serves, by path. */
    private static final Map<String, String> FILES = Map.of(
            "index.html", "<!doctype html>\n<title>home</title>\n<p>home page</p>\n",
            "style.css", "p { color: green; }\n",
            "data.json", "{\"answer\": 42}\n",
            "docs/index.html", "<p>the docs</p>\n",
            "a b.txt", "a file with a space in its name\n",
            "unknown.xyz", "what is this\n");

    @TempDir
    static Path directory;

    private static String logo;
    private static SampleServers servers;

    @BeforeAll
    static void startServers() throws Exception {
        Path root = Files.createDirectories(directory.resolve("site"));
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            Files.createDirectories(root.resolve(file.getKey()).getParent());
            Files.writeString(root.resolve(file.getKey()), file.getValue());
        }
        byte[] bytes = new byte[3000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        Files.write(root.resolve("logo.png"), bytes);
        logo = new String(bytes, StandardCharsets.ISO_8859_1);
        Files.writeString(directory.resolve("secret.txt"), "outside the site\n");
        servers = SampleServers.start(MAIN, "--port", "0", "--root", root.toString());
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (servers != null) {
            ExitReport report = servers.stop();
            assertThat(report.get("fibersStarted")).as("connection threads that were fibers: %s", report)
                    .isGreaterThanOrEqualTo(WRK_CONNECTIONS);
        }
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void curlGetsEachFileWithItsLengthAndType(RunMode mode) throws Exception {
        List<HttpReply> replies = HttpReply.parse(curl(mode, "-i", url(mode, "/"), url(mode, "/style.css"),
                        url(mode, "/data.json"), url(mode, "/logo.png"), url(mode, "/docs/"), url(mode, "/a%20b.txt"),
                        url(mode, "/unknown.xyz")),
                "GET", "GET", "GET", "GET", "GET", "GET", "GET");

        assertFile(replies.get(0), "text/html; charset=utf-8", FILES.get("index.html"));
        assertFile(replies.get(1), "text/css; charset=utf-8", FILES.get("style.css"));
        assertFile(replies.get(2), "application/json", FILES.get("data.json"));
        assertFile(replies.get(3), "image/png", logo);
        assertFile(replies.get(4), "text/html; charset=utf-8", FILES.get("docs/index.html"));
        assertFile(replies.get(5), "text/plain; charset=utf-8", FILES.get("a b.txt"));
        assertFile(replies.get(6), "application/octet-stream", FILES.get("unknown.xyz"));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void curlGetsHello(RunMode mode) throws Exception {
        HttpReply reply = HttpReply.parse(curl(mode, "-i", url(mode, "/hello")), "GET").getFirst();

        assertFile(reply, "text/plain; charset=utf-8", "Hello, world!\n");
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aMissingFileIs404(RunMode mode) throws Exception {
        HttpReply reply = HttpReply.parse(curl(mode, "-i", url(mode, "/no/such.html")), "GET").getFirst();

        assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
        assertThat(reply.body()).isEqualTo("404 Not Found: /no/such.html is not here\n");
        assertThat(reply.header("Connection")).isEqualTo("keep-alive");
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void headSendsTheHeadersOfGetWithoutTheBody(RunMode mode) throws Exception {
        HttpReply curlHead = HttpReply.parse(curl(mode, "-I", url(mode, "/index.html")), "HEAD").getFirst();
        assertThat(curlHead.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(curlHead.header("Content-Length")).isEqualTo(Integer.toString(FILES.get("index.html").length()));

        // On one connection: had HEAD sent a body, it would be read as the start of the next response.
        List<HttpReply> replies = HttpReply.parse(talk(mode,
                "HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                "HEAD", "GET");
        assertThat(replies.get(0).header("Content-Length")).isEqualTo("14");
        assertThat(replies.get(0).body()).isEmpty();
        assertThat(replies.get(1).body()).isEqualTo("Hello, world!\n");
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void keepsTheConnectionOpenUntilTheClientAsksToClose(RunMode mode) throws Exception {
        String connects = curl(mode, "-w", "%{http_code} %{num_connects}\\n",
                "-o", "/dev/null", url(mode, "/hello"), "-o", "/dev/null", url(mode, "/style.css"));
        assertThat(connects).as("status and new connections of each request").isEqualTo("200 1\n200 0\n");

        List<HttpReply> replies = HttpReply.parse(talk(mode, "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
                        + "GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n"
                        + "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                "GET", "GET", "GET");
        assertThat(replies).extracting(reply -> reply.header("Connection"))
                .containsExactly("keep-alive", "keep-alive", "close");
        assertThat(replies.get(1).body()).isEqualTo(FILES.get("style.css"));

        HttpReply http10 = HttpReply.parse(talk(mode, "GET /hello HTTP/1.0\r\n\r\n"), "GET").getFirst();
        assertThat(http10.header("Connection")).as("HTTP/1.0 without keep-alive").isEqualTo("close");
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void otherMethodsAre405(RunMode mode) throws Exception {
        HttpReply post = HttpReply.parse(curl(mode, "-i", "-X", "POST", "-d", "name=value", url(mode, "/hello")),
                "POST").getFirst();
        assertThat(post.statusLine()).isEqualTo("HTTP/1.1 405 Method Not Allowed");
        assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(post.header("Connection")).as("a request with a body, which is not read").isEqualTo("close");

        HttpReply delete = HttpReply.parse(
                talk(mode, "DELETE /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), "DELETE").getFirst();
        assertThat(delete.statusLine()).isEqualTo("HTTP/1.1 405 Method Not Allowed");
        assertThat(delete.body()).isEqualTo("405 Method Not Allowed: DELETE is not served here\n");
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aMalformedRequestIs400AndEndsTheConnection(RunMode mode) throws Exception {
        for (String request : List.of("GARBAGE\r\n\r\n", "GET /hello\r\n\r\n", "GET /hello HTTP/1.1 extra\r\n\r\n",
                "GET /hello HTTP/1.1\r\nno colon here\r\n\r\n", "GET /hello HTTP/1.1\r\n\r\n",
                "GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) {
            HttpReply reply = HttpReply.parse(talk(mode, request), "GET").getFirst();
            assertThat(reply.statusLine()).as("response to %s", request).isEqualTo("HTTP/1.1 400 Bad Request");
        }
        HttpReply afterGarbage = HttpReply.parse(talk(mode, "GARBAGE\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n"),
                "GET").getFirst();
        assertThat(afterGarbage.header("Connection")).as("nothing read after a malformed request").isEqualTo("close");
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void aHeadOver8KiBIs413AndEndsTheConnection(RunMode mode) throws Exception {
        String big = "GET /hello HTTP/1.1\r\nHost: x\r\nX-Filler: " + "f".repeat(9000) + "\r\n\r\n";
        HttpReply refused = HttpReply.parse(talk(mode, big), "GET").getFirst();
        assertThat(refused.statusLine()).isEqualTo("HTTP/1.1 413 Content Too Large");
        assertThat(refused.header("Connection")).isEqualTo("close");

        String justUnder = "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Filler: "
                + "f".repeat(8000) + "\r\n\r\n";
        assertThat(justUnder.length()).isLessThan(8192);
        assertThat(HttpReply.parse(talk(mode, justUnder), "GET").getFirst().statusLine()).isEqualTo("HTTP/1.1 200 OK");
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void pathsOutOfTheRootAreRefused(RunMode mode) throws Exception {
        for (String path : List.of("/../secret.txt", "/docs/../../secret.txt", "/%2e%2e/secret.txt",
                "/docs/%2E%2E/%2e%2e/secret.txt")) {
            HttpReply reply = HttpReply.parse(curl(mode, "-i", "--path-as-is", url(mode, path)), "GET").getFirst();
            assertThat(reply.statusLine()).as("GET %s", path).isEqualTo("HTTP/1.1 403 Forbidden");
        }
        HttpReply absolute = HttpReply.parse(talk(mode,
                "GET //etc/hostname HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), "GET").getFirst();
        assertThat(absolute.statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void wrkWith200ConnectionsGetsNoErrors(RunMode mode) throws Exception {
        assumeTrue(HostCommand.installed("wrk"), "wrk is not installed (.ci/run installs it); skipping");
        ForkedJvm.Result wrk;
        List<String> peak;
        try (PeakOsThreads threads = PeakOsThreads.of(servers.get(mode))) {
            wrk = HostCommand.run("wrk", "-t", "2", "-c", Integer.toString(WRK_CONNECTIONS), "-d", "2s",
                    url(mode, "/hello"));
            peak = threads.peak();
        }

        assertThat(wrk.exitCode()).as("%s", wrk).isZero();
        Matcher requests = Pattern.compile("(\\d+) requests in").matcher(wrk.stdout());
        assertThat(requests.find()).as("%s", wrk).isTrue();
        assertThat(Long.parseLong(requests.group(1))).as("%s", wrk).isPositive();
        assertThat(wrk.stdout()).as("%s", wrk).doesNotContain("Socket errors").doesNotContain("Non-2xx");
        mode.assertOsThreads(peak, WRK_CONNECTIONS);
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void badArgumentsAreRefusedInOneLineWithStatus2(RunMode mode) throws Exception {
        ForkedJvm.Result bad = mode.jvm().run(MAIN, "--port", "http");
        assertThat(bad.exitCode()).as("%s", bad).isEqualTo(2);
        assertThat(bad.programErrors()).containsExactly(
                "http-server: invalid --port 'http': expected a number from 0 to 65535; try --help");

        ForkedJvm.Result noRoot = mode.jvm().run(MAIN, "--root", directory.resolve("nowhere").toString());
        assertThat(noRoot.exitCode()).as("%s", noRoot).isEqualTo(2);
        assertThat(noRoot.programErrors()).containsExactly("http-server: invalid --root '"
                + directory.resolve("nowhere") + "': not a directory; try --help");

        ForkedJvm.Result help = mode.jvm().run(MAIN, "--help");
        assertThat(help.exitCode()).as("%s", help).isZero();
        assertThat(help.stdout()).startsWith("Usage: HttpServer [--port N] [--root DIR] [--threads platform|virtual]\n");
    }

    @Test
    void everyAnswerIsTheSameByteForByteInBothModes() throws Exception {
        List<String> requests = List.of(
                "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /logo.png HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "HEAD /data.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /hello?name=x HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /hello HTTP/1.0\r\n\r\n",
                "GET /missing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /../secret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "PUT /x HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc",
                "GET /x HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
                "GET / HTTP/2.0\r\nHost: x\r\n\r\n",
                "\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /hello HTTP/1.1\r\nHost: x\r\n" + "X-Filler: 0123456789\r\n".repeat(400) + "\r\n");
        for (String request : requests) {
            assertThat(withoutDate(talk(RunMode.FIBERIZED, request))).as("answer to %s", request)
                    .isEqualTo(withoutDate(talk(RunMode.PLAIN, request)));
        }
    }

    private static void assertFile(HttpReply reply, String contentType, String content) {
        assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(reply.header("Content-Type")).isEqualTo(contentType);
        assertThat(reply.header("Content-Length")).isEqualTo(Integer.toString(content.length()));
        assertThat(reply.body()).isEqualTo(content);
        assertThat(reply.header("Date")).matches("\\w{3}, \\d{1,2} \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");
    }

    private static String url(RunMode mode, String path) {
        return "http://127.0.0.1:" + servers.get(mode).port() + path;
    }

    /**
     * Run curl with {@code args} and return what it printed; skip the test if there is no curl.
     */
    private static String curl(RunMode mode, String... args) throws IOException, InterruptedException {
        assumeTrue(HostCommand.installed("curl"), "curl is not installed (.ci/run installs it); skipping");
        List<String> command = new ArrayList<>(List.of("curl", "--silent", "--show-error", "--max-time", "10"));
        command.addAll(List.of(args));
        ForkedJvm.Result result = HostCommand.run(command.toArray(String[]::new));
        assertThat(result.exitCode()).as("%s server: %s", mode, result).isZero();
        return result.stdout();
    }

    private static String talk(RunMode mode, String request) throws IOException {
        return RawConnection.talk(servers.get(mode).port(), request);
    }

    private static String withoutDate(String answer) {
        return answer.replaceAll("Date: [^\r]*\r\n", "Date: (now)\r\n");
    }
}
