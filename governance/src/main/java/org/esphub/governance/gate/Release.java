package org.esphub.governance.gate;

import java.util.List;
import java.util.Map;
import org.esphub.governance.agreements.AgreementExchange;
import org.esphub.governance.agreements.DataSharingAgreement;

/**
 * What the gate let go, and under what.
 *
 * @param payload the payload cut down to the agreement's fields: the only thing to send
 * @param removedFields the paths the gate removed (recorded in the audit record)
 * @param consentId the consent the exchange relied on, if it needed one
 * @param auditSequence the committed audit record of the release
 */
public record Release(
        Map<String, Object> payload,
        DataSharingAgreement agreement,
        AgreementExchange exchange,
        List<String> removedFields,
        String consentId,
        long auditSequence) {

    /** The fields the hub may keep from the receiver's answer, comma-separated (routes pass it to their mapper). */
    public String responseFields() {
        return String.join(",", exchange.responseFields());
    }
}
