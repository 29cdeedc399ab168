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

    /**
     * The receiver's answer cut down to the agreement's {@code response_fields}: what the hub may
     * keep of it. An exchange whose agreement lists no response fields keeps nothing.
     */
    public Map<String, Object> admit(Map<String, Object> answer) {
        if (answer == null) {
            return Map.of();
        }
        return FieldFilter.apply(answer, exchange.responseFields()).payload();
    }
}
