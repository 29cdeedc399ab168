package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.junit.jupiter.api.Test;

/** Route {@code sa-referrals-inbound}: create-referral envelopes from SA on {@code esp.referrals.in}. */
class SaReferralsInboundRouteTest extends RouteTestSupport {

    private static final String ROUTE = "sa-referrals-inbound";
    // JSON is full of the commas, quotes and parentheses a method expression could trip over
    private static final String ENVELOPE = "{\"header\":{\"action\":\"create-referral\",\"message_id\":\"m-1\"},"
            + "\"message\":{\"note\":\"a (short), \\\"quoted\\\" text; ${not.an.expression}\"}}";

    @Test
    void a_referral_sent_as_bytes_reaches_the_intake_as_text_with_its_jms_correlation_id() {
        Exchange done = deliver(ROUTE, ENVELOPE.getBytes(StandardCharsets.UTF_8), Map.of("JMSCorrelationID", "corr-7"));

        assertThat(done.getException()).isNull();
        assertThat(referralIntake.calls()).containsExactly(new RecordingReferralIntake.Call(ENVELOPE, "corr-7"));
    }

    @Test
    void a_referral_sent_as_text_reaches_the_intake_unchanged() {
        Exchange done = deliver(ROUTE, ENVELOPE, Map.of("JMSCorrelationID", "corr-8"));

        assertThat(done.getException()).isNull();
        assertThat(referralIntake.calls()).containsExactly(new RecordingReferralIntake.Call(ENVELOPE, "corr-8"));
    }

    @Test
    void a_referral_rejected_by_intake_is_parked_in_the_dead_letter_queue_with_its_reason() throws Exception {
        referralIntake.failWith(new DciRejection(DciReasonCode.REQUEST_BAD, "not a DCI envelope",
                List.of("$.header.sender_id: required")));
        MockEndpoint deadLetter = queue("DLQ");
        deadLetter.expectedBodiesReceived(ENVELOPE);
        deadLetter.expectedHeaderReceived("EspRejectionCode", "err.request.bad");
        deadLetter.expectedHeaderReceived("EspRejectionReason", "err.request.bad: not a DCI envelope; $.header.sender_id: required");
        deadLetter.expectedHeaderReceived("EspRejectedFrom", "esp.referrals.in");

        Exchange done = deliver(ROUTE, ENVELOPE.getBytes(StandardCharsets.UTF_8), Map.of("JMSCorrelationID", "corr-9"));

        deadLetter.assertIsSatisfied();
        // parked is handled: the consumer commits, so the sender's broken message is not redelivered
        assertThat(done.getException()).isNull();
    }

    @Test
    void a_technical_fault_in_intake_fails_the_delivery_so_the_message_is_rolled_back_not_parked() throws Exception {
        referralIntake.failWith(new IllegalStateException("engine unavailable"));
        MockEndpoint deadLetter = queue("DLQ");
        deadLetter.expectedMessageCount(0);

        Exchange done = deliver(ROUTE, ENVELOPE, Map.of("JMSCorrelationID", "corr-10"));

        assertThat(done.getException()).isInstanceOf(IllegalStateException.class).hasMessage("engine unavailable");
        deadLetter.assertIsSatisfied();
    }
}
