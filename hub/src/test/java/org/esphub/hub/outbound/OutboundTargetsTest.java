package org.esphub.hub.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where webhooks and callbacks may go, with a scripted DNS: the rule alone, no hub. */
class OutboundTargetsTest {

    private final ScriptedResolver dns = new ScriptedResolver()
            .answer("hooks.agency.example", "93.184.216.34")
            .answer("dual.agency.example", "93.184.216.34,2606:2800:220:1::1")
            .answer("mixed.agency.example", "93.184.216.34,10.0.0.7")
            .answer("rebinding.example", "93.184.216.34", "127.0.0.1")
            .answer("internal-receiver.gov.example", "10.20.0.5");

    private final OutboundTargets production = new OutboundTargets(dns, new OutboundProperties(false, List.of()));

    @ParameterizedTest
    @ValueSource(strings = {
            // loopback in every spelling a resolver takes
            "https://127.0.0.1/hooks", "https://127.0.0.1:61616/", "https://127.1/", "https://2130706433/",
            "https://0x7f000001/", "https://0x7f.0.0.1/", "https://017700000001/", "https://0177.0.0.1/",
            "https://127.000.000.001/", "https://[::1]/", "https://[0:0:0:0:0:0:0:1]/", "https://[::ffff:127.0.0.1]/",
            "https://[::ffff:7f00:1]/", "https://[::127.0.0.1]/", "https://[64:ff9b::7f00:1]/", "https://[2002:7f00:1::]/",
            "https://localhost/", "https://LOCALHOST./", "https://api.localhost/",
            // unspecified
            "https://0.0.0.0/", "https://0/", "https://[::]/",
            // private, carrier-grade NAT, link-local, multicast, broadcast
            "https://10.0.0.1/", "https://172.16.5.4/", "https://192.168.1.1/", "https://[fd12:3456::1]/",
            "https://100.64.0.1/", "https://169.254.10.10/", "https://[fe80::1]/", "https://[fe80::1%25eth0]/",
            "https://224.0.0.1/", "https://[ff02::1]/", "https://255.255.255.255/",
            // cloud metadata services
            "https://169.254.169.254/latest/meta-data/", "https://[fd00:ec2::254]/", "https://[::ffff:169.254.169.254]/",
            "https://metadata.google.internal/computeMetadata/v1/", "https://metadata.goog/", "https://metadata/",
            "https://100.100.100.200/",
            // names that resolve to one forbidden address among public ones
            "https://mixed.agency.example/hooks",
            // not a URL the hub calls at all
            "http://hooks.agency.example/", "ftp://hooks.agency.example/", "https://user:pw@hooks.agency.example/",
            "hooks.agency.example/x"})
    void forbidden_targets_are_refused_at_registration(String url) {
        assertThatThrownBy(() -> production.checkForRegistration(url)).isInstanceOf(ForbiddenTarget.class);
    }

    @Test
    void the_refusal_says_why() {
        assertThatThrownBy(() -> production.checkForRegistration("https://169.254.169.254/"))
                .hasMessageContaining("cloud metadata service");
        assertThatThrownBy(() -> production.checkForRegistration("https://0x7f000001/"))
                .hasMessageContaining("a.b.c.d");
        assertThatThrownBy(() -> production.checkForRegistration("https://mixed.agency.example/"))
                .hasMessageContaining("resolves to 10.0.0.7").hasMessageContaining("private");
        assertThatThrownBy(() -> production.checkForRegistration("http://hooks.agency.example/"))
                .hasMessage("must be an https URL");
    }

    @Test
    void a_public_https_target_is_accepted_with_every_address_it_resolves_to() throws UnknownHostException {
        CheckedTarget target = production.checkForDelivery("https://dual.agency.example/hooks?x=1");

        assertThat(target.host()).isEqualTo("dual.agency.example");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.addresses()).extracting(a -> a.getHostAddress())
                .containsExactly("93.184.216.34", "2606:2800:220:1:0:0:0:1");
    }

    @Test
    void a_name_that_does_not_resolve_yet_is_accepted_at_registration_but_not_called() {
        assertThat(production.checkForRegistration("https://not-yet.agency.example/hooks").addresses()).isEmpty();
        assertThatThrownBy(() -> production.checkForDelivery("https://not-yet.agency.example/hooks"))
                .isInstanceOf(UnknownHostException.class);
    }

    @Test
    void a_name_that_rebinds_to_loopback_after_registration_is_refused_at_delivery() {
        assertThat(production.checkForRegistration("https://rebinding.example/hooks").addresses())
                .extracting(a -> a.getHostAddress()).containsExactly("93.184.216.34");

        assertThatThrownBy(() -> production.checkForDelivery("https://rebinding.example/hooks"))
                .isInstanceOf(ForbiddenTarget.class).hasMessageContaining("127.0.0.1").hasMessageContaining("loopback");
    }

    @Test
    void the_allow_list_admits_exactly_what_it_names() throws UnknownHostException {
        OutboundTargets demo = new OutboundTargets(dns, new OutboundProperties(true,
                List.of("localhost:8080", "127.0.0.1:8080", "10.20.0.0/16:443")));

        assertThat(demo.checkForRegistration("http://localhost:8080/sim/sa/callbacks").host()).isEqualTo("localhost");
        assertThat(demo.checkForDelivery("http://127.0.0.1:8080/x").addresses()).hasSize(1);
        assertThat(demo.checkForDelivery("https://internal-receiver.gov.example/hooks").addresses()).hasSize(1);
        // other ports of the same hosts stay closed: the broker, the database, ...
        for (String url : List.of("http://127.0.0.1:61616/", "http://localhost:5432/", "http://[::1]:8080/",
                "http://2130706433:8080/", "http://internal-receiver.gov.example:8443/")) {
            assertThatThrownBy(() -> demo.checkForRegistration(url)).as(url).isInstanceOf(ForbiddenTarget.class);
        }
    }

    @Test
    void plain_http_only_where_configuration_allows_it() {
        OutboundTargets demo = new OutboundTargets(dns, new OutboundProperties(true, List.of()));

        assertThat(demo.checkForRegistration("http://hooks.agency.example/x").scheme()).isEqualTo("http");
        assertThatThrownBy(() -> production.checkForRegistration("http://hooks.agency.example/x"))
                .isInstanceOf(ForbiddenTarget.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x7f000001:8080", "10.0.0.0/33", "fd00::/8:443", "host:99999", "bad host!"})
    void a_bad_allow_list_entry_stops_the_hub_naming_it(String entry) {
        assertThatThrownBy(() -> new OutboundProperties(false, List.of("ok.example", entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("esp.outbound.allowed-targets[1]");
    }
}
