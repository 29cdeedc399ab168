package org.esphub.hub.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.esphub.workers.handoff.HandoffHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link LiveStatusSources} against stand-in routes of the two sources. */
class LiveStatusSourcesTest {

    private CamelContext camel;

    @BeforeEach
    void sources() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // as the route answers when the hub will not ask (the gate, or an id it will not put into a URL)
                from("direct:pes-labour-status")
                        .setHeader(HandoffHeaders.BPMN_ERROR_CODE, constant("EXCHANGE_REFUSED"))
                        .setHeader(HandoffHeaders.BPMN_ERROR_MESSAGE, constant("UNUSABLE_IDENTIFIER: ..."))
                        .setBody(constant(null));
                from("direct:tax-insured-employment")
                        .setBody(constant(Map.of("as_of", "2026-11-25", "employments", List.of())));
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void a_source_the_hub_refused_to_ask_is_left_out_as_not_answered() {
        LiveStatusSources sources = new LiveStatusSources(camel.createProducerTemplate(), 5_000);

        LiveStatusSources.Answers answers = sources.ask("10000000042", "corr-1");

        assertThat(answers.answered()).isEqualTo(1);
        assertThat(answers.personUnknown()).isFalse();
        assertThat(answers.observations()).containsOnlyKeys(StatusSource.TAX_SOCIAL_INSURANCE);
    }
}
