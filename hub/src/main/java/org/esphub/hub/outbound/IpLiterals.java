package org.esphub.hub.outbound;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a URL's host may spell an IP address. Resolvers accept IPv4 in forms people do not read as
 * addresses ({@code 2130706433}, {@code 0x7f000001}, {@code 017700000001}, {@code 127.1}), each of
 * them loopback; only the canonical dotted quad is taken, everything else that looks numeric is
 * refused before any lookup.
 */
final class IpLiterals {

    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    /** A label a resolver may read as (part of) an IPv4 number: decimal, octal or hex. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("0x[0-9a-f]*|[0-9]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+(%[0-9A-Za-z._~-]+)?");

    private IpLiterals() {
    }

    static boolean isCanonicalIpv4(String host) {
        return CANONICAL_IPV4.matcher(host).matches();
    }

    static boolean isIpv6Literal(String host) {
        return host.contains(":") && IPV6.matcher(host).matches();
    }

    /**
     * True when a resolver could read the host as an IPv4 address but it is not written as one:
     * its last label is a number (no real domain name ends in one), and it is not a dotted quad.
     */
    static boolean isOddIpv4Spelling(String host) {
        String[] labels = host.toLowerCase(Locale.ROOT).split("\\.", -1);
        return NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches() && !isCanonicalIpv4(host);
    }
}
