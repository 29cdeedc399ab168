package org.esphub.hub.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address block such as {@code 10.0.0.0/8} or {@code fc00::/7}. An IPv4 block never contains
 * an IPv6 address and the other way round; IPv4 inside IPv6 is unwrapped by
 * {@link ForbiddenAddresses} first.
 */
record Cidr(byte[] network, int prefixLength) {

    /**
     * @param text an address literal with {@code /prefix}; no host names, no odd IPv4 spellings
     * @throws IllegalArgumentException naming what is wrong
     */
    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] network = literal(address).getAddress();
        int prefix;
        try {
            prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no numeric prefix length");
        }
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + network.length * 8);
        }
        return new Cidr(network, prefix);
    }

    /** An IP literal (IPv4 dotted quad or IPv6, brackets optional), parsed without DNS. */
    static InetAddress literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IpLiterals.isIpv6Literal(bare) && !IpLiterals.isCanonicalIpv4(bare)) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 (a.b.c.d) or IPv6 address");
        }
        try {
            // a literal is parsed, never looked up
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[whole] & mask) == (network[whole] & mask);
    }
}
