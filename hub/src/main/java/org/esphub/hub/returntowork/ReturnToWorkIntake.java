package org.esphub.hub.returntowork;

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
import org.esphub.processes.ReturnToWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /return-to-work-referrals} (PRS.EMPL.06): SA refers people on sickness, injury or
 * disability-related benefit back to work. Each new item starts {@code return-to-work} (message start
 * {@link ReturnToWork#MESSAGE_REFERRED}, the same start as SA's queue event) under its reference_id; an
 * item whose reference_id already names a case of the hub is refused and changes nothing. Taken as
 * every API item is ({@link ApiItemIntake}: schema, sender, signature, the data-sharing gate under
 * exchange {@link #EXCHANGE} for each item, idempotent on message_id, one transaction with the engine's
 * writes); this class is the per-item step. The person's consent is not checked here: the case checks
 * it before the authority is asked and tells SA why when it is missing.
 */
@Service
public class ReturnToWorkIntake implements ApiItemOperation<Map<String, Object>> {

    /** The agreement's name of this operation (return-to-work-coordination). */
    public static final String EXCHANGE = "api.refer-return-to-work";
    public static final String PURPOSE = ReturnToWork.PURPOSE_RETURN_TO_WORK;
    /** The item refusal when its reference_id already names a case. */
    public static final String REFERENCE_TAKEN = "rjct.return_to_work.reference_taken";
    private static final ApiItemTerms TERMS = new ApiItemTerms(CompanionOperation.REFER_RETURN_TO_WORK,
            Set.of(AgencyKind.SA), "only Social Assistance refers people on its benefits back to work",
            EXCHANGE, PURPOSE, AuditAction.CREATE, "the referrals name ids the hub cannot use; nothing was started");
    private static final Logger LOG = LoggerFactory.getLogger(ReturnToWorkIntake.class);

    private final ApiItemIntake intake;
    private final IntakeLedger ledger;
    private final ReferralParticipants participants;
    private final RuntimeService runtimeService;

    public ReturnToWorkIntake(ApiItemIntake intake, IntakeLedger ledger, ReferralParticipants participants,
            RuntimeService runtimeService) {
        this.intake = intake;
        this.ledger = ledger;
        this.participants = participants;
        this.runtimeService = runtimeService;
    }

    /**
     * @param clientId the OAuth2 client that called; it must be allowed to send as the envelope's sender_id
     * @param correlationId the caller's X-Correlation-ID or one the hub made; the cases carry it
     * @return transaction_id, correlation_id and return_to_work_responses, one per item in order
     * @throws DciRejection when the message is refused as a whole; nothing was written then
     */
    @Transactional
    public Map<String, Object> accept(String body, String clientId, String correlationId) {
        TakenMessage<Map<String, Object>> taken = intake.take(this, body, clientId, correlationId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("transaction_id", taken.message().envelope().at("/message/transaction_id").asText());
        answer.put("correlation_id", correlationId);
        answer.put("return_to_work_responses", taken.outcomes());
        return answer;
    }

    @Override
    public ApiItemTerms terms() {
        return TERMS;
    }

    /** The outcomes are the answer itself; SA learns how each return ended as a notice on its queue. */
    @Override
    public void report(AdmittedMessage message, List<Map<String, Object>> outcomes) {
    }

    @Override
    public Map<String, Object> accept(ApiItem item, AdmittedMessage message) {
        String referenceId = item.referenceId();
        if (participants.referral(referenceId).isPresent() || ledger.referralExists(referenceId)) {
            // one business key, one case: SA's and the employer's events about it must not find two processes
            LOG.info("return to work {}: refused at intake: the reference names a case already", referenceId);
            return outcome(referenceId, "rjct", "reference_id " + referenceId + " names a case of the hub already;"
                    + " nothing was started", REFERENCE_TAKEN);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(ReturnToWork.VAR_REFERENCE_ID, referenceId);
        variables.put(ReturnToWork.VAR_PERSON_ID, item.personId());
        variables.put(ReturnToWork.VAR_CORRELATION_ID, message.correlationId());
        variables.put(ReturnToWork.VAR_GIVEN_NAME, item.json().get("given_name").asText());
        variables.put(ReturnToWork.VAR_FAMILY_NAME, item.json().get("family_name").asText());
        variables.put(ReturnToWork.VAR_BENEFIT_TYPE, item.json().get("benefit_type").asText());
        variables.put(ReturnToWork.VAR_MONTHLY_BENEFIT_AMOUNT, item.json().get("monthly_benefit_amount").asDouble());
        variables.put(ReturnToWork.VAR_EMPLOYER_ID, item.json().get("employer_id").asText());
        runtimeService.createMessageCorrelation(ReturnToWork.MESSAGE_REFERRED)
                .processInstanceBusinessKey(referenceId)
                .setVariables(variables)
                .correlateStartMessage();
        LOG.info("return to work {}: referred by {} (message {}), case started", referenceId, message.senderId(),
                message.messageId());
        return outcome(referenceId, "succ", "return to work started; the person's consent and the work capacity"
                + " are checked next, and SA is told how it ends", null);
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
