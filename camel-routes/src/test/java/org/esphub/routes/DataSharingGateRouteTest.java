package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The gate's route configuration applies to every route, including one written without thinking
 * of it: a new route to an agency is refused until an agreement names it.
 */
class DataSharingGateRouteTest extends RouteTestSupport {

    @Test
    void a_new_http_route_that_no_agreement_names_sends_nothing_and_ends_as_exchange_refused() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:tax.fetch-income").routeId("tax-fetch-income")
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .to(agency.baseUrl() + "/income");
            }
        });
        agency.answers(200, "{}");

        Exchange reply = handOff("tax.fetch-income", Map.of("personId", "P-9", "income", 1200), Map.of(
                "EspBusinessKey", "REF-9", "EspCorrelationId", "corr-9"));

        assertThat(agency.requests()).isEmpty();
        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isEqualTo("EXCHANGE_REFUSED");
        assertThat(reply.getMessage().getHeader("EspBpmnErrorMessage", String.class))
                .startsWith("NO_AGREEMENT: tax-fetch-income: ");
        assertThat(governance.auditedAbout("P-9")).singleElement()
                .satisfies(entry -> assertThat(entry.event().outcome().name()).isEqualTo("REFUSED"));
    }

    @Test
    void a_new_jms_route_that_no_agreement_names_sends_nothing() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // its own entry: the packaged route pes-notify-outcome consumes direct:pes.notify-outcome
                from("direct:pes.notify-outcome-unlisted").routeId("pes-notify-outcome-unlisted")
                        .to("jms:queue:esp.pes.notifications.out");
            }
        });
        MockEndpoint pesQueue = getMockEndpoint("mock:jms:queue:esp.pes.notifications.out");
        pesQueue.expectedMessageCount(0);

        Exchange reply = handOff("pes.notify-outcome-unlisted", Map.of("personId", "P-10"), Map.of());

        pesQueue.assertIsSatisfied();
        assertThat(reply.getMessage().getHeader("EspBpmnErrorMessage", String.class)).startsWith("NO_AGREEMENT");
    }

    @Test
    void a_route_that_hands_an_endpoint_serialised_text_is_a_technical_fault_not_a_way_around_the_gate()
            throws Exception {
        governance.consentGivenBy("P-11");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:pes.register-jobseeker-as-text").routeId("pes-register-jobseeker-as-text")
                        .setBody(constant("{\"person_id\":\"P-11\",\"household_size\":4}"))
                        .to(agency.baseUrl() + "/jobseekers");
            }
        });

        Exchange reply = handOff("pes.register-jobseeker-as-text", Map.of("personId", "P-11"), Map.of());

        assertThat(agency.requests()).isEmpty();
        assertThat(reply.getException()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hand it the payload as a map");
    }

    @Test
    void the_packaged_routes_pass_the_start_up_check() {
        GatedRoutes.check(context);
    }

    @Test
    void another_interceptor_of_sends_stops_the_start() throws Exception {
        context.addRoutes(new org.apache.camel.builder.RouteConfigurationBuilder() {
            @Override
            public void configuration() {
                routeConfiguration("signing").interceptSendToEndpoint("jms*").to("log:sign");
            }
        });

        assertThatThrownBy(() -> GatedRoutes.check(context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("interceptSendToEndpoint [jms*]");
    }

    @Test
    void a_route_that_names_its_own_route_configuration_stops_the_start() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:escape").routeId("escape").routeConfigurationId("none").to("log:escape");
            }
        });

        assertThatThrownBy(() -> GatedRoutes.check(context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[escape]");
    }

    @Test
    void a_send_to_an_endpoint_built_from_data_stops_the_start_wherever_it_hides() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:steered-toD").routeId("steered-toD")
                        .choice().when(header("x").isNotNull()).toD(agency.baseUrl() + "/persons/${body}").end();
                from("direct:steered-recipients").routeId("steered-recipients")
                        .filter(header("y").isNotNull()).recipientList(simple("${header.target}"));
                from("direct:steered-tap").routeId("steered-tap")
                        .doTry().to("log:try").doCatch(Exception.class).wireTap("jms:queue:${header.queue}").end();
            }
        });

        assertThatThrownBy(() -> GatedRoutes.check(context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("steered-toD: toD")
                .hasMessageContaining("steered-recipients: recipientList")
                .hasMessageContaining("steered-tap: wireTap");
    }
}
