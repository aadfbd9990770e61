package programs;

import static programs.Outcomes.print;
import static programs.Outcomes.sleep;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Meet each way a blocking socket fails, from inside a thread, and print what was thrown.
 */
public final class SocketErrors {

    public static void main(String[] args) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            print("half-close gives EOF", () -> {
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                     Socket peer = server.accept()) {
                    peer.shutdownOutput();
                    return "read returned " + client.getInputStream().read();
                }
            });
            print("reset", () -> {
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    Socket peer = server.accept();
                    peer.setSoLinger(true, 0);
                    Thread closer = new Thread(() -> {
                        sleep(100);
                        close(peer);
                    });
                    closer.start();
                    client.getInputStream().read();
                    return "no exception";
                }
            });
            print("SO_TIMEOUT", () -> {
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                     Socket peer = server.accept()) {
                    client.setSoTimeout(100);
                    client.getInputStream().read();
                    return "no exception";
                }
            });
            print("closed by another thread while reading", () -> {
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                     Socket peer = server.accept()) {
                    Thread closer = new Thread(() -> {
                        sleep(100);
                        close(client);
                    });
                    closer.start();
                    client.getInputStream().read();
                    return "no exception";
                }
            });
            print("accept with SO_TIMEOUT", () -> {
                server.setSoTimeout(100);
                try {
                    server.accept();
                    return "no exception";
                } finally {
                    server.setSoTimeout(0);
                }
            });
        }
        print("connect refused", () -> {
            int closedPort;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = s.getLocalPort();
            }
            new Socket(InetAddress.getLoopbackAddress(), closedPort).close();
            return "no exception";
        });
        print("interrupted channel read", () -> {
            try (ServerSocketChannel server = ServerSocketChannel.open()) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
                     SocketChannel peer = server.accept()) {
                    Thread reader = Thread.currentThread();
                    Thread interrupter = new Thread(() -> {
                        sleep(100);
                        reader.interrupt();
                    });
                    interrupter.start();
                    client.read(ByteBuffer.allocate(1));
                    return "no exception";
                } finally {
                    Thread.interrupted();
                }
            }
        });
        print("datagram round trip", () -> {
            try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                 DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                Thread echo = new Thread(() -> {
                    try {
                        DatagramPacket packet = new DatagramPacket(new byte[64], 64);
                        server.receive(packet);
                        server.send(new DatagramPacket(packet.getData(), packet.getLength(), packet.getSocketAddress()));
                    } catch (IOException e) {
                        System.out.println("datagram echo failed: " + e);
                    }
                });
                echo.start();
                sleep(50);
                client.send(new DatagramPacket("dgram".getBytes(), 5, server.getLocalSocketAddress()));
                DatagramPacket back = new DatagramPacket(new byte[64], 64);
                client.receive(back);
                echo.join();
                return "got " + new String(back.getData(), 0, back.getLength());
            }
        });
        print("datagram receive with SO_TIMEOUT", () -> {
            try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                socket.setSoTimeout(100);
                socket.receive(new DatagramPacket(new byte[1], 1));
                return "no exception";
            }
        });
        print("echo through a channel", () -> {
            try (ServerSocketChannel server = ServerSocketChannel.open()) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
                     SocketChannel peer = server.accept()) {
                    Thread writer = new Thread(() -> {
                        sleep(50);
                        try {
                            peer.write(ByteBuffer.wrap("ping".getBytes()));
                        } catch (IOException e) {
                            System.out.println("writer failed: " + e);
                        }
                    });
                    writer.start();
                    ByteBuffer buffer = ByteBuffer.allocate(4);
                    while (buffer.hasRemaining()) {
                        client.read(buffer);
                    }
                    return "read " + new String(buffer.array());
                }
            }
        });
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            System.out.println("close failed: " + e);
        }
    }
}
