package io.fiberize.samples.chat;

import io.fiberize.samples.cli.Acceptor;
import io.fiberize.samples.cli.ServerCommand;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

/**
 * Relay each line a client sends to every other client in one room, two threads per client.
 *
 * <p>Each connection gets a reader thread, which reads the client's lines and hands them to the
 * {@link Room}, and a writer thread, which blocks on the member's own queue of outgoing lines and
 * writes them. The room is a {@code synchronized} set of members. {@code /nick NAME} renames,
 * {@code /quit} leaves. Nothing in it knows about fibers. It listens on the loopback address only.
 */
public final class ChatServer {

    private static final ServerCommand COMMAND = new ServerCommand("chat-server", """
            Usage: ChatServer [--port N]
            A line-based chat server on 127.0.0.1: every line a client sends goes to all the others.
            Commands: /nick NAME (rename), /quit (leave).
              --port N    port to listen on; 0 picks a free one (default 0)
            Prints "listening on <port>" once it is ready, then serves until killed.
            """);

    private final ServerSocket serverSocket;
    private final Room room = new Room();

    /**
     * Create a server that will accept connections on {@code serverSocket} into one empty room.
     */
    public ChatServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
    }

    /**
     * Run the server: parse the arguments, bind, say where, and serve forever.
     */
    public static void main(String[] args) throws IOException {
        int port = COMMAND.configure(args, List.of("port"), ServerCommand::port);
        new ChatServer(ServerCommand.listen(port)).serve();
    }

    /**
     * Accept connections and start a reader and a writer thread for each, until the server socket is closed.
     */
    public void serve() throws IOException {
        Acceptor.serve(serverSocket, (socket, id) -> {
            Member member = new Member(socket);
            new Thread(new MemberWriter(member), "chat-" + id + "-writer").start();
            new Thread(new MemberReader(member, room), "chat-" + id + "-reader").start();
        });
    }
}
