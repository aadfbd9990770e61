package io.fiberize.samples.proxy;

import io.fiberize.samples.cli.BadArgumentException;

/**
 * Name where a proxy relays its connections.
 *
 * @param host a host name or address, resolved at each connection
 * @param port the port, 1 to 65535
 */
public record Target(String host, int port) {

    /**
     * Read {@code host:port}, e.g. {@code localhost:11211} or {@code [::1]:80}.
     *
     * @throws BadArgumentException if {@code text} is not of that form
     */
    public static Target parse(String text) throws BadArgumentException {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "" : text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String port = text.substring(colon + 1);
        if (!host.isEmpty() && port.matches("\\d{1,5}")) {
            int number = Integer.parseInt(port);
            if (number >= 1 && number <= 65535) {
                return new Target(host, number);
            }
        }
        throw new BadArgumentException("invalid --target '" + text + "': expected HOST:PORT, e.g. localhost:7000");
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
