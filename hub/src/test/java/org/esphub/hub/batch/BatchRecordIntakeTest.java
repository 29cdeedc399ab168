package org.esphub.hub.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.hub.batch.RecordOutcome.Outcome;
import org.esphub.hub.intake.AgencyEventIntake;
import org.esphub.hub.intake.IntakeReceipt;
import org.esphub.hub.intake.ReferralIntake;
import org.junit.jupiter.api.Test;

/**
 * A record goes into the one intake as if its agency had put it on the queue, taken as the SFTP
 * user of its directory, and the intake's answer becomes the report's outcome.
 */
class BatchRecordIntakeTest {

    private static final int ATTEMPTS = 8;
    private static final String REFERRAL = "{\"header\":{\"message_id\":\"m-1\",\"action\":\"create-referral\"},"
            + "\"message\":{\"referral_request\":[{\"reference_id\":\"REF-1\"}]}}";
    private static final String STATUS_UPDATE = "{\"header\":{\"message_id\":\"m-2\",\"action\":\"notify-event\"},"
            + "\"message\":{\"event_type\":\"JobseekerRegistered\",\"reference_id\":\"REF-1\"}}";

    private final ReferralIntake referrals = mock(ReferralIntake.class);
    private final AgencyEventIntake events = mock(AgencyEventIntake.class);
    private final BatchRecordIntake intake = new BatchRecordIntake(referrals, events, new ObjectMapper(), ATTEMPTS);

    @Test
    void a_referral_goes_to_the_queue_intake_as_the_directorys_agency_user() {
        when(referrals.acceptFromQueue(REFERRAL, null, "sa-system")).thenReturn(receipt(IntakeReceipt.Status.ACCEPTED));

        RecordOutcome outcome = intake.take(1, REFERRAL, "sa-system");

        assertThat(outcome).isEqualTo(new RecordOutcome(1, "m-1", List.of("REF-1"), Outcome.ACCEPTED, null, null));
        verifyNoInteractions(events);
    }

    @Test
    void a_referral_taken_before_is_already_known_and_one_refused_at_intake_is_rejected_with_its_code() {
        when(referrals.acceptFromQueue(anyString(), isNull(), eq("sa-system")))
                .thenReturn(receipt(IntakeReceipt.Status.DUPLICATE_REFERENCE),
                        new IntakeReceipt("c", true, List.of()),
                        new IntakeReceipt("c", false, List.of(new IntakeReceipt.Item("REF-1",
                                IntakeReceipt.Status.REJECTED, "rjct.referral.duplicate_active"))));

        assertThat(intake.take(1, REFERRAL, "sa-system").outcome()).isEqualTo(Outcome.ALREADY_KNOWN);
        assertThat(intake.take(2, REFERRAL, "sa-system").outcome()).isEqualTo(Outcome.ALREADY_KNOWN);
        RecordOutcome refused = intake.take(3, REFERRAL, "sa-system");
        assertThat(refused.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(refused.code()).isEqualTo("rjct.referral.duplicate_active");
    }

    @Test
    void a_status_update_goes_to_the_event_intake_on_its_last_attempt_a_file_is_read_once() {
        when(events.accept("pes-system", STATUS_UPDATE, ATTEMPTS, "pes-system")).thenReturn(
                AgencyEventIntake.Outcome.TAKEN, AgencyEventIntake.Outcome.HELD, AgencyEventIntake.Outcome.TAKEN_BEFORE);

        assertThat(intake.take(1, STATUS_UPDATE, "pes-system").outcome()).isEqualTo(Outcome.ACCEPTED);
        RecordOutcome held = intake.take(2, STATUS_UPDATE, "pes-system");
        assertThat(held.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(held.reason()).contains("held");
        assertThat(intake.take(3, STATUS_UPDATE, "pes-system").outcome()).isEqualTo(Outcome.ALREADY_KNOWN);
        verifyNoInteractions(referrals);
    }

    @Test
    void a_refusal_is_the_records_alone_with_the_code_and_reason_the_dead_letter_would_carry() {
        when(events.accept(anyString(), anyString(), any(), anyString())).thenThrow(new DciRejection(
                DciReasonCode.REQUEST_BAD, "sa-system event is not valid JSON: broken"));

        RecordOutcome outcome = intake.take(4, "not json", "sa-system");

        assertThat(outcome.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(outcome.code()).isEqualTo("err.request.bad");
        assertThat(outcome.reason()).contains("not valid JSON");
        assertThat(outcome.messageId()).isNull();
    }

    @Test
    void a_technical_fault_is_not_a_refusal_the_whole_file_is_taken_again_later() {
        when(referrals.acceptFromQueue(anyString(), isNull(), anyString()))
                .thenThrow(new IllegalStateException("database unavailable"));

        assertThatThrownBy(() -> intake.take(1, REFERRAL, "sa-system")).hasMessage("database unavailable");
        verify(referrals).acceptFromQueue(REFERRAL, null, "sa-system");
    }

    private static IntakeReceipt receipt(IntakeReceipt.Status status) {
        return new IntakeReceipt("c", false, List.of(new IntakeReceipt.Item("REF-1", status, null)));
    }
}
