package programs;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolve names and addresses from a thread, as a client library does before it connects.
 */
public final class DnsLookups {

    public static void main(String[] args) throws Exception {
        Thread resolver = new Thread(() -> {
            try {
                System.out.println("localhost -> " + InetAddress.getByName("localhost").getHostAddress());
                System.out.println("127.0.0.1 -> " + InetAddress.getByAddress(new byte[] {127, 0, 0, 1}).getHostName());
                try {
                    InetAddress.getByName("no-such-host.invalid");
                    System.out.println("no-such-host.invalid resolved (wrong)");
                } catch (UnknownHostException e) {
                    System.out.println("no-such-host.invalid -> UnknownHostException");
                }
            } catch (UnknownHostException e) {
                System.out.println("lookup failed: " + e);
            }
        }, "resolver");
        resolver.start();
        resolver.join();
    }
}
