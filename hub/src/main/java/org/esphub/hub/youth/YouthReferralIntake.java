package org.esphub.hub.youth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.esphub.dci.CompanionOperation;
import org.esphub.dci.DciRejection;
import org.esphub.governance.audit.AuditAction;
import org.esphub.hub.intake.AdmittedMessage;
import org.esphub.hub.intake.ApiItem;
import org.esphub.hub.intake.ApiItemIntake;
import org.esphub.hub.intake.ApiItemOperation;
import org.esphub.hub.intake.ApiItemTerms;
import org.esphub.hub.intake.IntakeLedger;
import org.esphub.hub.intake.ReferralParticipants;
import org.esphub.hub.intake.TakenMessage;
import org.esphub.processes.AgencyKind;
import org.esphub.processes.YouthTransition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /youth-referrals} (PRS.EMPL.07): SA refers young people of the households it supports for the
 * school-to-work transition. Each new item starts {@code youth-transition} (message start
 * {@link YouthTransition#MESSAGE_YOUTH_REFERRED}, the same start as SA's queue event) under its reference_id;
 * an item whose reference_id already names a case of the hub is refused and changes nothing. Taken as every
 * API item is ({@link ApiItemIntake}: schema, sender, signature, the data-sharing gate under exchange
 * {@link #EXCHANGE} for each item, idempotent on message_id, one transaction with the engine's writes); this
 * class is the per-item step. The age band and the consent (the guardian's for a minor) are the case's first
 * steps, so that SA hears the outcome of either the same way, whichever way it referred.
 */
@Service
public class YouthReferralIntake implements ApiItemOperation<Map<String, Object>> {

    /** The agreements' name of this operation (sa-pes-youth-transition). */
    public static final String EXCHANGE = "api.refer-youth";
    public static final String PURPOSE = YouthTransition.PURPOSE_YOUTH_TRANSITION;
    /** The item refusal when its reference_id already names a case (a referral, placement, training, ...). */
    public static final String REFERENCE_TAKEN = "rjct.youth_referral.reference_taken";
    private static final ApiItemTerms TERMS = new ApiItemTerms(CompanionOperation.REFER_YOUTH,
            Set.of(AgencyKind.SA), "only Social Assistance refers the young people of the households it supports",
            EXCHANGE, PURPOSE, AuditAction.CREATE, "the youth referrals name ids the hub cannot use; nothing was started");
    private static final Logger LOG = LoggerFactory.getLogger(YouthReferralIntake.class);

    private final ApiItemIntake intake;
    private final IntakeLedger ledger;
    private final ReferralParticipants participants;
    private final RuntimeService runtimeService;

    public YouthReferralIntake(ApiItemIntake intake, IntakeLedger ledger, ReferralParticipants participants,
            RuntimeService runtimeService) {
        this.intake = intake;
        this.ledger = ledger;
        this.participants = participants;
        this.runtimeService = runtimeService;
    }

    /**
     * @param clientId the OAuth2 client that called; it must be allowed to send as the envelope's sender_id
     * @param correlationId the caller's X-Correlation-ID or one the hub made; the cases carry it
     * @return transaction_id, correlation_id and youth_referral_responses, one per item in order
     * @throws DciRejection when the message is refused as a whole; nothing was written then
     */
    @Transactional
    public Map<String, Object> accept(String body, String clientId, String correlationId) {
        TakenMessage<Map<String, Object>> taken = intake.take(this, body, clientId, correlationId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("transaction_id", taken.message().envelope().at("/message/transaction_id").asText());
        answer.put("correlation_id", correlationId);
        answer.put("youth_referral_responses", taken.outcomes());
        return answer;
    }

    @Override
    public ApiItemTerms terms() {
        return TERMS;
    }

    /** The outcomes are the answer itself; what becomes of each case reaches SA as notices. */
    @Override
    public void report(AdmittedMessage message, List<Map<String, Object>> outcomes) {
    }

    @Override
    public Map<String, Object> accept(ApiItem item, AdmittedMessage message) {
        String referenceId = item.referenceId();
        if (participants.referral(referenceId).isPresent() || ledger.referralExists(referenceId)) {
            // one business key, one case: the agencies' events about it must not find two processes
            LOG.info("youth referral {}: refused at intake: the reference names a case already", referenceId);
            return outcome(referenceId, "rjct", "reference_id " + referenceId + " names a case of the hub already;"
                    + " nothing was started", REFERENCE_TAKEN);
        }
        JsonNode json = item.json();
        Map<String, Object> variables = new HashMap<>();
        variables.put(YouthTransition.VAR_REFERENCE_ID, referenceId);
        variables.put(YouthTransition.VAR_PERSON_ID, item.personId());
        variables.put(YouthTransition.VAR_CORRELATION_ID, message.correlationId());
        variables.put(YouthTransition.VAR_GIVEN_NAME, json.get("given_name").asText());
        variables.put(YouthTransition.VAR_FAMILY_NAME, json.get("family_name").asText());
        variables.put(YouthTransition.VAR_BIRTH_DATE, json.get("birth_date").asText());
        variables.put(YouthTransition.VAR_FAMILY_BENEFIT_STATUS, json.get("family_benefit_status").asText());
        variables.put(YouthTransition.VAR_REFERRAL_REASON, json.get("referral_reason").asText());
        // optional in the schema: absent stays absent, the model reads them as unknown
        if (json.hasNonNull("education_level")) {
            variables.put(YouthTransition.VAR_EDUCATION_LEVEL, json.get("education_level").asText());
        }
        if (json.hasNonNull("school_status")) {
            variables.put(YouthTransition.VAR_SCHOOL_STATUS, json.get("school_status").asText());
        }
        runtimeService.createMessageCorrelation(YouthTransition.MESSAGE_YOUTH_REFERRED)
                .processInstanceBusinessKey(referenceId)
                .setVariables(variables)
                .correlateStartMessage();
        LOG.info("youth referral {}: referred by {} (message {}), case started", referenceId, message.senderId(),
                message.messageId());
        return outcome(referenceId, "succ", "referral started; the age band and the consent (the guardian's for a"
                + " minor) are checked next, and SA is told what becomes of it", null);
    }

    private static Map<String, Object> outcome(String referenceId, String status, String message, String reasonCode) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("reference_id", referenceId);
        outcome.put("status", status);
        outcome.put("message", message);
        if (reasonCode != null) {
            outcome.put("status_reason_code", reasonCode);
        }
        return outcome;
    }
}
