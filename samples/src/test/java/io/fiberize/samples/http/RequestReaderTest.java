package io.fiberize.samples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestReaderTest {

    @Test
    void readsRequestsBackToBackWithTheirHeaders() throws Exception {
        RequestReader reader = reader("GET /a?x=1 HTTP/1.1\r\nHost: h\r\nAccept: a\r\naccept: b\r\n\r\n"
                + "\r\nHEAD /b HTTP/1.0\nConnection: keep-alive\n\n");

        Request first = reader.read();
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.target()).isEqualTo("/a?x=1");
        assertThat(first.headers()).containsEntry("host", "h").containsEntry("accept", "a, b");
        Request second = reader.read();
        assertThat(second.method()).isEqualTo("HEAD");
        assertThat(second.version()).isEqualTo("HTTP/1.0");
        assertThat(second.keepAlive()).isTrue();
        assertThat(reader.read()).as("end of input between requests").isNull();
        assertThat(reader.ended()).isTrue();
    }

    @Test
    void refusesMalformedHeadsWith400() {
        for (String head : new String[] {"GET\r\n\r\n", "GET / HTTP/1.1 x\r\n\r\n", "GET / HTTP/3\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n", "GET / HTTP/1.1\r\nno colon\r\n\r\n",
                "GET / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1x\r\n\r\n"}) {
            assertThatThrownBy(() -> reader(head).read()).as(head)
                    .isInstanceOfSatisfying(HttpException.class,
                            e -> assertThat(e.status()).isEqualTo(Status.BAD_REQUEST));
        }
    }

    @Test
    void refusesAHeadOverTheLimitWith413() throws Exception {
        String prefix = "GET / HTTP/1.1\r\nHost: h\r\nX: ";
        String fits = prefix + "x".repeat(RequestReader.MAX_HEAD_BYTES - prefix.length() - 4) + "\r\n\r\n";
        assertThat(reader(fits).read()).isNotNull();

        assertThatThrownBy(() -> reader(fits.replace("X: ", "X: x")).read())
                .isInstanceOfSatisfying(HttpException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.CONTENT_TOO_LARGE));
    }

    @Test
    void anEndInTheMiddleOfAHeadIsAnError() {
        assertThatThrownBy(() -> reader("GET / HTTP/1.1\r\nHost: h\r\n").read()).isInstanceOf(EOFException.class);
    }

    private static RequestReader reader(String text) {
        return new RequestReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
