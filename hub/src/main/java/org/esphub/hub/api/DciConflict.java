package org.esphub.hub.api;

import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;

/**
 * A well-formed request refused because of what the caller already has (e.g. its quota of
 * webhook subscriptions); answered 409 with the DCI code.
 */
public class DciConflict extends DciRejection {

    public DciConflict(DciReasonCode reasonCode, String message) {
        super(reasonCode, message);
    }
}
