package org.esphub.hub.outbound;

import java.net.InetAddress;
import java.util.Locale;

/**
 * One entry of {@code esp.outbound.allowed-targets}: a host name ({@code receiver.example},
 * {@code *.agency.example}), an IP address or an address block ({@code 10.20.0.0/16},
 * {@code [fd12::/16]}), each optionally with {@code :port}; without a port every port is allowed.
 * A name entry admits URLs written with that name, whatever it resolves to; an address entry
 * admits what a URL's host resolves to.
 *
 * @param hostPattern lower-case name, {@code *.} suffix pattern, or null for an address entry
 * @param block the address block, or null for a name entry
 * @param port the only port admitted, or -1 for any
 */
record AllowedTarget(String hostPattern, Cidr block, int port, String text) {

    /**
     * @throws IllegalArgumentException naming what is wrong with the entry
     */
    static AllowedTarget parse(String text) {
        String entry = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (entry.isEmpty()) {
            throw new IllegalArgumentException("an entry is empty");
        }
        String host = entry;
        int port = -1;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "' opens '[' without closing it");
            }
            host = entry.substring(1, close);
            port = port(entry.substring(close + 1), text);
        } else if (entry.indexOf(':') >= 0) {
            if (entry.indexOf(':') != entry.lastIndexOf(':')) {
                throw new IllegalArgumentException("'" + text + "': write an IPv6 address in brackets, e.g. [fd12::/16]:443");
            }
            host = entry.substring(0, entry.indexOf(':'));
            port = port(entry.substring(entry.indexOf(':')), text);
        }
        if (host.contains("/") || IpLiterals.isIpv6Literal(host) || IpLiterals.isCanonicalIpv4(host)) {
            return new AllowedTarget(null, Cidr.parse(host), port, text);
        }
        if (IpLiterals.isOddIpv4Spelling(host)) {
            throw new IllegalArgumentException("'" + text + "' spells an IPv4 address oddly; write it as a.b.c.d");
        }
        String name = host.startsWith("*.") ? host.substring(2) : host;
        if (!name.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
            throw new IllegalArgumentException("'" + text + "' is neither a host name, a *.domain pattern,"
                    + " an IP address nor an address block");
        }
        return new AllowedTarget(host, null, port, text);
    }

    private static int port(String suffix, String text) {
        if (suffix.isEmpty()) {
            return -1;
        }
        if (!suffix.matches(":[0-9]{1,5}") || Integer.parseInt(suffix.substring(1)) > 65535
                || Integer.parseInt(suffix.substring(1)) == 0) {
            throw new IllegalArgumentException("'" + text + "' has no valid port after ':' (1-65535)");
        }
        return Integer.parseInt(suffix.substring(1));
    }

    /** Whether this entry admits a URL whose host is written {@code host} (lower case), on {@code port}. */
    boolean admitsName(String host, int port) {
        if (hostPattern == null || !portMatches(port)) {
            return false;
        }
        return hostPattern.startsWith("*.") ? host.endsWith(hostPattern.substring(1)) : host.equals(hostPattern);
    }

    /** Whether this entry admits a connection to {@code address} on {@code port}. */
    boolean admitsAddress(InetAddress address, int port) {
        return block != null && portMatches(port) && block.contains(address);
    }

    private boolean portMatches(int candidate) {
        return port < 0 || port == candidate;
    }
}
