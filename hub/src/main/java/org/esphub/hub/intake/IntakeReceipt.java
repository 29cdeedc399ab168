package org.esphub.hub.intake;

import java.util.List;

/** What the hub did with one create-referral message: per item, started or already known. */
public record IntakeReceipt(String correlationId, boolean duplicateMessage, List<Item> items) {

    static IntakeReceipt duplicateMessage(String correlationId) {
        return new IntakeReceipt(correlationId, true, List.of());
    }

    /** One referral item's outcome; {@code processInstanceId} is null when nothing started. */
    public record Item(String referenceId, Status status, String processInstanceId) {

        static Item started(String referenceId, String processInstanceId) {
            return new Item(referenceId, Status.STARTED, processInstanceId);
        }

        static Item duplicate(String referenceId) {
            return new Item(referenceId, Status.DUPLICATE_REFERENCE, null);
        }
    }

    public enum Status { STARTED, DUPLICATE_REFERENCE }
}
