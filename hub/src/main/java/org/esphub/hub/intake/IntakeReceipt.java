package org.esphub.hub.intake;

import java.util.List;

/** What the hub did with one create-referral message: per item, accepted, already known or refused. */
public record IntakeReceipt(String correlationId, boolean duplicateMessage, List<Item> items) {

    static IntakeReceipt duplicateMessage(String correlationId) {
        return new IntakeReceipt(correlationId, true, List.of());
    }

    /** One referral item's outcome; {@code rejectionCode} is set when the item was refused. */
    public record Item(String referenceId, Status status, String rejectionCode) {

        static Item accepted(String referenceId) {
            return new Item(referenceId, Status.ACCEPTED, null);
        }

        static Item duplicate(String referenceId) {
            return new Item(referenceId, Status.DUPLICATE_REFERENCE, null);
        }

        static Item rejected(String referenceId, String rejectionCode) {
            return new Item(referenceId, Status.REJECTED, rejectionCode);
        }
    }

    /**
     * ACCEPTED: a new referral, recorded and waiting for its process, which starts once the ACK
     * committed ({@link ReferralStarter}); DUPLICATE_REFERENCE: this reference_id was taken before
     * (a resend), nothing new; REJECTED: refused with a reason, reported back to the sender.
     */
    public enum Status { ACCEPTED, DUPLICATE_REFERENCE, REJECTED }
}
