package org.esphub.hub.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The webhook client's resolver: refuses every lookup. {@link WebhookSender} gives the client the
 * address it checked with each request, so the client never needs one; if a code path ever did
 * look a name up, it fails closed instead of connecting to an address nobody checked.
 */
final class NoUncheckedLookups implements DnsResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        throw new UnknownHostException(host + ": the webhook client connects only to addresses checked before");
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        throw new UnknownHostException(host + ": the webhook client connects only to addresses checked before");
    }
}
