package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Routes {@code pes-events-inbound} and {@code sa-events-inbound}: events an agency puts on its
 * queue, handed to the intake that correlates them to the waiting process. Both routes promise
 * the same behaviour, so every case runs against each.
 */
class AgencyEventsInboundRouteTest extends RouteTestSupport {

    private static final String EVENT = "{\"header\":{\"action\":\"notify\",\"message_id\":\"e-1\"},"
            + "\"message\":{\"event_type\":\"RegistrationConfirmed\",\"reference_id\":\"REF-4\"}}";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pes-events-inbound, PES", "sa-events-inbound, SA"})
    void an_event_reaches_the_intake_as_text_with_its_agency_delivery_count_and_broker_user(String route,
            String agencyName) {
        Exchange done = deliver(route, JmsMessages.text(EVENT, "pes-system"), Map.of("JMSXDeliveryCount", 3));

        assertThat(done.getException()).isNull();
        assertThat(agencyEventIntake.calls())
                .containsExactly(new RecordingAgencyEventIntake.Call(agencyName, EVENT, 3, "pes-system"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pes-events-inbound, esp.pes.events.in", "sa-events-inbound, esp.sa.events.in"})
    void an_object_message_is_parked_with_its_reason_and_never_deserialized(String route, String queue)
            throws Exception {
        AtomicBoolean deserialized = new AtomicBoolean();
        MockEndpoint deadLetter = queue("DLQ");
        deadLetter.expectedMessageCount(1);
        deadLetter.expectedHeaderReceived("EspRejectionCode", "err.request.bad");
        deadLetter.expectedHeaderReceived("EspRejectedFrom", queue);

        Exchange done = deliver(route, JmsMessages.object("pes-system", deserialized), Map.of("JMSXDeliveryCount", 1));

        deadLetter.assertIsSatisfied();
        assertThat(deserialized).as("ObjectMessage.getObject() called").isFalse();
        assertThat(agencyEventIntake.calls()).isEmpty();
        assertThat(done.getException()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pes-events-inbound", "sa-events-inbound"})
    void an_event_over_the_size_limit_is_parked_and_not_processed(String route) throws Exception {
        MockEndpoint deadLetter = queue("DLQ");
        deadLetter.expectedMessageCount(1);

        deliver(route, JmsMessages.text("x".repeat((int) MAX_MESSAGE_BYTES + 1), "pes-system"),
                Map.of("JMSXDeliveryCount", 1));

        deadLetter.assertIsSatisfied();
        assertThat(agencyEventIntake.calls()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pes-events-inbound, esp.pes.events.in", "sa-events-inbound, esp.sa.events.in"})
    void an_event_rejected_by_intake_is_parked_in_the_dead_letter_queue_with_its_reason(String route, String queue)
            throws Exception {
        agencyEventIntake.failWith(new DciRejection(DciReasonCode.ACTION_NOT_SUPPORTED, "unknown event type TrainingStarted"));
        MockEndpoint deadLetter = queue("DLQ");
        deadLetter.expectedBodiesReceived(EVENT);
        deadLetter.expectedHeaderReceived("EspRejectionCode", "rjct.action.not_supported");
        deadLetter.expectedHeaderReceived("EspRejectionReason", "rjct.action.not_supported: unknown event type TrainingStarted");
        deadLetter.expectedHeaderReceived("EspRejectedFrom", queue);

        Exchange done = deliver(route, JmsMessages.text(EVENT, "pes-system"), Map.of("JMSXDeliveryCount", 1));

        deadLetter.assertIsSatisfied();
        assertThat(done.getException()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pes-events-inbound", "sa-events-inbound"})
    void a_technical_fault_in_intake_fails_the_delivery_so_the_event_is_rolled_back_not_parked(String route)
            throws Exception {
        agencyEventIntake.failWith(new IllegalStateException("no process waits for REF-4 yet"));
        MockEndpoint deadLetter = queue("DLQ");
        deadLetter.expectedMessageCount(0);

        Exchange done = deliver(route, JmsMessages.text(EVENT, "pes-system"), Map.of("JMSXDeliveryCount", 1));

        assertThat(done.getException()).isInstanceOf(IllegalStateException.class).hasMessage("no process waits for REF-4 yet");
        deadLetter.assertIsSatisfied();
    }
}
