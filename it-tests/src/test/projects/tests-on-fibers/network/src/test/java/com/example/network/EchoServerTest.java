package com.example.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * A hundred clients, a thread each, talk to the echo server at once; with every connection open (a
 * hundred client threads, a hundred server threads) the JVM has few more platform threads than before.
 */
class EchoServerTest {

    private static final int CLIENTS = 100;

    @Test
    void aHundredConnectionsRunOnFibers() throws Exception {
        AtomicInteger echoed = new AtomicInteger();
        AtomicInteger added = new AtomicInteger();
        int before = ManagementFactory.getThreadMXBean().getThreadCount();
        CyclicBarrier allConnected = new CyclicBarrier(CLIENTS,
                () -> added.set(ManagementFactory.getThreadMXBean().getThreadCount() - before));
        try (EchoServer server = new EchoServer()) {
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String line = "hello " + i;
                Thread client = new Thread(() -> {
                    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
                         PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
                         BufferedReader in = new BufferedReader(
                                 new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                        out.println(line);
                        if (line.equals(in.readLine())) {
                            echoed.incrementAndGet();
                        }
                        allConnected.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                client.start();
                clients.add(client);
            }
            for (Thread client : clients) {
                client.join();
            }
        }
        assertEquals(CLIENTS, echoed.get());
        assertTrue(added.get() < 10, "platform threads added by " + CLIENTS + " connections: " + added);
    }
}
