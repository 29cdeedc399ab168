package org.esphub.processes;

import java.util.Set;

/**
 * The BPMN messages agency systems may send as events ({@code message.event_type} on
 * {@code esp.pes.events.in} or {@code esp.sa.events.in}), across all processes. The hub refuses
 * any other event type rather than guess where it belongs.
 */
public final class AgencyEvents {

    /** Messages that reach a process waiting under the event's reference_id. */
    public static final Set<String> WAITED_FOR = Set.of(
            ReferralToPes.MESSAGE_REGISTRATION_CONFIRMED,
            TrainingEnrolment.MESSAGE_TRAINING_BENEFIT_DECIDED,
            TrainingEnrolment.MESSAGE_ATTENDANCE_REPORTED,
            TrainingEnrolment.MESSAGE_TRAINING_COMPLETED,
            TrainingEnrolment.MESSAGE_TRAINING_DROPPED_OUT,
            JobPlacement.MESSAGE_EMPLOYER_DECIDED,
            JobPlacement.MESSAGE_PLACEMENT_REPORTED,
            JobPlacement.MESSAGE_EMPLOYMENT_ENDED,
            BenefitAdjustment.MESSAGE_APPEAL_FILED);

    /** Messages that start a process of their own, with the event's reference_id as business key. */
    public static final Set<String> STARTING = Set.of(Appeal.MESSAGE_EXTERNAL_DECISION_APPEALED);

    private AgencyEvents() {
    }

    public static boolean isKnown(String messageName) {
        return WAITED_FOR.contains(messageName) || STARTING.contains(messageName);
    }
}
