package org.esphub.governance.agreements;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.esphub.governance.audit.AuditAction;

/**
 * One exchange an agreement allows: who receives what, for which purposes.
 *
 * @param name what the hub calls the exchange: the Camel route id ({@code pes-register-jobseeker}),
 *     {@code webhook.<event>} for a webhook event, {@code api.<operation>} for an API answer
 * @param receiver the party that receives the data (one of the agreement's parties)
 * @param action what the exchange does with the data, for the audit record
 * @param resourceType what the data is about, for the audit record (e.g. {@code jobseeker})
 * @param purposes the agreement's purposes this exchange may serve
 * @param consentRequired whether the person's consent for the purpose must be valid
 * @param fields the only fields that may leave, as paths into the payload
 *     ({@code birth_date}, {@code employment_details.employer_name}); {@code *} releases the
 *     payload whole and is meant only for receivers whose role needs complete records (auditors)
 * @param responseFields for request-reply exchanges, the only fields the hub keeps from the answer
 * @param partnerField when the receiver is a group of partners (the party {@code employers} stands for every
 *     employer with a vacancy at PES), the payload field that names the one partner the exchange reaches
 *     ({@code employer_id}); the gate records that partner with the release, so the hub can later tell which
 *     partner holds what (a correction reaches exactly the employers that received the old value)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgreementExchange(
        String name,
        String description,
        Channel channel,
        String receiver,
        AuditAction action,
        String resourceType,
        List<String> purposes,
        Boolean consentRequired,
        List<String> fields,
        List<String> responseFields,
        Boolean essentialForBenefitPayment,
        String partnerField) {

    public AgreementExchange {
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
        fields = fields == null ? List.of() : List.copyOf(fields);
        responseFields = responseFields == null ? List.of() : List.copyOf(responseFields);
    }

    public boolean serves(String purpose) {
        return purposes.contains(purpose);
    }

    public boolean needsConsent() {
        return Boolean.TRUE.equals(consentRequired);
    }

    /**
     * The exchange keeps a benefit paid (DG.EMPL.05 service continuity): a restriction of processing
     * does not hold it. Written out only where true ({@code essential_for_benefit_payment: true}).
     */
    public boolean keepsBenefitsPaid() {
        return Boolean.TRUE.equals(essentialForBenefitPayment);
    }
}
