package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
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
    void a_referral_sent_as_text_reaches_the_intake_unchanged_with_its_correlation_id_and_broker_user() {
        Exchange done = deliver(ROUTE, JmsMessages.text(ENVELOPE, "sa-system"), Map.of("JMSCorrelationID", "corr-8"));

        assertThat(done.getException()).isNull();
        assertThat(referralIntake.calls()).containsExactly(new RecordingReferralIntake.Call(ENVELOPE, "corr-8", "sa-system"));
    }

    @Test
    void a_broker_user_claimed_in_a_header_by_the_sender_is_replaced_by_the_one_the_broker_validated() {
        Exchange done = deliver(ROUTE, JmsMessages.text(ENVELOPE, "tvet-provider"),
                Map.of("JMSCorrelationID", "corr-8", InboundJmsMessage.BROKER_USER, "sa-system"));

        assertThat(done.getException()).isNull();
        assertThat(referralIntake.calls()).extracting(RecordingReferralIntake.Call::brokerUser).containsExactly("tvet-provider");
    }

    @Test
    void an_object_message_is_parked_with_its_reason_and_never_deserialized() throws Exception {
        AtomicBoolean deserialized = new AtomicBoolean();
        MockEndpoint deadLetter = queue("DLQ");
        deadLetter.expectedMessageCount(1);
        deadLetter.expectedHeaderReceived("EspRejectionCode", "err.request.bad");
        deadLetter.expectedHeaderReceived("EspRejectedFrom", "esp.referrals.in");

        Exchange done = deliver(ROUTE, JmsMessages.object("sa-system", deserialized), Map.of());

        deadLetter.assertIsSatisfied();
        assertThat(deadLetter.getExchanges().get(0).getMessage().getHeader("EspRejectionReason", String.class))
                .contains("only JSON text messages are accepted").contains("ObjectMessage");
        assertThat(deserialized).as("ObjectMessage.getObject() called").isFalse();
        assertThat(referralIntake.calls()).isEmpty();
        assertThat(done.getException()).isNull();
    }

    @Test
    void a_bytes_message_is_parked_with_its_reason_unread() throws Exception {
        AtomicBoolean read = new AtomicBoolean();
        MockEndpoint deadLetter = queue("DLQ");
        deadLetter.expectedMessageCount(1);
        deadLetter.expectedHeaderReceived("EspRejectionCode", "err.request.bad");

        deliver(ROUTE, JmsMessages.bytes("sa-system", read), Map.of());

        deadLetter.assertIsSatisfied();
        assertThat(deadLetter.getExchanges().get(0).getMessage().getHeader("EspRejectionReason", String.class))
                .contains("BytesMessage");
        assertThat(read).isFalse();
        assertThat(referralIntake.calls()).isEmpty();
    }

    @Test
    void a_message_over_the_size_limit_is_parked_with_its_reason_and_not_processed() throws Exception {
        String oversize = "{\"pad\":\"" + "é".repeat((int) MAX_MESSAGE_BYTES / 2) + "\"}";
        MockEndpoint deadLetter = queue("DLQ");
        deadLetter.expectedMessageCount(1);
        deadLetter.expectedHeaderReceived("EspRejectionCode", "err.request.bad");

        deliver(ROUTE, JmsMessages.text(oversize, "sa-system"), Map.of());

        deadLetter.assertIsSatisfied();
        assertThat(deadLetter.getExchanges().get(0).getMessage().getHeader("EspRejectionReason", String.class))
                .contains("larger than the " + MAX_MESSAGE_BYTES + " bytes");
        assertThat(referralIntake.calls()).isEmpty();
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

        Exchange done = deliver(ROUTE, JmsMessages.text(ENVELOPE, "sa-system"), Map.of("JMSCorrelationID", "corr-9"));

        deadLetter.assertIsSatisfied();
        // parked is handled: the consumer commits, so the sender's broken message is not redelivered
        assertThat(done.getException()).isNull();
    }

    @Test
    void a_technical_fault_in_intake_fails_the_delivery_so_the_message_is_rolled_back_not_parked() throws Exception {
        referralIntake.failWith(new IllegalStateException("engine unavailable"));
        MockEndpoint deadLetter = queue("DLQ");
        deadLetter.expectedMessageCount(0);

        Exchange done = deliver(ROUTE, JmsMessages.text(ENVELOPE, "sa-system"), Map.of("JMSCorrelationID", "corr-10"));

        assertThat(done.getException()).isInstanceOf(IllegalStateException.class).hasMessage("engine unavailable");
        deadLetter.assertIsSatisfied();
    }
}
