package org.esphub.hub.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Addresses the hub never sends a webhook or callback to unless the allow-list names them: the
 * hub's own host, networks behind it, cloud metadata services, and addresses that are not a
 * single public host. One table; the first block that contains an address names the reason.
 * IPv4 carried inside IPv6 (mapped, NAT64, 6to4) is judged as the IPv4 address it carries.
 */
public final class ForbiddenAddresses {

    /** block → reason; metadata first, so 169.254.169.254 is named for what it is */
    private static final Map<Cidr, String> BLOCKS = new LinkedHashMap<>();

    static {
        block("a cloud metadata service", "169.254.169.254/32", "fd00:ec2::254/128", "100.100.100.200/32");
        block("unspecified", "0.0.0.0/8", "::/128");
        block("loopback", "127.0.0.0/8", "::1/128");
        block("private", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7", "fec0::/10",
                "64:ff9b:1::/48");
        block("link-local", "169.254.0.0/16", "fe80::/10");
        block("carrier-grade NAT (shared address space)", "100.64.0.0/10");
        block("multicast", "224.0.0.0/4", "ff00::/8");
        block("reserved", "240.0.0.0/4", "192.0.0.0/24", "192.88.99.0/24", "198.18.0.0/15", "100::/64",
                // IPv4-compatible IPv6 is deprecated; Teredo tunnels to an IPv4 address of its choosing
                "::/96", "2001::/32");
        block("reserved for documentation", "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32");
    }

    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private ForbiddenAddresses() {
    }

    private static void block(String reason, String... cidrs) {
        for (String cidr : cidrs) {
            BLOCKS.put(Cidr.parse(cidr), reason);
        }
    }

    /** @return why the address may not be a target, as in "… is loopback" (e.g. "loopback", "private"), or empty for a public address */
    public static Optional<String> reasonFor(InetAddress address) {
        InetAddress judged = embeddedIpv4(address).orElse(address);
        if (address instanceof Inet6Address v6 && v6.getScopeId() != 0) {
            return Optional.of("link-local");
        }
        for (Map.Entry<Cidr, String> block : BLOCKS.entrySet()) {
            if (block.getKey().contains(judged)) {
                return Optional.of(block.getValue());
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv6 address stands for, where it stands for one. */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        boolean mapped = Arrays.equals(Arrays.copyOf(bytes, 12),
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff});
        if (mapped || NAT64.contains(address)) {
            return Optional.of(ipv4(Arrays.copyOfRange(bytes, 12, 16)));
        }
        if (SIX_TO_FOUR.contains(address)) {
            return Optional.of(ipv4(Arrays.copyOfRange(bytes, 2, 6)));
        }
        return Optional.empty();
    }

    private static Inet4Address ipv4(byte[] bytes) {
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
