package programs;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A thread-per-connection TLS echo server and N client threads, with a self-signed certificate
 * made by {@code keytool} for the run.
 */
public final class TlsEcho {
    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(args[0]);
        SSLContext context = SelfSignedTls.context();
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, clients, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    SSLSocket socket = (SSLSocket) server.accept();
                    new Thread(() -> {
                        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                            byte[] buffer = new byte[1024];
                            int n;
                            while ((n = in.read(buffer)) > 0) {
                                out.write(buffer, 0, n);
                                out.flush();
                            }
                        } catch (Exception e) {
                            System.out.println("handler failed: " + e);
                        }
                    }).start();
                }
            } catch (Exception e) {
                System.out.println("acceptor stopped: " + e);
            }
        }, "acceptor");
        acceptor.setDaemon(true);
        acceptor.start();

        AtomicInteger echoed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int id = i;
            Thread client = new Thread(() -> {
                try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
                        .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                    socket.startHandshake();
                    byte[] message = ("hello " + id).getBytes(StandardCharsets.UTF_8);
                    socket.getOutputStream().write(message);
                    socket.getOutputStream().flush();
                    byte[] back = socket.getInputStream().readNBytes(message.length);
                    if (new String(back, StandardCharsets.UTF_8).equals("hello " + id)) {
                        echoed.incrementAndGet();
                    }
                } catch (Exception e) {
                    System.out.println("client failed: " + e);
                }
            });
            threads.add(client);
            client.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("TLS clients echoed: " + echoed.get() + " of " + clients);
    }
}
