package io.fiberize.apps.zookeeper;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.apache.zookeeper.server.ServerConfig;
import org.apache.zookeeper.server.ZooKeeperServerMain;

/**
 * Run a real standalone ZooKeeper server ({@link ZooKeeperServerMain}) on a free loopback port and say
 * {@code listening on <port>} once it accepts connections.
 *
 * <p>Usage: {@code java -jar zookeeper-server.jar <dataDir>}. The data directory keeps the snapshots and the
 * transaction log. The server takes any number of connections from one address (the clients run in one
 * process), runs without its admin HTTP server, and does not force each transaction log write to disk: it is
 * the peer of a client test, not a durable store. It ends on SIGTERM, closing its sessions.
 */
public final class ZooKeeperServerApp {
    private static final int TICK_MILLIS = 2000;
    private static final int UNLIMITED_CONNECTIONS = 0;

    private ZooKeeperServerApp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -jar zookeeper-server.jar <dataDir>");
            System.exit(2);
        }
        System.setProperty("zookeeper.admin.enableServer", "false");
        System.setProperty("zookeeper.forceSync", "no");
        AnnouncingServer server = new AnnouncingServer();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "zookeeper-server-stop"));
        server.runFromConfig(LoopbackConfig.of(Path.of(args[0])));
    }

    /**
     * The standalone server, which says its port once its connection factory accepts connections.
     */
    private static final class AnnouncingServer extends ZooKeeperServerMain {

        @Override
        protected void serverStarted() {
            System.out.println("listening on " + getClientPort());
            System.out.flush();
        }
    }

    /**
     * A standalone server's configuration whose client port is a free port of the loopback address (the
     * command-line form of {@link ServerConfig#parse(String[])} binds every address).
     */
    private static final class LoopbackConfig extends ServerConfig {

        static LoopbackConfig of(Path dataDir) {
            LoopbackConfig config = new LoopbackConfig();
            config.parse(new String[] {"0", dataDir.toString(), Integer.toString(TICK_MILLIS),
                    Integer.toString(UNLIMITED_CONNECTIONS)});
            config.clientPortAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            return config;
        }
    }
}
