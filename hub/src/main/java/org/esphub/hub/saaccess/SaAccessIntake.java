package org.esphub.hub.saaccess;

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
import org.esphub.processes.PesClientSaAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /sa-access-requests} (PRS.EMPL.09): PES refers jobseekers it serves who may need social
 * assistance. Each new item starts {@code pes-client-sa-access} (message start
 * {@link PesClientSaAccess#MESSAGE_ACCESS_REQUESTED}, the same start as PES's queue event) under its
 * reference_id; an item whose reference_id already names a case of the hub is refused and changes
 * nothing. Taken as every API item is ({@link ApiItemIntake}: schema, sender, signature, the
 * data-sharing gate under exchange {@link #EXCHANGE} for each item, idempotent on message_id, one
 * transaction with the engine's writes); this class is the per-item step, and the answer lists each
 * item's outcome. The person's consent is not checked here: the case checks it before anything
 * reaches SA and tells PES why when it is missing.
 */
@Service
public class SaAccessIntake implements ApiItemOperation<Map<String, Object>> {

    /** The agreements' name of this operation (pes-sa-social-assistance-access). */
    public static final String EXCHANGE = "api.request-sa-access";
    public static final String PURPOSE = PesClientSaAccess.PURPOSE_SOCIAL_ASSISTANCE_ACCESS;
    /** The item refusal when its reference_id already names a case (a referral, placement, training, SA access). */
    public static final String REFERENCE_TAKEN = "rjct.sa_access.reference_taken";
    private static final ApiItemTerms TERMS = new ApiItemTerms(CompanionOperation.REQUEST_SA_ACCESS,
            Set.of(AgencyKind.PES), "only the Public Employment Service refers its clients to social assistance",
            EXCHANGE, PURPOSE, AuditAction.CREATE, "the referrals name ids the hub cannot use; nothing was started");
    private static final Logger LOG = LoggerFactory.getLogger(SaAccessIntake.class);

    private final ApiItemIntake intake;
    private final IntakeLedger ledger;
    private final ReferralParticipants participants;
    private final RuntimeService runtimeService;

    public SaAccessIntake(ApiItemIntake intake, IntakeLedger ledger, ReferralParticipants participants,
            RuntimeService runtimeService) {
        this.intake = intake;
        this.ledger = ledger;
        this.participants = participants;
        this.runtimeService = runtimeService;
    }

    /**
     * @param clientId the OAuth2 client that called; it must be allowed to send as the envelope's sender_id
     * @param correlationId the caller's X-Correlation-ID or one the hub made; the cases carry it
     * @return transaction_id, correlation_id and sa_access_responses, one per item in order
     * @throws DciRejection when the message is refused as a whole; nothing was written then
     */
    @Transactional
    public Map<String, Object> accept(String body, String clientId, String correlationId) {
        TakenMessage<Map<String, Object>> taken = intake.take(this, body, clientId, correlationId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("transaction_id", taken.message().envelope().at("/message/transaction_id").asText());
        answer.put("correlation_id", correlationId);
        answer.put("sa_access_responses", taken.outcomes());
        return answer;
    }

    @Override
    public ApiItemTerms terms() {
        return TERMS;
    }

    /** The outcomes are the answer itself: PES's system asks synchronously and has no callback for them. */
    @Override
    public void report(AdmittedMessage message, List<Map<String, Object>> outcomes) {
    }

    @Override
    public Map<String, Object> accept(ApiItem item, AdmittedMessage message) {
        String referenceId = item.referenceId();
        if (participants.referral(referenceId).isPresent() || ledger.referralExists(referenceId)) {
            // one business key, one case: SA's events about it must not find two processes
            LOG.info("SA access {}: refused at intake: the reference names a case already", referenceId);
            return outcome(referenceId, "rjct", "reference_id " + referenceId + " names a case of the hub already;"
                    + " nothing was started", REFERENCE_TAKEN);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(PesClientSaAccess.VAR_REFERENCE_ID, referenceId);
        variables.put(PesClientSaAccess.VAR_PERSON_ID, item.personId());
        variables.put(PesClientSaAccess.VAR_CORRELATION_ID, message.correlationId());
        variables.put(PesClientSaAccess.VAR_GIVEN_NAME, item.json().get("given_name").asText());
        variables.put(PesClientSaAccess.VAR_FAMILY_NAME, item.json().get("family_name").asText());
        variables.put(PesClientSaAccess.VAR_PES_CASE_ID, item.json().get("pes_case_id").asText());
        variables.put(PesClientSaAccess.VAR_REFERRAL_REASON, item.json().get("referral_reason").asText());
        runtimeService.createMessageCorrelation(PesClientSaAccess.MESSAGE_ACCESS_REQUESTED)
                .processInstanceBusinessKey(referenceId)
                .setVariables(variables)
                .correlateStartMessage();
        LOG.info("SA access {}: referred by {} (message {}), case started", referenceId, message.senderId(),
                message.messageId());
        return outcome(referenceId, "succ", "referral started; the person's consent and SA's figures are checked"
                + " next, and PES is told SA's decision", null);
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
