package org.esphub.hub.intake;

import java.util.List;

/** What the hub did with one create-referral message: per item, started or already known. */
public record IntakeReceipt(String correlationId, boolean duplicateMessage, List<Item> items) {

    static IntakeReceipt duplicateMessage(String correlationId) {
        return new IntakeReceipt(correlationId, true, List.of());
    }

    /**
     * One referral item's outcome; {@code processInstanceId} is null when nothing started, and
     * {@code rejectionCode} is set when the item was refused.
     */
    public record Item(String referenceId, Status status, String processInstanceId, String rejectionCode) {

        static Item started(String referenceId, String processInstanceId) {
            return new Item(referenceId, Status.STARTED, processInstanceId, null);
        }

        static Item duplicate(String referenceId) {
            return new Item(referenceId, Status.DUPLICATE_REFERENCE, null, null);
        }

        static Item rejected(String referenceId, String rejectionCode) {
            return new Item(referenceId, Status.REJECTED, null, rejectionCode);
        }
    }

    /**
     * STARTED: a new referral process; DUPLICATE_REFERENCE: this reference_id was taken before
     * (a resend), nothing new; REJECTED: refused with a reason, reported back to the sender.
     */
    public enum Status { STARTED, DUPLICATE_REFERENCE, REJECTED }
}
