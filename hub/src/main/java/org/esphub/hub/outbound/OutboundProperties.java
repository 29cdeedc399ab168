package org.esphub.hub.outbound;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code esp.outbound}: where webhooks and DCI callbacks may go (README "Outbound targets").
 * Checked while binding, so a bad allow-list entry stops the hub at start-up, named.
 *
 * @param allowPlainHttp whether {@code http://} URLs are accepted; off unless a profile says so
 *        (the demo profile does, for its simulators and local receivers)
 * @param allowedTargets host names, addresses or address blocks, each optionally with
 *        {@code :port}, that may be targets although their address is loopback, private,
 *        link-local, ... (see {@link ForbiddenAddresses}); empty in production unless configured
 */
@ConfigurationProperties("esp.outbound")
public record OutboundProperties(
        @DefaultValue("false") boolean allowPlainHttp,
        @DefaultValue List<String> allowedTargets) {

    public OutboundProperties {
        // an unset environment variable gives one empty entry
        allowedTargets = allowedTargets.stream().filter(entry -> entry != null && !entry.isBlank()).toList();
        for (int i = 0; i < allowedTargets.size(); i++) {
            try {
                AllowedTarget.parse(allowedTargets.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("esp.outbound.allowed-targets[" + i + "]: " + e.getMessage());
            }
        }
    }

    List<AllowedTarget> parsedAllowedTargets() {
        List<AllowedTarget> parsed = new ArrayList<>();
        allowedTargets.forEach(entry -> parsed.add(AllowedTarget.parse(entry)));
        return parsed;
    }
}
