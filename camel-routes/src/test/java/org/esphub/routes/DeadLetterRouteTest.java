package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.junit.jupiter.api.Test;

/** Route {@code reject-to-dead-letter}: a refused inbound message is parked with everything an operator needs to fix it. */
class DeadLetterRouteTest extends RouteTestSupport {

    private static final String REFUSED = "{\"header\":{\"action\":\"create-referral\"}";

    @Test
    void a_parked_message_keeps_its_body_and_carries_the_reason_its_origin_and_when_it_was_refused() throws Exception {
        DciRejection rejection = new DciRejection(DciReasonCode.REQUEST_BAD, "body is not JSON",
                List.of("line 1: unexpected end of input"));
        MockEndpoint deadLetter = queue("DLQ");
        deadLetter.expectedBodiesReceived(REFUSED);
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);

        template.send("direct:reject-to-dead-letter", exchange -> {
            // as inside the inbound routes' doCatch: the caught exception travels as a property
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, rejection);
            exchange.getIn().setHeader("EspRejectedFrom", "esp.referrals.in");
            exchange.getIn().setBody(REFUSED);
        });

        deadLetter.assertIsSatisfied();
        Message parked = deadLetter.getReceivedExchanges().get(0).getIn();
        assertThat(parked.getHeader("EspRejectionCode")).isEqualTo("err.request.bad");
        assertThat(parked.getHeader("EspRejectionReason")).isEqualTo("err.request.bad: body is not JSON; line 1: unexpected end of input");
        assertThat(parked.getHeader("EspRejectedFrom")).isEqualTo("esp.referrals.in");
        assertThat(OffsetDateTime.parse(parked.getHeader("EspRejectedAt", String.class)))
                .isAfter(before)
                .isBefore(OffsetDateTime.now().plusSeconds(1));
    }
}
