package org.esphub.hub.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one rule for where the hub sends webhooks and DCI callbacks, applied when a subscription or
 * a {@code sender_uri} is accepted and again before every delivery, after resolving the host.
 *
 * <p>A URL must be https (http only where {@code esp.outbound.allow-plain-http} says), without
 * user information, and its host must be a fully qualified public name or a public address: not
 * loopback, private, link-local, carrier-grade NAT, unspecified, multicast, reserved or a cloud
 * metadata service ({@link ForbiddenAddresses}), not an odd spelling of an IPv4 address, not a
 * special-use name such as {@code localhost} or {@code *.internal}. Every address a name resolves
 * to must pass, so a name cannot hide one forbidden address among public ones. The allow-list
 * ({@code esp.outbound.allowed-targets}) admits named exceptions, e.g. the demo's simulators.
 */
@Component
public class OutboundTargets {

    /** Names that never lead to a public host (RFC 6761, RFC 6762, RFC 8375, ICANN's .internal). */
    private static final List<String> SPECIAL_USE_SUFFIXES = List.of(".localhost", ".local", ".internal",
            ".home.arpa");
    private static final List<String> SPECIAL_USE_NAMES = List.of("localhost", "metadata.goog");

    private final HostResolver resolver;
    private final boolean allowPlainHttp;
    private final List<AllowedTarget> allowed;

    public OutboundTargets(HostResolver resolver, OutboundProperties properties) {
        this.resolver = resolver;
        this.allowPlainHttp = properties.allowPlainHttp();
        this.allowed = properties.parsedAllowedTargets();
    }

    /**
     * For a URL a client registers (subscription, {@code sender_uri}). A name that does not
     * resolve now is accepted: it is checked when something is sent to it.
     *
     * @throws ForbiddenTarget saying why the URL is refused
     */
    public CheckedTarget checkForRegistration(String url) {
        try {
            return check(url);
        } catch (UnknownHostException notYetResolvable) {
            CheckedTarget parsed = parse(url);
            return new CheckedTarget(parsed.uri(), parsed.scheme(), parsed.host(), parsed.port(), List.of());
        }
    }

    /**
     * Right before a delivery: the addresses returned are the ones to connect to.
     *
     * @throws ForbiddenTarget saying why the URL is refused now
     * @throws UnknownHostException when the host does not resolve
     */
    public CheckedTarget checkForDelivery(String url) throws UnknownHostException {
        return check(url);
    }

    private CheckedTarget check(String url) throws UnknownHostException {
        CheckedTarget target = parse(url);
        String host = target.host();
        boolean admittedByName = allowed.stream().anyMatch(a -> a.admitsName(host, target.port()));
        List<InetAddress> addresses;
        if (IpLiterals.isIpv6Literal(host) || IpLiterals.isCanonicalIpv4(host)) {
            addresses = List.of(literal(host));
        } else {
            if (!admittedByName) {
                refuseSpecialNames(host);
            }
            addresses = resolver.resolve(host);
            if (addresses.isEmpty()) {
                throw new UnknownHostException(host);
            }
        }
        if (!admittedByName) {
            for (InetAddress address : addresses) {
                refuseForbidden(host, address, target.port());
            }
        }
        return new CheckedTarget(target.uri(), target.scheme(), host, target.port(), addresses);
    }

    /** Scheme, host, port and user information as written; no lookup. */
    private CheckedTarget parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new ForbiddenTarget("'" + url + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowPlainHttp)) {
            throw new ForbiddenTarget(allowPlainHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null) {
            throw new ForbiddenTarget("must name a host (a fully qualified domain name or a.b.c.d)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ForbiddenTarget("must not carry user information (user:password@)");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new CheckedTarget(uri, scheme, host, port, List.of());
    }

    private static void refuseSpecialNames(String host) {
        if (IpLiterals.isOddIpv4Spelling(host)) {
            throw new ForbiddenTarget("host '" + host + "' spells an IP address in a form other than a.b.c.d");
        }
        if (!host.contains(".")) {
            throw new ForbiddenTarget("host '" + host + "' is not a fully qualified domain name");
        }
        if (SPECIAL_USE_NAMES.contains(host) || SPECIAL_USE_SUFFIXES.stream().anyMatch(host::endsWith)) {
            throw new ForbiddenTarget("host '" + host + "' is a special-use name that never leads to a public host");
        }
    }

    private void refuseForbidden(String host, InetAddress address, int port) {
        if (allowed.stream().anyMatch(a -> a.admitsAddress(address, port))) {
            return;
        }
        Optional<String> reason = ForbiddenAddresses.reasonFor(address);
        if (reason.isPresent()) {
            boolean literal = IpLiterals.isIpv6Literal(host) || IpLiterals.isCanonicalIpv4(host);
            String where = literal ? "address " + host
                    : "host '" + host + "' resolves to " + address.getHostAddress() + ", which";
            throw new ForbiddenTarget(where + " is " + reason.get() + ", not a public address; the hub sends nothing there");
        }
    }

    private static InetAddress literal(String host) {
        if (host.contains("%")) {
            throw new ForbiddenTarget("address " + host + " names a network interface (a link-local address)");
        }
        try {
            return Cidr.literal(host);
        } catch (IllegalArgumentException e) {
            throw new ForbiddenTarget(e.getMessage());
        }
    }
}
