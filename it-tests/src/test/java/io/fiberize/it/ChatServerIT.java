package io.fiberize.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample chat server fans every line out to all other members, and tells renames, errors and departures,
 * the same way plainly and under the agent; under the agent its 50 members' 100 threads are fibers.
 */
class ChatServerIT {

    private static final String MAIN = "io.fiberize.samples.chat.ChatServer";
    private static final int CLIENTS = 50;
    private static final int LINES_PER_CLIENT = 10;
    private static final Pattern WELCOME = Pattern.compile("\\* you are (\\S+), (\\d+) in the room \\(.*\\)");

    private static SampleServers servers;

    @BeforeAll
    static void startServers() throws Exception {
        servers = SampleServers.start(MAIN, "--port", "0");
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (servers != null) {
            ExitReport report = servers.stop();
            assertThat(report.get("fibersStarted")).as("reader and writer threads that were fibers: %s", report)
                    .isGreaterThanOrEqualTo(2 * CLIENTS);
        }
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void fiftyClientsEachGetEveryLineOfEveryOtherClientInOrder(RunMode mode) throws Exception {
        List<ChatClient> clients = new ArrayList<>();
        try {
            clients.add(ChatClient.joinEmptyRoom(servers.get(mode).port()));
            for (int i = 1; i < CLIENTS; i++) {
                clients.add(ChatClient.join(servers.get(mode).port()));
            }
            mode.assertOsThreads(servers.get(mode).osThreads(), CLIENTS);

            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (ChatClient client : clients) {
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int line = 0; line < LINES_PER_CLIENT; line++) {
                            client.send("line " + line + " from " + client.nick);
                        }
                        client.receiveMessages((CLIENTS - 1) * LINES_PER_CLIENT);
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(failures).isEmpty();

            for (ChatClient client : clients) {
                Map<String, List<String>> bySender = new LinkedHashMap<>();
                for (String message : client.messages) {
                    String sender = message.substring(0, message.indexOf(": "));
                    bySender.computeIfAbsent(sender, s -> new ArrayList<>()).add(message);
                }
                assertThat(bySender.keySet()).as("senders %s heard from", client.nick)
                        .hasSize(CLIENTS - 1).doesNotContain(client.nick);
                bySender.forEach((sender, lines) -> assertThat(lines).as("lines from %s", sender)
                        .containsExactlyElementsOf(expectedLines(sender)));
            }
        } finally {
            for (ChatClient client : clients) {
                client.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void renamesErrorsAndDeparturesAreTold(RunMode mode) throws Exception {
        int port = servers.get(mode).port();
        try (ChatClient a = ChatClient.joinEmptyRoom(port); ChatClient b = ChatClient.join(port);
                ChatClient c = ChatClient.join(port)) {
            String oldA = a.nick;
            String oldB = b.nick;
            assertThat(a.readLine()).isEqualTo("* " + oldB + " joined");
            assertThat(a.readLine()).isEqualTo("* " + c.nick + " joined");
            assertThat(b.readLine()).isEqualTo("* " + c.nick + " joined");

            a.send("/nick alice");
            assertThat(a.readLine()).isEqualTo("* you are now alice");
            assertThat(b.readLine()).isEqualTo("* " + oldA + " is now alice");
            assertThat(c.readLine()).isEqualTo("* " + oldA + " is now alice");

            a.send("hello, and ünïcödé");
            assertThat(b.readLine()).isEqualTo("alice: hello, and ünïcödé");
            assertThat(c.readLine()).isEqualTo("alice: hello, and ünïcödé");

            b.send("/nick alice");
            assertThat(b.readLine()).isEqualTo("* alice is taken");
            b.send("/nick not a nick!");
            assertThat(b.readLine()).isEqualTo("* a nick is 1 to 32 letters, digits, '-' or '_'");
            b.send("/dance");
            assertThat(b.readLine()).isEqualTo("* unknown command /dance; the commands are /nick NAME and /quit");
            b.send("/quit");
            assertThat(b.readLine()).isEqualTo("* bye");
            assertThat(b.readLine()).as("end of stream after /quit").isNull();
            assertThat(a.readLine()).isEqualTo("* " + oldB + " left");
            assertThat(c.readLine()).isEqualTo("* " + oldB + " left");

            c.close();
            assertThat(a.readLine()).isEqualTo("* " + c.nick + " left");
            a.send("anyone?");
            a.send("/quit");
            assertThat(a.readLine()).as("no one heard 'anyone?', and so no echo").isEqualTo("* bye");
        }
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void badArgumentsAreRefusedInOneLineWithStatus2(RunMode mode) throws Exception {
        ForkedJvm.Result bad = mode.jvm().run(MAIN, "--room", "lobby");
        assertThat(bad.exitCode()).as("%s", bad).isEqualTo(2);
        assertThat(bad.programErrors()).containsExactly("chat-server: unknown option --room; try --help");

        ForkedJvm.Result help = mode.jvm().run(MAIN, "--help");
        assertThat(help.exitCode()).as("%s", help).isZero();
        assertThat(help.stdout()).startsWith("Usage: ChatServer [--port N]\n");
    }

    private static List<String> expectedLines(String sender) {
        List<String> lines = new ArrayList<>();
        for (int line = 0; line < LINES_PER_CLIENT; line++) {
            lines.add(sender + ": line " + line + " from " + sender);
        }
        return lines;
    }

    /**
     * Talk to the chat server as one line-based client.
     */
    private static final class ChatClient implements AutoCloseable {

        private final Socket socket;
        private final BufferedReader in;
        private final Writer out;
        private final List<String> messages = new ArrayList<>();
        private String nick;
        private int inRoom;

        private ChatClient(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(RawConnection.READ_TIMEOUT_MILLIS);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            String welcome = readLine();
            Matcher matcher = WELCOME.matcher(String.valueOf(welcome));
            assertThat(matcher.matches()).as("welcome line %s", welcome).isTrue();
            nick = matcher.group(1);
            inRoom = Integer.parseInt(matcher.group(2));
        }

        /**
         * Join the room.
         */
        static ChatClient join(int port) throws IOException {
            return new ChatClient(port);
        }

        /**
         * Join the room once the members of earlier tests have all left it, so that no notice about them
         * comes in between.
         */
        static ChatClient joinEmptyRoom(int port) throws IOException, InterruptedException {
            for (int attempt = 0; attempt < 100; attempt++) {
                ChatClient client = new ChatClient(port);
                if (client.inRoom == 1) {
                    return client;
                }
                client.close();
                Thread.sleep(50);
            }
            throw new AssertionError("the room did not empty within 5 s");
        }

        void send(String line) throws IOException {
            out.write(line + "\n");
            out.flush();
        }

        String readLine() throws IOException {
            return in.readLine();
        }

        /**
         * Read until {@code count} messages (lines that are not notices) have come; keep them in {@link #messages}.
         */
        void receiveMessages(int count) throws IOException {
            while (messages.size() < count) {
                String line = readLine();
                assertThat(line).as("line %d of %d for %s", messages.size() + 1, count, nick).isNotNull();
                if (!line.startsWith("* ")) {
                    messages.add(line);
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
