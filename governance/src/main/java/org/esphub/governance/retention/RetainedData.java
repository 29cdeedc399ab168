package org.esphub.governance.retention;

import java.time.Instant;
import org.esphub.governance.agreements.DataSharingAgreement;

/**
 * Personal data the hub keeps from exchanges under an agreement (process history, outboxes, ...).
 * Each store implements this once; the retention job applies every agreement's retention to it.
 */
public interface RetainedData {

    /** What the store holds, as audit records name it, e.g. {@code referral}. */
    String resourceType();

    /**
     * Deletes what this store holds under the agreement for cases closed before the cutoff.
     *
     * @return how many records were deleted
     */
    int purge(DataSharingAgreement agreement, Instant closedBefore);
}
