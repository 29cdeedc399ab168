package org.esphub.hub.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * A webhook or callback URL that passed the outbound checks.
 *
 * @param host the host as written in the URL, lower case, IPv6 without brackets
 * @param port the port, the scheme's default if the URL names none
 * @param addresses the checked addresses to connect to; empty only when checked for registration
 *        and the name did not resolve then (it is checked again at delivery)
 */
public record CheckedTarget(URI uri, String scheme, String host, int port, List<InetAddress> addresses) {

    public CheckedTarget {
        addresses = List.copyOf(addresses);
    }
}
